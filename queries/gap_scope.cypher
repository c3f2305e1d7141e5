// name: gap_scope
// description: What counts as local for one cluster's gap report under a scope (the block that opens cluster_gaps, gap_candidates and gap_zones): its zones, its counties, its cities and its province, with names, and the local places and zones, and the cluster's name (so a report needs no other query for it); no row when the key is absent.
// param: key str required=true max=200 example=郑州航空港区智能终端(手机)产业集群 | the cluster's key
// param: scope str default=cities choices=zones,counties,cities,province | what counts as local (see cluster_gaps)
// param: limit int default=1 min=1 max=1 | one row
// returns: key, name, own_zones[{key, name}], counties[{key, name}], cities[{key, name}], provinces[], place_count, zone_count, places[{key, name}] (at most 50)
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
RETURN c.key AS key, c.name AS name,
       COLLECT { MATCH (z:Zone) WHERE z.key IN own_zones RETURN z {.key, .name} AS x ORDER BY x.key } AS own_zones,
       COLLECT { MATCH (p:County) WHERE p.key IN counties RETURN p {.key, .name} AS x ORDER BY x.key } AS counties,
       COLLECT { MATCH (p:City) WHERE p.key IN cities RETURN p {.key, .name} AS x ORDER BY x.key } AS cities,
       COLLECT { UNWIND provinces AS x RETURN DISTINCT x ORDER BY x } AS provinces,
       size(places) AS place_count, size(zones) AS zone_count,
       COLLECT { MATCH (p:City|County) WHERE p.key IN places RETURN p {.key, .name} AS x ORDER BY x.key LIMIT 50 } AS places
LIMIT $limit
