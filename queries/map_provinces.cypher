// name: map_provinces
// description: The provinces of the loaded places, as the first two digits of their division codes, with how many cities and counties each has in the graph, most first.
// param: limit int default=50 min=1 max=100 | provinces at most
// returns: prefix, places
MATCH (p:City|County)
RETURN substring(p.key, 0, 2) AS prefix, count(*) AS places
ORDER BY places DESC, prefix
LIMIT $limit
