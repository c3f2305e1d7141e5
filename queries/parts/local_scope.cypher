// Part: what counts as local for the cluster c under $scope (included by the gap queries:
// gap_scope, cluster_gaps, gap_candidates, gap_zones).  Needs c bound; binds c, own_zones,
// counties, cities, provinces, places and zones (lists of keys).
// Counties: those the cluster or its zones are located in, and those where the firms sited in
// its zones are registered (a zone drawn at city level still has firms in named counties).
// Cities: the cities of those places with all their counties.  Province: every place whose
// code shares the cluster's two-digit province prefix.  Zones in a local place are local too.
WITH c, COLLECT { MATCH (c)<-[:SERVES]-(z:Zone) RETURN z.key AS k } AS own_zones
WITH c, own_zones,
     COLLECT { MATCH (c)-[:LOCATED_IN]->(p:County) RETURN p.key AS k
               UNION MATCH (c)<-[:SERVES]-(:Zone)-[:LOCATED_IN]->(p:County) RETURN p.key AS k
               UNION MATCH (cell:Presence) WHERE cell.zone IN own_zones WITH DISTINCT cell.place AS place
                     MATCH (p:County {key: place}) RETURN p.key AS k } AS counties
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
