// name: cluster_gaps
// description: Gap analysis of one cluster: every segment of its chains with the local firms (sited in its zones or located in its places, a city's counties included), chain leaders, revenue and projects, flagged 缺链 (no local firm), 弱链 (one firm or revenue below weak_revenue_wan) or 强链, and priority when a gap feeds a segment with two or more local firms (补链); no row when the key is absent.
// param: key str required=true max=200 example=郑州航空港区智能终端(手机)产业集群 | the cluster's key
// param: weak_revenue_wan float default=10000 min=0 | local revenue (万元) below which a segment is weak
// param: limit int default=500 min=1 max=2000 | segments at most
// returns: chain{key, name}, segment{key, name, stage, order}, firm_count, leaders[{key, name}], firms[{key, name, revenue_wan, chain_leader}], revenue_wan, projects[{key, name}], flag, feeds_strong[], priority
MATCH (c:Cluster {key: $key})
WITH c,
     COLLECT { MATCH (c)-[:LOCATED_IN]->(p:City|County) RETURN p.key AS k
               UNION
               MATCH (c)-[:LOCATED_IN]->(:City)<-[:PART_OF]-(q:County) RETURN q.key AS k } AS places,
     COLLECT { MATCH (z:Zone)-[:SERVES]->(c) RETURN z.key AS k } AS zones
MATCH (c)-[:HAS_CHAIN]->(ch:Chain)-[:HAS_SEGMENT]->(s:ChainSegment)
CALL (s, places, zones) {
  MATCH (e:Enterprise)-[:IN_SEGMENT]->(s)
  WHERE EXISTS { MATCH (e)-[:SITED_IN]->(z:Zone) WHERE z.key IN zones }
     OR EXISTS { MATCH (e)-[:LOCATED_IN]->(p:City|County) WHERE p.key IN places }
  WITH DISTINCT e ORDER BY coalesce(e.revenue_wan, 0.0) DESC, e.key
  RETURN count(e) AS firm_count,
         toFloat(sum(coalesce(e.revenue_wan, 0.0))) AS revenue_wan,
         collect(CASE WHEN e.chain_leader THEN e {.key, .name} END) AS leaders,
         collect(e {.key, .name, .revenue_wan, chain_leader: coalesce(e.chain_leader, false)}) AS firms
}
WITH c, ch, s, firm_count, revenue_wan, leaders, firms,
     COLLECT { MATCH (p:Project)-[:SUPPORTS]->(c) WHERE any(kw IN s.keywords WHERE p.name CONTAINS kw)
               RETURN p {.key, .name} AS x ORDER BY x.key } AS projects
WITH c, collect({ch: ch, s: s, n: firm_count, rev: revenue_wan, leaders: leaders, firms: firms, projects: projects}) AS segs
WITH segs, [g IN segs WHERE g.n >= 2 | g.s.key] AS strong
UNWIND segs AS g
WITH g, strong, g.s AS s, g.ch AS ch,
     CASE WHEN g.n = 0 THEN '缺链' WHEN g.n = 1 OR g.rev < $weak_revenue_wan THEN '弱链' ELSE '强链' END AS flag
WITH g, s, ch, flag, COLLECT { MATCH (s)-[:FEEDS]->(t:ChainSegment) WHERE t.key IN strong RETURN t.key AS k ORDER BY k } AS feeds_strong
RETURN ch {.key, .name} AS chain, s {.key, .name, .stage, .order} AS segment,
       g.n AS firm_count, g.leaders AS leaders, g.firms AS firms, g.rev AS revenue_wan, g.projects AS projects,
       flag, feeds_strong, flag <> '强链' AND size(feeds_strong) > 0 AS priority
ORDER BY chain.key, segment.order, segment.key
LIMIT $limit
