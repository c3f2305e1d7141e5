// name: zone_firms
// description: One page of the firms sited in a zone, sorted by revenue (largest first), name or chain segment, optionally of one segment only, each with its revenue, chain-leader flag and segments; total counts every firm that passes the filter.
// param: key str required=true max=200 example=荥阳市产业集聚区 | the zone's key
// param: sort str default=revenue max=10 choices=revenue,name,segment | order: revenue (largest first), name, or segment then revenue
// param: segment str default= max=200 | only firms in this ChainSegment key (chain/segment); empty for all
// param: skip int default=0 min=0 max=1000000 | firms to pass over (page × page size)
// param: limit int default=50 min=1 max=200 | firms on the page
// returns: key, name, revenue_wan, chain_leader, segments[{key, name}], total
MATCH (z:Zone {key: $key})
// Count first, then sort and cut: a zone of a province's registry holds 300,000 firms, so no list
// of them is ever built; the segments are read for the page's firms only (and, to sort by
// segment, the first segment of each firm).
WITH z, COUNT { MATCH (e:Enterprise)-[:SITED_IN]->(z)
                WHERE $segment = '' OR EXISTS { MATCH (e)-[:IN_SEGMENT]->(:ChainSegment {key: $segment}) } } AS total
MATCH (e:Enterprise)-[:SITED_IN]->(z)
WHERE $segment = '' OR EXISTS { MATCH (e)-[:IN_SEGMENT]->(:ChainSegment {key: $segment}) }
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
