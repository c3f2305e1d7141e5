// name: gap_targets
// description: Whom and where to court for some segments of a cluster's chains, in one pass: per segment, the firms placed in it outside the local scope with the parts of their score (segment fit, size, chain leader, distance, ties) best first, and the zones outside the scope specialised in it (location quotient: the zone's share of the segment's firms over its share of all firms; zones with at least min_firms firms of the segment first).
// param: key str required=true max=200 example=郑州航空港区智能终端(手机)产业集群 | the cluster's key
// param: scope str default=cities choices=zones,counties,cities,province | what counts as local (see cluster_gaps)
// param: segments str required=true max=8000 example=smart-terminal/chips,smart-terminal/pcb | ChainSegment keys, comma-separated
// param: per_segment int default=20 min=0 max=500 | candidate firms per segment at most
// param: fit_keyword float default=0.6 min=0 max=1 | fit of a firm placed by a product keyword (an industry code gives 1)
// param: w_fit float default=0.2 min=0 max=1 | weight of segment fit (normalised weights: they sum to 1)
// param: w_size float default=0.3 min=0 max=1 | weight of size
// param: w_leader float default=0.2 min=0 max=1 | weight of being a chain leader
// param: w_distance float default=0.15 min=0 max=1 | weight of nearness
// param: w_ties float default=0.15 min=0 max=1 | weight of existing ties
// param: min_firms int default=2 min=1 max=1000 | zones with fewer firms of the segment are ranked after the others (one firm makes a noisy quotient)
// param: zones_per_segment int default=10 min=0 max=200 | zones per segment at most
// param: limit int default=200 min=1 max=2000 | segments at most
// returns: segment, total (candidate firms in all), firms[{key, name, uscc, revenue_wan, employees, chain_leader, address, contact, phone, legal_rep, founded, products, zone{key, name}, county{key, name}, city{key, name}, rule, fit, size, leader, distance, distance_label, ties, ties_label, score}], segment_firms, zones[{key, name, firm_count, zone_firms, revenue_wan, lq}]
MATCH (c:Cluster {key: $key})
// include: local_scope
// Ties the graph can show: the firm anchors the cluster in the plan, or is sited in a zone
// hosting one of its anchor firms (1); its zone serves a cluster the plan links to this one
// (0.5).  The graph holds no firm-to-firm supply links, so "already supplies the anchors"
// cannot be scored yet.
WITH c, counties, cities, provinces, places, zones,
     COLLECT { MATCH (c)<-[:ANCHORS]-(:Enterprise)-[:SITED_IN]->(z:Zone) RETURN DISTINCT z.key AS k } AS anchor_zones,
     COLLECT { MATCH (c)-[:LINKS_TO]-(:Cluster)<-[:SERVES]-(z:Zone) RETURN DISTINCT z.key AS k } AS linked_zones
// All firms: every Enterprise node (a count the store keeps); a zone's firms: its SITED_IN
// firms, counted once per zone for all the asked segments.
// A segment's firms and a zone's firms in it come from the Presence cells.
WITH c, counties, cities, provinces, places, zones, anchor_zones, linked_zones, COUNT { (:Enterprise) } AS all_firms, [s IN split($segments, ',') WHERE s <> ''] AS segments
WITH c, counties, cities, provinces, places, zones, anchor_zones, linked_zones, all_firms, segments,
     COLLECT { UNWIND segments AS k MATCH (cell:Presence {segment: k})
               WHERE cell.zone IS NOT NULL AND NOT cell.zone IN zones RETURN DISTINCT cell.zone AS z } AS outside
WITH c, counties, cities, provinces, places, zones, anchor_zones, linked_zones, all_firms, segments,
     // SITED_IN comes from firms and projects only (graph/model.py): a zone's firms are its degree
     // (kept by the store) less its few projects, so no zone's firms are walked to count them.
     COLLECT { MATCH (z:Zone) WHERE z.key IN outside
               RETURN [z.key, COUNT { (z)<-[:SITED_IN]-() } - COUNT { MATCH (p:Project)-[:SITED_IN]->(z) }] AS x } AS zone_firms
UNWIND segments AS segment
CALL (c, segment, counties, cities, provinces, places, zones, anchor_zones, linked_zones) {
  // The candidates are collected as references, and only the page's best are turned into maps
  // of their properties: a segment of a province's registry has tens of thousands of firms
  // outside the scope, and a map of each ran past the server's transaction memory.
  CALL (segment, zones, places) {
    MATCH (e:Enterprise)-[r:IN_SEGMENT]->(:ChainSegment {key: segment})
    OPTIONAL CALL (e) { MATCH (e)-[:SITED_IN]->(z:Zone) RETURN z ORDER BY z.key LIMIT 1 }
    OPTIONAL CALL (e) { MATCH (e)-[:LOCATED_IN]->(p:City|County) RETURN p ORDER BY p.key LIMIT 1 }
    WITH e, r, z, p WHERE NOT coalesce(z.key, '') IN zones AND NOT coalesce(p.key, '') IN places
    RETURN collect([e, r, z, p]) AS outside
  }
  CALL (c, counties, cities, provinces, anchor_zones, linked_zones, outside) {
  UNWIND outside AS x
  WITH c, x[0] AS e, x[1] AS r, x[2] AS z, x[3] AS p, counties, cities, provinces, anchor_zones, linked_zones
  // Where the firm is: its registered place, else its zone's.
  OPTIONAL CALL (z) { MATCH (z)-[:LOCATED_IN]->(zp:City|County) RETURN zp ORDER BY zp.key LIMIT 1 }
  WITH c, e, r, z, coalesce(p, zp) AS at, counties, cities, provinces, anchor_zones, linked_zones
  OPTIONAL CALL (at) { MATCH (at)-[:PART_OF]->(ac:City) RETURN ac LIMIT 1 }
  WITH c, e, r, z, CASE WHEN at:County THEN at END AS county, CASE WHEN at:City THEN at ELSE ac END AS city, at,
       counties, cities, provinces, anchor_zones, linked_zones
  WITH e, z, county, city,
       CASE WHEN r.rule STARTS WITH 'industry_code' THEN 1.0 ELSE $fit_keyword END AS fit,
       // Size on a log scale: 100 亿元 (10^6 万元) of revenue or 10,000 employees score 1.
       CASE WHEN e.revenue_wan IS NULL OR e.revenue_wan <= 0 THEN 0.0
            WHEN log10(1 + e.revenue_wan) >= 6 THEN 1.0 ELSE log10(1 + e.revenue_wan) / 6 END AS rev_size,
       CASE WHEN e.employees IS NULL OR e.employees <= 0 THEN 0.0
            WHEN log10(1 + e.employees) >= 4 THEN 1.0 ELSE log10(1 + e.employees) / 4 END AS emp_size,
       CASE WHEN coalesce(e.chain_leader, false) THEN 1.0 ELSE 0.0 END AS leader,
       CASE WHEN county.key IN counties THEN ['同县', 1.0]
            WHEN city.key IN cities THEN ['同市', 2.0 / 3]
            WHEN at IS NULL THEN ['不详', 0.0]
            WHEN left(at.key, 2) IN provinces THEN ['同省', 1.0 / 3]
            ELSE ['外省', 0.0] END AS distance,
       CASE WHEN EXISTS { (e)-[:ANCHORS]->(c) } OR z.key IN anchor_zones THEN ['与集群骨干企业同园区', 1.0]
            WHEN z.key IN linked_zones THEN ['所在园区服务关联集群', 0.5]
            ELSE ['', 0.0] END AS ties, r.rule AS rule
  WITH e, z, county, city, rule, fit, CASE WHEN rev_size >= emp_size THEN rev_size ELSE emp_size END AS size,
       leader, distance, ties
  WITH e, z, county, city, rule, fit, size, leader, distance, ties,
       100 * ($w_fit * fit + $w_size * size + $w_leader * leader + $w_distance * distance[1] + $w_ties * ties[1]) AS score
  ORDER BY score DESC, coalesce(e.revenue_wan, 0.0) DESC, e.key
  LIMIT $per_segment
  RETURN collect({key: e.key, name: e.name, uscc: e.uscc, revenue_wan: e.revenue_wan, employees: e.employees,
                chain_leader: coalesce(e.chain_leader, false), address: e.address, contact: e.contact, phone: e.phone,
                legal_rep: e.legal_rep, founded: e.founded, products: e.products,
                zone: z {.key, .name}, county: county {.key, .name}, city: city {.key, .name},
                rule: rule, fit: fit, size: size, leader: leader, distance: distance[1], distance_label: distance[0],
                ties: ties[1], ties_label: ties[0], score: score}) AS firms
  }
  RETURN size(outside) AS total, firms
}
CALL (segment, zones, all_firms, zone_firms) {
  OPTIONAL MATCH (cell:Presence {segment: segment})
  WITH zones, all_firms, zone_firms, collect(cell) AS cells
  WITH zones, all_firms, zone_firms, cells, reduce(t = 0, x IN cells | t + x.firms) AS segment_firms
  CALL (zones, all_firms, zone_firms, cells, segment_firms) {
    UNWIND cells AS cell
    WITH zones, all_firms, zone_firms, segment_firms, cell WHERE cell.zone IS NOT NULL AND NOT cell.zone IN zones
    WITH all_firms, zone_firms, segment_firms, cell.zone AS k, sum(cell.firms) AS firm_count, sum(cell.revenue_wan) AS revenue_wan
    WITH k, firm_count, revenue_wan, [x IN zone_firms WHERE x[0] = k][0][1] AS in_zone, all_firms, segment_firms
    WITH k, firm_count, revenue_wan, in_zone, (toFloat(firm_count) / segment_firms) / (toFloat(in_zone) / all_firms) AS lq
    ORDER BY firm_count >= $min_firms DESC, lq DESC, firm_count DESC, k
    LIMIT $zones_per_segment
    MATCH (z:Zone {key: k})
    RETURN collect({key: z.key, name: z.name, firm_count: firm_count, zone_firms: in_zone,
                    revenue_wan: toFloat(revenue_wan), lq: lq}) AS ranked
  }
  RETURN segment_firms, ranked
}
RETURN segment, total, firms, segment_firms, ranked AS zones
LIMIT $limit
