// name: compare_segments
// description: Every chain segment with its chain, stage and position along the chain, to name and order the segments of a place comparison.
// param: limit int default=5000 min=1 max=5000 | segments at most
// returns: key, name, stage, position, chain{key, name}
MATCH (s:ChainSegment)
RETURN s.key AS key, s.name AS name, s.stage AS stage, s.order AS position,
       COLLECT { MATCH (ch:Chain)-[:HAS_SEGMENT]->(s) RETURN ch {.key, .name} AS c ORDER BY c.key }[0] AS chain
ORDER BY key
LIMIT $limit
