// name: segments_of_firms
// description: The chain segments some firms (by key) are in now, to rebuild only their Presence cells after a load.
// param: keys list required=true max=10000 | firm keys, at most 10,000 a call
// param: limit int default=100000 min=1 max=100000 | most segments read
// returns: key
UNWIND $keys AS k
MATCH (:Enterprise {key: k})-[:IN_SEGMENT]->(s:ChainSegment)
RETURN DISTINCT s.key AS key
LIMIT $limit
