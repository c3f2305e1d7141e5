// name: cluster_timeline
// description: One cluster across the loaded documents, oldest first: the name, level and target each document states and the zones it links, with the cluster's reported actuals; no row when the key is absent.
// param: key str required=true max=200 example=郑州高端装备制造产业集群 | the cluster's key
// param: limit int default=1 min=1 max=1 | one row at most
// returns: key, name, documents[{doc, title, date, name, level, target_yi, target_year, zones}], actuals[{year, revenue_yi, source}]
MATCH (c:Cluster {key: $key})
CALL (c) {
  MATCH (c)-[p:STATED_IN]->(d:Document)
  WITH d, p ORDER BY p.start
  WITH d, collect(properties(p))[0] AS s
  OPTIONAL MATCH (z:Zone)-[r:SERVES]->(c) WHERE r.doc = d.key
  WITH d, s, z ORDER BY z.key
  WITH d, s, [x IN collect(z.key) WHERE x IS NOT NULL] AS zones
  ORDER BY coalesce(d.date, ''), d.key
  RETURN collect({doc: d.key, title: d.title, date: d.date, name: coalesce(s.stated_name, c.key), level: s.level,
                  target_yi: s.target_yi, target_year: s.target_year, zones: zones}) AS documents
}
CALL (c) {
  OPTIONAL MATCH (a:Actual)-[:REPORTS]->(c)
  WITH a ORDER BY a.year
  RETURN [x IN collect(a {.year, .revenue_yi, .source}) WHERE x.year IS NOT NULL] AS actuals
}
RETURN c.key AS key, c.name AS name, documents, actuals
LIMIT $limit
