// name: zone_firms
// description: One page of the firms sited in a zone, sorted by revenue (largest first), name or chain segment, optionally of one segment only, each with its revenue, chain-leader flag and segments; total counts every firm that passes the filter.
// param: key str required=true max=200 example=荥阳市产业集聚区 | the zone's key
// param: sort str default=revenue max=10 choices=revenue,name,segment | order: revenue (largest first), name, or segment then revenue
// param: segment str default= max=200 | only firms in this ChainSegment key (chain/segment); empty for all
// param: skip int default=0 min=0 max=1000000 | firms to pass over (page × page size)
// param: limit int default=50 min=1 max=200 | firms on the page
// returns: key, name, revenue_wan, chain_leader, segments[{key, name}], total
MATCH (z:Zone {key: $key})
// SITED_IN comes from firms and projects only (graph/model.py), so the zone's firms are its
// SITED_IN degree (a count the store keeps) less its few projects: no firm is walked to count.
// With a segment, the firms come from the segment's side (a segment holds a few thousand
// firms, a zone of a province's registry 300,000), counted by the Presence cells of the
// (segment, zone) pair, which hold each such firm once.  The sort reads every firm that
// passes; zone_firms_ranked reads a large zone's first pages in index order instead.
WITH z, CASE WHEN $segment = ''
             THEN COUNT { (z)<-[:SITED_IN]-() } - COUNT { MATCH (p:Project)-[:SITED_IN]->(z) }
             ELSE reduce(n = 0, c IN COLLECT { MATCH (c:Presence {segment: $segment}) WHERE c.zone = z.key RETURN c } | n + c.firms)
        END AS total
CALL (z) {
  WITH z WHERE $segment = ''
  MATCH (e:Enterprise)-[:SITED_IN]->(z) RETURN e
  UNION
  WITH z WHERE $segment <> ''
  MATCH (:ChainSegment {key: $segment})<-[:IN_SEGMENT]-(e:Enterprise) WHERE EXISTS { (e)-[:SITED_IN]->(z) }
  RETURN e
}
WITH e, total,
     CASE WHEN $sort = 'segment'
          THEN coalesce(COLLECT { MATCH (e)-[:IN_SEGMENT]->(s:ChainSegment) RETURN s.name AS n ORDER BY n }[0], '')
          ELSE '' END AS first_segment
ORDER BY first_segment,
  CASE $sort WHEN 'name' THEN e.name ELSE '' END,
  CASE WHEN $sort = 'name' THEN 0.0 ELSE -coalesce(e.revenue_wan, -1.0) END,
  e.key
SKIP $skip
LIMIT $limit
RETURN e.key AS key, e.name AS name, e.revenue_wan AS revenue_wan, coalesce(e.chain_leader, false) AS chain_leader,
       COLLECT { MATCH (e)-[:IN_SEGMENT]->(s:ChainSegment) RETURN s {.key, .name} AS x ORDER BY x.name, x.key } AS segments,
       total
