// name: gap_zones
// description: Zones outside the local scope specialised in some segments of a cluster's chains, per segment: location quotient (the zone's share of the segment's firms over its share of all firms) and firm count in the segment, zones with at least min_firms firms first, then by quotient.
// param: key str required=true max=200 example=郑州航空港区智能终端(手机)产业集群 | the cluster's key
// param: scope str default=cities choices=zones,counties,cities,province | what counts as local (see cluster_gaps)
// param: segments str required=true max=8000 example=smart-terminal/chips,smart-terminal/pcb | ChainSegment keys, comma-separated
// param: min_firms int default=2 min=1 max=1000 | zones with fewer firms of the segment are ranked after the others (one firm makes a noisy quotient)
// param: per_segment int default=10 min=0 max=200 | zones per segment at most
// param: limit int default=200 min=1 max=2000 | segments at most
// returns: segment, segment_firms, zones[{key, name, firm_count, zone_firms, revenue_wan, lq}]
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
// All firms: every Enterprise node (a count the store keeps); a zone's firms: its SITED_IN
// firms, counted once per zone for all the asked segments (a zone hosts thousands of firms
// at province scale; counting it again for each segment was most of this query's time).
// A segment's firms and a zone's firms in it come from the Presence cells.
WITH zones, COUNT { (:Enterprise) } AS all_firms, [s IN split($segments, ',') WHERE s <> ''] AS segments
WITH zones, all_firms, segments,
     COLLECT { UNWIND segments AS k MATCH (cell:Presence {segment: k})
               WHERE cell.zone IS NOT NULL AND NOT cell.zone IN zones RETURN DISTINCT cell.zone AS z } AS outside
WITH zones, all_firms, segments,
     COLLECT { MATCH (z:Zone) WHERE z.key IN outside RETURN [z.key, COUNT { (z)<-[:SITED_IN]-(:Enterprise) }] AS x } AS zone_firms
UNWIND segments AS segment
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
    LIMIT $per_segment
    MATCH (z:Zone {key: k})
    RETURN collect({key: z.key, name: z.name, firm_count: firm_count, zone_firms: in_zone,
                    revenue_wan: toFloat(revenue_wan), lq: lq}) AS ranked
  }
  RETURN segment_firms, ranked
}
RETURN segment, segment_firms, ranked AS zones
LIMIT $limit
