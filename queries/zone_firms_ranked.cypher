// name: zone_firms_ranked
// description: One page of the firms sited in a zone by revenue (largest first), read in the order of the registry's revenue index and kept when sited in the zone: fast for a zone holding a large share of all firms (zone_firms sorts every firm of the zone instead). Firms without a revenue are not in the index: fewer rows than the limit means the indexed firms ran out.
// param: key str required=true max=200 example=荥阳市产业集聚区 | the zone's key
// param: skip int default=0 min=0 max=1000000 | firms to pass over (page × page size)
// param: limit int default=50 min=1 max=200 | firms on the page
// returns: key, name, revenue_wan, chain_leader, segments[{key, name}]
MATCH (z:Zone {key: $key})
// A NodeIndexScan under a PartialTop: a zone holding one firm in fifty of the registry reads
// about fifty firms per firm shown, and stops at the page's end.  (Not by name: firm names
// begin with their place's, so a zone's firms lie together in name order and a name scan
// would pass most of the registry before reaching them.)
CALL (z) {
  MATCH (e:Enterprise) WHERE e.revenue_wan IS NOT NULL AND EXISTS { (e)-[:SITED_IN]->(z) }
  WITH e ORDER BY e.revenue_wan DESC, e.key SKIP $skip LIMIT $limit
  RETURN e
}
RETURN e.key AS key, e.name AS name, e.revenue_wan AS revenue_wan, coalesce(e.chain_leader, false) AS chain_leader,
       COLLECT { MATCH (e)-[:IN_SEGMENT]->(s:ChainSegment) RETURN s {.key, .name} AS x ORDER BY x.name, x.key } AS segments
LIMIT $limit
