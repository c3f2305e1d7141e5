// name: document_statements
// description: What one document states of each cluster, zone, firm and project it names: the values it gives (level, target) and the links it states (zones, firms, projects of a cluster; firms and zones of a project); no row when the document is absent.
// param: doc str required=true max=200 example=henan-2015-baiqianwan-clusters | the document's key
// param: limit int default=20000 min=1 max=20000 | most nodes returned
// returns: label, key, name, stated{level, target_yi, target_year, ...}, links[{type, label, key}]
MATCH (d:Document {key: $doc})
MATCH (n)-[p:STATED_IN]->(d)
WHERE n:Cluster OR n:Zone OR n:Enterprise OR n:Project
WITH n, d, p ORDER BY p.start
WITH n, d, collect(properties(p)) AS edges
OPTIONAL MATCH (n)-[r:SERVES|ANCHORS|SUPPORTS|RUN_BY|SITED_IN]->(m)
WHERE r.doc = d.key
WITH n, edges, r, m ORDER BY type(r), m.key
WITH n, edges, [x IN collect(DISTINCT {type: type(r), label: [l IN labels(m) WHERE l IN ['Cluster', 'Zone', 'Enterprise', 'Project']][0], key: m.key}) WHERE x.key IS NOT NULL] AS links
RETURN [l IN labels(n) WHERE l IN ['Cluster', 'Zone', 'Enterprise', 'Project']][0] AS label, n.key AS key,
       coalesce(edges[0].stated_name, n.key) AS name, edges[0] AS stated, links
ORDER BY label, key
LIMIT $limit
