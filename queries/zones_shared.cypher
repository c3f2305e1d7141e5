// name: zones_shared
// description: Zones that serve at least $min_clusters clusters, each listed once with the clusters it serves (ordered by zone key, paged by $after).
// param: min_clusters int default=2 min=1 max=1000 example=2 | fewest clusters a zone must serve
// param: after str default= max=200 | zone key to continue after (the previous page's next token)
// param: limit int default=100 min=1 max=1000 | most zones returned
// returns: key, name, cluster_count, clusters[{key, name, target_yi}]
MATCH (z:Zone)-[:SERVES]->(c:Cluster)
WHERE z.key > $after
WITH DISTINCT z, c ORDER BY c.key
WITH z, collect(c {.key, .name, .target_yi}) AS clusters
WHERE size(clusters) >= $min_clusters
RETURN z.key AS key, z.name AS name, size(clusters) AS cluster_count, clusters
ORDER BY key
LIMIT $limit
