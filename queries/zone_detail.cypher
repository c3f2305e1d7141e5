// name: zone_detail
// description: One zone by key with its neighbours grouped by kind: places (a county with its city), the clusters it serves (with sector), and the firms and projects sited in it; no row when the key is absent.
// param: key str required=true max=200 example=荥阳市产业集聚区 | the zone's key
// param: limit int default=1 min=1 max=1 | one row at most
// returns: key, name, places[{key, name, label, city}], clusters[{key, name, level, target_yi, sector}], firms, projects[{key, name}]
MATCH (z:Zone {key: $key})
RETURN z.key AS key, z.name AS name,
       COLLECT { MATCH (z)-[:LOCATED_IN]->(p:City|County)
                 OPTIONAL MATCH (p)-[:PART_OF]->(city:City)
                 RETURN DISTINCT p {.key, .name, label: labels(p)[0], city: city.key} AS x ORDER BY x.key } AS places,
       COLLECT { MATCH (z)-[:SERVES]->(c:Cluster)
                 RETURN DISTINCT c {.key, .name, .level, .target_yi,
                           sector: COLLECT { MATCH (c)-[:IN_SECTOR]->(s:Sector) RETURN s.key }[0]} AS x
                 ORDER BY x.key } AS clusters,
       COLLECT { MATCH (e:Enterprise)-[:SITED_IN]->(z) RETURN DISTINCT e {.key, .name} AS x ORDER BY x.key } AS firms,
       COLLECT { MATCH (p:Project)-[:SITED_IN]->(z) RETURN DISTINCT p {.key, .name} AS x ORDER BY x.key } AS projects
LIMIT $limit
