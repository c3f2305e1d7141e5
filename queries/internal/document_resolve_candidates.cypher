// name: document_resolve_candidates
// description: Nodes of the model label $label that documents other than $doc state, with their aliases and the names those documents used for them (what a new document's names are matched against).
// param: label str required=true max=40 | a model label, e.g. Cluster
// param: doc str required=true max=200 | the document being loaded
// stream: true
// returns: key, aliases, names
// Read from the other documents' provenance edges, so a label of a million registry firms
// that no document states is never scanned.
MATCH (d:Document) WHERE d.key <> $doc
MATCH (n)-[p:STATED_IN]->(d) WHERE $label IN labels(n)
RETURN n.key AS key, n.aliases AS aliases, [x IN collect(p.stated_name) WHERE x IS NOT NULL] AS names
