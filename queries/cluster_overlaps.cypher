// name: cluster_overlaps
// description: Pairs of clusters sharing zones, cities (a county counts as its city), anchor firms or projects, with the shared items per kind and a Jaccard score over the union of their neighbours; ordered by pair key "a|b" and paged by $after.
// param: sector str default= max=50 example=装备制造 | only pairs with at least one cluster in this sector (key); empty for all
// param: city str default= max=6 example=410100 | only pairs with at least one cluster in this city or county (6-digit code); empty for all
// param: min_shared int default=1 min=1 max=1000 example=2 | fewest shared neighbours a pair must have
// param: after str default= max=401 | pair key to continue after (the previous page's next token)
// param: limit int default=100 min=1 max=1000 | most pairs returned
// returns: key, a{key, name, sector}, b{key, name, sector}, shared_zones, shared_cities, shared_firms, shared_projects [{key, name}], shared_count, union_count, jaccard
MATCH (c:Cluster)
CALL (c) {
  MATCH (n:Zone)-[:SERVES]->(c) RETURN 'zone' AS kind, n
  UNION
  MATCH (c)-[:LOCATED_IN]->()-[:PART_OF*0..1]->(n:City) RETURN 'city' AS kind, n
  UNION
  MATCH (n:Enterprise)-[:ANCHORS]->(c) RETURN 'firm' AS kind, n
  UNION
  MATCH (n:Project)-[:SUPPORTS]->(c) RETURN 'project' AS kind, n
}
WITH c, collect({kind: kind, n: n}) AS neighbours
WITH c, size(neighbours) AS degree, neighbours
UNWIND neighbours AS x
WITH x.kind AS kind, x.n AS n, collect({c: c, degree: degree}) AS around
UNWIND around AS a
UNWIND around AS b
WITH a, b, kind, n
WHERE a.c.key < b.c.key AND a.c.key + '|' + b.c.key > $after
WITH a.c AS ca, b.c AS cb, a.degree AS da, b.degree AS db, kind, n ORDER BY n.key
WITH ca, cb, da, db, collect({kind: kind, key: n.key, name: n.name}) AS shared
WHERE size(shared) >= $min_shared
  AND ($sector = '' OR EXISTS { (ca)-[:IN_SECTOR]->(:Sector {key: $sector}) }
                    OR EXISTS { (cb)-[:IN_SECTOR]->(:Sector {key: $sector}) })
  AND ($city = '' OR EXISTS { (ca)-[:LOCATED_IN]->()-[:PART_OF*0..1]->(:City|County {key: $city}) }
                  OR EXISTS { (cb)-[:LOCATED_IN]->()-[:PART_OF*0..1]->(:City|County {key: $city}) })
WITH ca, cb, shared, da + db - size(shared) AS union_count
RETURN ca.key + '|' + cb.key AS key,
       ca {.key, .name, sector: COLLECT { MATCH (ca)-[:IN_SECTOR]->(s:Sector) RETURN s.key }[0]} AS a,
       cb {.key, .name, sector: COLLECT { MATCH (cb)-[:IN_SECTOR]->(s:Sector) RETURN s.key }[0]} AS b,
       [x IN shared WHERE x.kind = 'zone' | x {.key, .name}] AS shared_zones,
       [x IN shared WHERE x.kind = 'city' | x {.key, .name}] AS shared_cities,
       [x IN shared WHERE x.kind = 'firm' | x {.key, .name}] AS shared_firms,
       [x IN shared WHERE x.kind = 'project' | x {.key, .name}] AS shared_projects,
       size(shared) AS shared_count, union_count,
       toFloat(size(shared)) / union_count AS jaccard
ORDER BY key
LIMIT $limit
