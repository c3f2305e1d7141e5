// name: cluster_detail
// description: One cluster by key with its neighbours grouped by kind: sector, places (a county with its city), zones, anchor firms, projects and linked clusters; no row when the key is absent.
// param: key str required=true max=200 example=郑州高端装备制造产业集群 | the cluster's key
// param: limit int default=1 min=1 max=1 | one row at most
// returns: key, name, level, target_yi, target_year, appendix_no, sector{key, name, goal_yi}, places[{key, name, label, city}], zones, firms, projects[{key, name}], linked[{key, name}]
MATCH (c:Cluster {key: $key})
RETURN c.key AS key, c.name AS name, c.level AS level, c.target_yi AS target_yi,
       c.target_year AS target_year, c.appendix_no AS appendix_no,
       COLLECT { MATCH (c)-[:IN_SECTOR]->(s:Sector) RETURN DISTINCT s {.key, .name, .goal_yi} }[0] AS sector,
       COLLECT { MATCH (c)-[:LOCATED_IN]->(p:City|County)
                 OPTIONAL MATCH (p)-[:PART_OF]->(city:City)
                 RETURN DISTINCT p {.key, .name, label: labels(p)[0], city: city.key} AS x ORDER BY x.key } AS places,
       COLLECT { MATCH (z:Zone)-[:SERVES]->(c) RETURN DISTINCT z {.key, .name} AS x ORDER BY x.key } AS zones,
       COLLECT { MATCH (e:Enterprise)-[:ANCHORS]->(c) RETURN DISTINCT e {.key, .name} AS x ORDER BY x.key } AS firms,
       COLLECT { MATCH (p:Project)-[:SUPPORTS]->(c) RETURN DISTINCT p {.key, .name} AS x ORDER BY x.key } AS projects,
       COLLECT { MATCH (c)-[:LINKS_TO]-(o:Cluster) RETURN DISTINCT o {.key, .name} AS x ORDER BY x.key } AS linked
LIMIT $limit
