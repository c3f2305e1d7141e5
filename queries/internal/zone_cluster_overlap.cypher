// name: zone_cluster_overlap
// description: Zones serving at least $min_clusters clusters, one row per (zone, cluster), the zones serving most first (the overlap network's picture).
// param: min_clusters int default=1 min=1 max=1000 | fewest clusters a zone serves
// param: limit int default=20000 min=1 max=20000 | most rows returned
// returns: zk, zn, n, ck, cn, t, level
MATCH (z:Zone)-[:SERVES]->(c:Cluster)
WITH z, collect(c) AS cs WHERE size(cs) >= $min_clusters
UNWIND cs AS c
RETURN z.key AS zk, z.name AS zn, size(cs) AS n, c.key AS ck, c.name AS cn, c.target_yi AS t, c.level AS level
ORDER BY n DESC, zk, ck
LIMIT $limit
