// name: graph_version
// description: The schema version the graph records on its Meta node (null without one), and whether the graph holds any node at all.
// param: limit int default=1 min=1 max=1 | one row
// returns: version, any
// Meta is not a model label (graph.schema.META): no other query, export or picture meets it.
OPTIONAL MATCH (m:Meta {key: 'schema'})
RETURN m.version AS version, EXISTS { MATCH (n) } AS any
LIMIT $limit
