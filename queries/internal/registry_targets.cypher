// name: registry_targets
// description: The label and key of every node a registry firm may link to (zones, cities, counties, chain segments), so a load checks its links before writing.
// param: limit int default=10000000 min=1 max=10000000 | most nodes read
// returns: label, key
MATCH (n) WHERE n:Zone OR n:City OR n:County OR n:ChainSegment
RETURN labels(n)[0] AS label, n.key AS key
LIMIT $limit
