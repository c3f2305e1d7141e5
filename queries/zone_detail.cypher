// name: zone_detail
// description: One zone by key with its neighbours grouped by kind: places (a county with its city), the clusters it serves (with sector), how many firms are sited in it and the largest of them by revenue (zone_firms pages through all), and its projects; no row when the key is absent.
// param: key str required=true max=200 example=荥阳市产业集聚区 | the zone's key
// param: firm_limit int default=20 min=0 max=200 | firms listed at most, largest revenue first
// param: limit int default=1 min=1 max=1 | one row at most
// returns: key, name, places[{key, name, label, city}], clusters[{key, name, level, target_yi, sector}], firm_count, all_firms (in the graph), firms[{key, name}], projects[{key, name}]
MATCH (z:Zone {key: $key})
RETURN z.key AS key, z.name AS name,
       COLLECT { MATCH (z)-[:LOCATED_IN]->(p:City|County)
                 OPTIONAL MATCH (p)-[:PART_OF]->(city:City)
                 RETURN DISTINCT p {.key, .name, label: labels(p)[0], city: city.key} AS x ORDER BY x.key } AS places,
       COLLECT { MATCH (z)-[:SERVES]->(c:Cluster)
                 RETURN DISTINCT c {.key, .name, .level, .target_yi,
                           sector: COLLECT { MATCH (c)-[:IN_SECTOR]->(s:Sector) RETURN s.key }[0]} AS x
                 ORDER BY x.key } AS clusters,
       // SITED_IN comes from firms and projects only (graph/model.py): the zone's firms are its
       // SITED_IN degree (kept by the store) less its projects, counted without walking a firm.
       COUNT { (z)<-[:SITED_IN]-() } - COUNT { MATCH (p:Project)-[:SITED_IN]->(z) } AS firm_count,
       COUNT { (:Enterprise) } AS all_firms,
       COLLECT { MATCH (e:Enterprise)-[:SITED_IN]->(z)
                 WITH DISTINCT e ORDER BY coalesce(e.revenue_wan, -1.0) DESC, e.key LIMIT $firm_limit
                 RETURN e {.key, .name} AS x } AS firms,
       COLLECT { MATCH (p:Project)-[:SITED_IN]->(z) RETURN DISTINCT p {.key, .name} AS x ORDER BY x.key } AS projects
LIMIT $limit
