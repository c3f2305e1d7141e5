// name: cluster_names
// description: Every name a cluster is known by (its key and its aliases) with the cluster's key, to match names in an actuals file.
// param: limit int default=100000 min=1 max=100000 | most names read
// returns: name, key
MATCH (c:Cluster)
UNWIND [c.key] + coalesce(c.aliases, []) AS name
RETURN name, c.key AS key
LIMIT $limit
