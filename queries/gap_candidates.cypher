// name: gap_candidates
// description: Firms to court for some segments of a cluster's chains: firms placed in each segment outside the local scope, with the parts of their score (segment fit, size, chain leader, distance, ties) and the score, best first per segment (weights come from the settings; see api/scoring.py).
// param: key str required=true max=200 example=郑州航空港区智能终端(手机)产业集群 | the cluster's key
// param: scope str default=cities choices=zones,counties,cities,province | what counts as local (see cluster_gaps)
// param: segments str required=true max=8000 example=smart-terminal/chips,smart-terminal/pcb | ChainSegment keys, comma-separated
// param: per_segment int default=20 min=0 max=500 | candidates per segment at most
// param: limit int default=200 min=1 max=2000 | segments at most
// param: fit_keyword float default=0.6 min=0 max=1 | fit of a firm placed by a product keyword (an industry code gives 1)
// param: w_fit float default=0.2 min=0 max=1 | weight of segment fit (normalised weights: they sum to 1)
// param: w_size float default=0.3 min=0 max=1 | weight of size
// param: w_leader float default=0.2 min=0 max=1 | weight of being a chain leader
// param: w_distance float default=0.15 min=0 max=1 | weight of nearness
// param: w_ties float default=0.15 min=0 max=1 | weight of existing ties
// returns: segment, total (candidates in all), firms[{key, name, uscc, revenue_wan, employees, chain_leader, address, contact, phone, legal_rep, founded, products, zone{key, name}, county{key, name}, city{key, name}, rule, fit, size, leader, distance, distance_label, ties, ties_label, score}]
MATCH (c:Cluster {key: $key})
// The scope (the same block opens gap_candidates and gap_zones): local places and zones.
// Counties: those the cluster or its zones are located in, and those where the firms sited in
// its zones are registered (a zone drawn at city level still has firms in named counties).
// Cities: the cities of those places with all their counties.  Province: every place whose
// code shares the cluster's two-digit province prefix.  Zones in a local place are local too.
WITH c, COLLECT { MATCH (c)<-[:SERVES]-(z:Zone) RETURN z.key AS k } AS own_zones
WITH c, own_zones,
     COLLECT { MATCH (c)-[:LOCATED_IN]->(p:County) RETURN p.key AS k
               UNION MATCH (c)<-[:SERVES]-(:Zone)-[:LOCATED_IN]->(p:County) RETURN p.key AS k
               UNION MATCH (cell:Presence) WHERE cell.zone IN own_zones MATCH (p:County {key: cell.place}) RETURN p.key AS k } AS counties
WITH c, own_zones, counties,
     COLLECT { MATCH (c)-[:LOCATED_IN]->(p:City) RETURN p.key AS k
               UNION MATCH (c)<-[:SERVES]-(:Zone)-[:LOCATED_IN]->(p:City) RETURN p.key AS k
               UNION MATCH (q:County)-[:PART_OF]->(p:City) WHERE q.key IN counties RETURN p.key AS k } AS cities
WITH c, own_zones, counties, cities, [x IN counties + cities | left(x, 2)] AS provinces
WITH c, own_zones, counties, cities, provinces,
     CASE $scope
       WHEN 'zones' THEN []
       WHEN 'counties' THEN counties
       WHEN 'cities' THEN counties + COLLECT { MATCH (p:City) WHERE p.key IN cities RETURN p.key AS k
                                               UNION MATCH (p:County)-[:PART_OF]->(q:City) WHERE q.key IN cities RETURN p.key AS k }
       ELSE COLLECT { MATCH (p:City|County) WHERE left(p.key, 2) IN provinces RETURN p.key AS k }
     END AS places
WITH c, own_zones, counties, cities, provinces, places,
     own_zones + COLLECT { MATCH (z:Zone)-[:LOCATED_IN]->(p) WHERE p.key IN places AND NOT z.key IN own_zones RETURN z.key AS k } AS zones
// Ties the graph can show: the firm anchors the cluster in the plan, or is sited in a zone
// hosting one of its anchor firms (1); its zone serves a cluster the plan links to this one
// (0.5).  The graph holds no firm-to-firm supply links, so "already supplies the anchors"
// cannot be scored yet.
WITH c, counties, cities, provinces, places, zones,
     COLLECT { MATCH (c)<-[:ANCHORS]-(:Enterprise)-[:SITED_IN]->(z:Zone) RETURN DISTINCT z.key AS k } AS anchor_zones,
     COLLECT { MATCH (c)-[:LINKS_TO]-(:Cluster)<-[:SERVES]-(z:Zone) RETURN DISTINCT z.key AS k } AS linked_zones
UNWIND [s IN split($segments, ',') WHERE s <> ''] AS segment
CALL (c, segment, counties, cities, provinces, places, zones, anchor_zones, linked_zones) {
  MATCH (e:Enterprise)-[r:IN_SEGMENT]->(:ChainSegment {key: segment})
  OPTIONAL CALL (e) { MATCH (e)-[:SITED_IN]->(z:Zone) RETURN z ORDER BY z.key LIMIT 1 }
  OPTIONAL CALL (e) { MATCH (e)-[:LOCATED_IN]->(p:City|County) RETURN p ORDER BY p.key LIMIT 1 }
  WITH c, e, r, z, p, counties, cities, provinces, anchor_zones, linked_zones
  WHERE NOT coalesce(z.key, '') IN zones AND NOT coalesce(p.key, '') IN places
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
  WITH collect({key: e.key, name: e.name, uscc: e.uscc, revenue_wan: e.revenue_wan, employees: e.employees,
                chain_leader: coalesce(e.chain_leader, false), address: e.address, contact: e.contact, phone: e.phone,
                legal_rep: e.legal_rep, founded: e.founded, products: e.products,
                zone: z {.key, .name}, county: county {.key, .name}, city: city {.key, .name},
                rule: rule, fit: fit, size: size, leader: leader, distance: distance[1], distance_label: distance[0],
                ties: ties[1], ties_label: ties[0], score: score}) AS found
  RETURN size(found) AS total, found[..$per_segment] AS firms
}
RETURN segment, total, firms
LIMIT $limit
