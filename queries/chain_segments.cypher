// name: chain_segments
// description: Every segment of every chain template, with its chain, in chain order, for pickers (the map's segment metric).
// param: limit int default=2000 min=1 max=5000 | segments at most
// returns: key, name, stage, chain{key, name}
MATCH (ch:Chain)-[:HAS_SEGMENT]->(s:ChainSegment)
WITH s, ch ORDER BY ch.key, s.order, s.key
WITH s, collect(ch {.key, .name})[0] AS chain
RETURN s.key AS key, s.name AS name, s.stage AS stage, chain
ORDER BY chain.key, key
LIMIT $limit
