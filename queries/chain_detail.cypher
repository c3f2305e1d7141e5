// name: chain_detail
// description: One industry chain with its segments in chain order (stage, firms and revenue of the loaded registry, from the Presence cells), the clusters working on it, and its sectors; no row when the key is absent.
// param: key str required=true max=100 example=smart-terminal | the Chain key
// param: limit int default=1 min=1 max=1 | one row at most
// returns: key, name, segments[{key, name, stage, order, firms, revenue_wan}], clusters[{key, name, level, target_yi}], sectors[]
MATCH (ch:Chain {key: $key})
RETURN ch.key AS key, ch.name AS name,
       COLLECT { MATCH (ch)-[:HAS_SEGMENT]->(s:ChainSegment)
                 OPTIONAL MATCH (p:Presence {segment: s.key})
                 WITH s, coalesce(sum(p.firms), 0) AS firms, coalesce(sum(p.revenue_wan), 0.0) AS revenue_wan
                 RETURN s {.key, .name, .stage, .order, firms: firms, revenue_wan: revenue_wan} AS x
                 ORDER BY x.order, x.key } AS segments,
       COLLECT { MATCH (c:Cluster)-[:HAS_CHAIN]->(ch)
                 RETURN DISTINCT c {.key, .name, .level, .target_yi} AS x ORDER BY x.key } AS clusters,
       COLLECT { MATCH (sec:Sector)-[:HAS_CHAIN]->(ch) RETURN DISTINCT sec.key AS x ORDER BY x } AS sectors
LIMIT $limit
