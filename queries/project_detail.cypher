// name: project_detail
// description: One project by key with the clusters it supports (with sector), the firm that runs it and its zone; no row when the key is absent.
// param: key str required=true max=200 example=东风日产年产30万辆新工厂 | the project's key
// param: limit int default=1 min=1 max=1 | one row at most
// returns: key, name, clusters[{key, name, level, target_yi, sector}], firms[{key, name}], zones[{key, name}]
MATCH (p:Project {key: $key})
RETURN p.key AS key, p.name AS name,
       COLLECT { MATCH (p)-[:SUPPORTS]->(c:Cluster)
                 RETURN DISTINCT c {.key, .name, .level, .target_yi,
                           sector: COLLECT { MATCH (c)-[:IN_SECTOR]->(s:Sector) RETURN s.key }[0]} AS x
                 ORDER BY x.key } AS clusters,
       COLLECT { MATCH (p)-[:RUN_BY]->(e:Enterprise) RETURN DISTINCT e {.key, .name} AS x ORDER BY x.key } AS firms,
       COLLECT { MATCH (p)-[:SITED_IN]->(z:Zone) RETURN DISTINCT z {.key, .name} AS x ORDER BY x.key } AS zones
LIMIT $limit
