// name: enterprise_detail
// description: One enterprise by key with its registry columns (null when the registry gave none) and its neighbours grouped by kind: the clusters it anchors (with sector), the projects it runs, its places and the zones it is sited in; no row when the key is absent.
// param: key str required=true max=200 example=郑煤机 | the enterprise's key
// param: limit int default=1 min=1 max=1 | one row at most
// returns: key, name, uscc, industry_code, products, revenue_wan, chain_leader, address, contact, phone, legal_rep, employees, founded, sample, clusters[{key, name, level, target_yi, sector}], projects, zones[{key, name}], places[{key, name, label, city}]
MATCH (e:Enterprise {key: $key})
RETURN e.key AS key, e.name AS name, e.uscc AS uscc, e.industry_code AS industry_code, e.products AS products,
       e.revenue_wan AS revenue_wan, e.chain_leader AS chain_leader, e.address AS address, e.contact AS contact,
       e.phone AS phone, e.legal_rep AS legal_rep, e.employees AS employees, e.founded AS founded,
       coalesce(e.sample, false) AS sample,
       COLLECT { MATCH (e)-[:ANCHORS]->(c:Cluster)
                 RETURN DISTINCT c {.key, .name, .level, .target_yi,
                           sector: COLLECT { MATCH (c)-[:IN_SECTOR]->(s:Sector) RETURN s.key }[0]} AS x
                 ORDER BY x.key } AS clusters,
       COLLECT { MATCH (p:Project)-[:RUN_BY]->(e) RETURN DISTINCT p {.key, .name} AS x ORDER BY x.key } AS projects,
       COLLECT { MATCH (e)-[:SITED_IN]->(z:Zone) RETURN DISTINCT z {.key, .name} AS x ORDER BY x.key } AS zones,
       COLLECT { MATCH (e)-[:LOCATED_IN]->(p:City|County)
                 OPTIONAL MATCH (p)-[:PART_OF]->(city:City)
                 RETURN DISTINCT p {.key, .name, label: labels(p)[0], city: city.key} AS x ORDER BY x.key } AS places
LIMIT $limit
