// name: node_statements
// description: The node of the model label $label with the key $key, every document span stating it and the relationships documents state of it (at most 500).
// param: label str required=true max=40 | a model label, e.g. Cluster
// param: key str required=true max=200 | the node's key
// param: limit int default=500 min=1 max=500 | most stated relationships returned
// returns: key, name, spans [{document, file, sha256, paragraph, start, end}], relationships [{type, outgoing, other_label, other_key, document, file, sha256, paragraph, start, end}]
// The label is a parameter: one branch per model label, each a key lookup guarded by $label.
// PROFILE on Neo4j 5.26: every branch is a NodeUniqueIndexSeek on its label's key (a dynamic
// label, MATCH (n:$($label) {key: $key}), is planned as AllNodesScan + Filter instead).
// Presence is left out: its derived cells have no key constraint, so its branch would scan them all.
CALL () {
  MATCH (n:Sector {key: $key}) WHERE $label = 'Sector' RETURN n
  UNION MATCH (n:Cluster {key: $key}) WHERE $label = 'Cluster' RETURN n
  UNION MATCH (n:Zone {key: $key}) WHERE $label = 'Zone' RETURN n
  UNION MATCH (n:City {key: $key}) WHERE $label = 'City' RETURN n
  UNION MATCH (n:County {key: $key}) WHERE $label = 'County' RETURN n
  UNION MATCH (n:Enterprise {key: $key}) WHERE $label = 'Enterprise' RETURN n
  UNION MATCH (n:Project {key: $key}) WHERE $label = 'Project' RETURN n
  UNION MATCH (n:Chain {key: $key}) WHERE $label = 'Chain' RETURN n
  UNION MATCH (n:ChainSegment {key: $key}) WHERE $label = 'ChainSegment' RETURN n
  UNION MATCH (n:Document {key: $key}) WHERE $label = 'Document' RETURN n
  UNION MATCH (n:Actual {key: $key}) WHERE $label = 'Actual' RETURN n
}
OPTIONAL MATCH (n)-[p:STATED_IN]->(d:Document)
WITH n, p, d ORDER BY d.key, p.start
WITH n, [x IN collect({document: d.key, file: d.file, sha256: d.sha256, paragraph: p.paragraph,
                       start: p.start, end: p.end}) WHERE x.document IS NOT NULL] AS spans
OPTIONAL MATCH (n)-[r]-(m) WHERE r.doc IS NOT NULL
WITH n, spans, r, m ORDER BY type(r), m.key LIMIT $limit
OPTIONAL MATCH (rd:Document {key: r.doc})
RETURN n.key AS key, n.name AS name, spans,
       [x IN collect({type: type(r), outgoing: startNode(r) = n, other_label: labels(m)[0], other_key: m.key,
                      document: r.doc, file: rd.file, sha256: rd.sha256, paragraph: r.paragraph, start: r.start,
                      end: r.end}) WHERE x.type IS NOT NULL] AS relationships
