// name: cluster_gaps
// description: Gap analysis of one cluster: every segment of its chains with the local firms (sited in its zones or located in its places, a city's counties included), chain leaders, revenue and projects, flagged 缺链 (no local firm), 弱链 (one firm or revenue below weak_revenue_wan) or 强链, and priority when a gap feeds a segment with two or more local firms (补链); no row when the key is absent.
// param: key str required=true max=200 example=郑州航空港区智能终端(手机)产业集群 | the cluster's key
// param: weak_revenue_wan float default=10000 min=0 | local revenue (万元) below which a segment is weak
// param: firm_limit int default=20 min=0 max=1000 | firms and leaders listed per segment at most (largest revenue first); firm_count counts all
// param: limit int default=500 min=1 max=2000 | segments at most
// returns: chain{key, name}, segment{key, name, stage, order}, firm_count, leader_count, leaders[{key, name}], firms[{key, name, revenue_wan, chain_leader}], revenue_wan, projects[{key, name}], flag, feeds_strong[], priority
MATCH (c:Cluster {key: $key})
// Walk outward from a few dense nodes only: the local firms from the zones and places, the
// firms of each segment from the segment, then keep the segment's firms that are local. Testing
// each firm of a segment for a local zone or place instead scans every such firm's relationships.
CALL (c) {
  CALL (c) {
    MATCH (c)<-[:SERVES]-(:Zone)<-[:SITED_IN]-(e:Enterprise) RETURN e
    UNION
    MATCH (c)-[:LOCATED_IN]->(:City|County)<-[:LOCATED_IN]-(e:Enterprise) RETURN e
    UNION
    MATCH (c)-[:LOCATED_IN]->(:City)<-[:PART_OF]-(:County)<-[:LOCATED_IN]-(e:Enterprise) RETURN e
  }
  WITH c, collect(e) AS local
  MATCH (c)-[:HAS_CHAIN]->(:Chain)-[:HAS_SEGMENT]->(s:ChainSegment)<-[:IN_SEGMENT]-(e:Enterprise)
  WHERE e IN local
  WITH s, e ORDER BY coalesce(e.revenue_wan, 0.0) DESC, e.key
  WITH s, count(e) AS firm_count, toFloat(sum(coalesce(e.revenue_wan, 0.0))) AS revenue_wan,
       collect(CASE WHEN e.chain_leader THEN e END) AS leaders, collect(e) AS firms
  // A province's biggest cluster has tens of thousands of firms per segment: list the top ones.
  RETURN collect({s: s, n: firm_count, rev: revenue_wan, nl: size(leaders),
                  leaders: [x IN leaders[..$firm_limit] | x {.key, .name}],
                  firms: [x IN firms[..$firm_limit] | x {.key, .name, .revenue_wan, chain_leader: coalesce(x.chain_leader, false)}]}) AS found
}
MATCH (c)-[:HAS_CHAIN]->(ch:Chain)-[:HAS_SEGMENT]->(s:ChainSegment)
WITH c, ch, s, coalesce([f IN found WHERE f.s = s][0], {n: 0, rev: 0.0, nl: 0, leaders: [], firms: []}) AS local
// Projects: the plan's projects for this cluster that name the segment, and registry projects
// placed in the segment and built in one of the cluster's zones.
WITH c, ch, s, local,
     COLLECT { CALL (c, s) {
                 MATCH (p:Project)-[:SUPPORTS]->(c) WHERE any(kw IN s.keywords WHERE p.name CONTAINS kw) RETURN p
                 UNION
                 MATCH (s)<-[:BUILDS]-(p:Project)-[:SITED_IN]->(:Zone)-[:SERVES]->(c) RETURN p }
               WITH p ORDER BY p.key RETURN p {.key, .name} } AS projects
WITH c, collect({ch: ch, s: s, n: local.n, rev: local.rev, nl: local.nl, leaders: local.leaders, firms: local.firms,
                 projects: projects}) AS segs
WITH segs, [g IN segs WHERE g.n >= 2 | g.s.key] AS strong
UNWIND segs AS g
WITH g, strong, g.s AS s, g.ch AS ch,
     CASE WHEN g.n = 0 THEN '缺链' WHEN g.n = 1 OR g.rev < $weak_revenue_wan THEN '弱链' ELSE '强链' END AS flag
WITH g, s, ch, flag, COLLECT { MATCH (s)-[:FEEDS]->(t:ChainSegment) WHERE t.key IN strong RETURN t.key AS k ORDER BY k } AS feeds_strong
RETURN ch {.key, .name} AS chain, s {.key, .name, .stage, .order} AS segment,
       g.n AS firm_count, g.nl AS leader_count, g.leaders AS leaders, g.firms AS firms, g.rev AS revenue_wan, g.projects AS projects,
       flag, feeds_strong, flag <> '强链' AND size(feeds_strong) > 0 AS priority
ORDER BY chain.key, segment.order, segment.key
LIMIT $limit
