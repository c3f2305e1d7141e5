// name: city_detail
// description: One city or county by division code with its neighbours grouped by kind: parent city, counties, clusters located there (with sector), zones located there; no row when the code is absent.
// param: key str required=true max=6 example=410100 | the 6-digit division code
// param: limit int default=1 min=1 max=1 | one row at most
// returns: key, name, label, level, parent{key, name}, counties[{key, name}], clusters[{key, name, level, target_yi, sector}], zones[{key, name}]
MATCH (p:City|County {key: $key})
RETURN p.key AS key, p.name AS name, labels(p)[0] AS label, p.level AS level,
       COLLECT { MATCH (p)-[:PART_OF]->(c:City) RETURN DISTINCT c {.key, .name} }[0] AS parent,
       COLLECT { MATCH (k:County)-[:PART_OF]->(p) RETURN DISTINCT k {.key, .name} AS x ORDER BY x.key } AS counties,
       COLLECT { MATCH (c:Cluster)-[:LOCATED_IN]->(q) WHERE q = p OR (q)-[:PART_OF]->(p)
                 RETURN DISTINCT c {.key, .name, .level, .target_yi,
                           sector: COLLECT { MATCH (c)-[:IN_SECTOR]->(s:Sector) RETURN s.key }[0]} AS x
                 ORDER BY x.key } AS clusters,
       COLLECT { MATCH (z:Zone)-[:LOCATED_IN]->(q) WHERE q = p OR (q)-[:PART_OF]->(p)
                 RETURN DISTINCT z {.key, .name} AS x ORDER BY x.key } AS zones
LIMIT $limit
