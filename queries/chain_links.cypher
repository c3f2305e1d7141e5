// name: chain_links
// description: The FEEDS arrows among the segments of one cluster's chains, and the cross-chain feeds from or to segments of other chains with the clusters the plan links through them (LINKS_TO via that feed); no row when the key is absent.
// param: key str required=true max=200 example=郑州航空港区智能终端(手机)产业集群 | the cluster's key
// param: limit int default=1 min=1 max=1 | one row at most
// returns: key, feeds[{source, target}], cross[{segment, other{key, name}, chain{key, name}, outgoing, note, clusters[{key, name}]}]
MATCH (c:Cluster {key: $key})
WITH c, COLLECT { MATCH (c)-[:HAS_CHAIN]->(:Chain)-[:HAS_SEGMENT]->(s:ChainSegment) RETURN DISTINCT s } AS segs
WITH c, segs, [s IN segs | s.key] AS keys
RETURN c.key AS key,
       COLLECT { UNWIND segs AS s
                 MATCH (s)-[:FEEDS]->(t:ChainSegment) WHERE t.key IN keys
                 RETURN DISTINCT {source: s.key, target: t.key} AS x ORDER BY x.source, x.target } AS feeds,
       COLLECT { UNWIND segs AS s
                 MATCH (s)-[f:FEEDS]-(o:ChainSegment) WHERE NOT o.key IN keys
                 WITH c, s, o, f, startNode(f) = s AS outgoing
                 WITH c, s, o, f, outgoing,
                      CASE WHEN outgoing THEN s.key + '→' + o.key ELSE o.key + '→' + s.key END AS via
                 RETURN {segment: s.key, other: o {.key, .name},
                         chain: COLLECT { MATCH (och:Chain)-[:HAS_SEGMENT]->(o) RETURN och {.key, .name} }[0],
                         outgoing: outgoing, note: coalesce(f.note, ''),
                         clusters: COLLECT { MATCH (c)-[l:LINKS_TO]-(oc:Cluster) WHERE l.via = via
                                             RETURN DISTINCT oc {.key, .name} AS y ORDER BY y.key }} AS x
                 ORDER BY x.segment, x.other.key } AS cross
LIMIT $limit
