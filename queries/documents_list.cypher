// name: documents_list
// description: Every loaded document (a plan, a list, a programme) with what it is and how many clusters, zones, firms and projects it states, oldest first.
// param: limit int default=200 min=1 max=1000 | most documents returned
// returns: key, title, issuer, date, province, province_code, file, sha256, clusters, zones, firms, projects, statements
MATCH (d:Document)
RETURN d.key AS key, d.title AS title, d.issuer AS issuer, d.date AS date, d.province AS province,
       d.province_code AS province_code, d.file AS file, d.sha256 AS sha256,
       size(COLLECT { MATCH (n:Cluster)-[:STATED_IN]->(d) RETURN DISTINCT n }) AS clusters,
       size(COLLECT { MATCH (n:Zone)-[:STATED_IN]->(d) RETURN DISTINCT n }) AS zones,
       size(COLLECT { MATCH (n:Enterprise)-[:STATED_IN]->(d) RETURN DISTINCT n }) AS firms,
       size(COLLECT { MATCH (n:Project)-[:STATED_IN]->(d) RETURN DISTINCT n }) AS projects,
       COUNT { ()-[:STATED_IN]->(d) } AS statements
ORDER BY coalesce(d.date, ''), key
LIMIT $limit
