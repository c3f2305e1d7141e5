// name: cluster_gaps
// description: Gap analysis of one cluster: every segment of its chains with the local firms (local as chosen by scope: its zones, its counties, its cities or its province), chain leaders, revenue and projects, flagged 缺链 (no local firm), 弱链 (fewer than weak_firms firms or revenue below weak_revenue_wan) or 强链, and priority when a gap feeds a segment with two or more local firms (补链); no row when the key is absent.
// param: key str required=true max=200 example=郑州航空港区智能终端(手机)产业集群 | the cluster's key
// param: scope str default=cities choices=zones,counties,cities,province | what counts as local: the cluster's zones; the counties it, its zones or its zones' firms are in; its cities with all their counties; its whole province
// param: weak_revenue_wan float default=10000 min=0 | local revenue (万元) below which a segment is weak
// param: weak_firms int default=2 min=1 max=1000 | local firms below which a segment is weak
// param: firm_limit int default=20 min=0 max=50 | local firms listed per segment at most (largest revenue first); firm_count counts all
// param: leader_limit int default=20 min=0 max=50 | chain leaders listed per segment at most (largest revenue first); leader_count counts all
// param: limit int default=500 min=1 max=2000 | segments at most
// returns: chain{key, name}, segment{key, name, stage, order}, firm_count, leader_count, leaders[{key, name}], firms[{key, name, revenue_wan, chain_leader}], revenue_wan, projects[{key, name}], flag, feeds_strong[], priority
MATCH (c:Cluster {key: $key})
// include: local_scope
WITH c, places, zones
// The firms are counted from the Presence cells (graph/presence.py): one per segment, zone
// and place, rebuilt after every registry load, so a report reads a few cells per segment
// instead of walking a province's firms.
MATCH (c)-[:HAS_CHAIN]->(ch:Chain)-[:HAS_SEGMENT]->(s:ChainSegment)
CALL (s, zones, places) {
  OPTIONAL MATCH (cell:Presence {segment: s.key}) WHERE cell.zone IN zones OR cell.place IN places
  WITH collect(cell) AS cells
  // The top firms of the local cells hold the top local firms: pick them by the kept revenue,
  // then read only the firms that are shown.
  CALL (cells) {
    UNWIND cells AS cell UNWIND range(0, CASE WHEN size(cell.top) < $firm_limit THEN size(cell.top) ELSE $firm_limit END - 1) AS i
    WITH cell.top[i] AS k, cell.top_revenue[i] AS revenue ORDER BY revenue DESC, k LIMIT $firm_limit
    MATCH (e:Enterprise {key: k})
    RETURN collect(e {.key, .name, .revenue_wan, chain_leader: coalesce(e.chain_leader, false)}) AS firms
  }
  CALL (cells) {
    UNWIND cells AS cell UNWIND range(0, CASE WHEN size(cell.top_leaders) < $leader_limit THEN size(cell.top_leaders) ELSE $leader_limit END - 1) AS i
    WITH cell.top_leaders[i] AS k, cell.top_leader_revenue[i] AS revenue ORDER BY revenue DESC, k LIMIT $leader_limit
    MATCH (e:Enterprise {key: k})
    RETURN collect(e {.key, .name}) AS leaders
  }
  RETURN {n: reduce(t = 0, x IN cells | t + x.firms), rev: reduce(t = 0.0, x IN cells | t + x.revenue_wan),
          nl: reduce(t = 0, x IN cells | t + x.leaders), leaders: leaders, firms: firms} AS local
}
// Projects: the plan's projects for this cluster that name the segment, and registry projects
// placed in the segment and built in one of the cluster's zones.
WITH c, ch, s, local, zones,
     COLLECT { CALL (c, s, zones) {
                 MATCH (p:Project)-[:SUPPORTS]->(c) WHERE any(kw IN s.keywords WHERE p.name CONTAINS kw) RETURN p
                 UNION
                 MATCH (s)<-[:BUILDS]-(p:Project)-[:SITED_IN]->(z:Zone) WHERE z.key IN zones RETURN p }
               WITH p ORDER BY p.key RETURN p {.key, .name} } AS projects
WITH c, collect({ch: ch, s: s, n: local.n, rev: local.rev, nl: local.nl, leaders: local.leaders, firms: local.firms,
                 projects: projects}) AS segs
WITH segs, [g IN segs WHERE g.n >= 2 | g.s.key] AS strong
UNWIND segs AS g
WITH g, strong, g.s AS s, g.ch AS ch,
     CASE WHEN g.n = 0 THEN '缺链' WHEN g.n < $weak_firms OR g.rev < $weak_revenue_wan THEN '弱链' ELSE '强链' END AS flag
WITH g, s, ch, flag, COLLECT { MATCH (s)-[:FEEDS]->(t:ChainSegment) WHERE t.key IN strong RETURN t.key AS k ORDER BY k } AS feeds_strong
RETURN ch {.key, .name} AS chain, s {.key, .name, .stage, .order} AS segment,
       g.n AS firm_count, g.nl AS leader_count, g.leaders AS leaders, g.firms AS firms, g.rev AS revenue_wan, g.projects AS projects,
       flag, feeds_strong, flag <> '强链' AND size(feeds_strong) > 0 AS priority
ORDER BY chain.key, segment.order, segment.key
LIMIT $limit
