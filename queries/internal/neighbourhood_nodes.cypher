// name: neighbourhood_nodes
// description: The kept nodes of a neighbourhood (element ids $ids): model label, key, name, the facts a picture shows, and their outgoing relationships of the walked types.
// param: ids list required=true max=2000 | element ids of the kept nodes
// param: labels list required=true max=50 | the model's labels, to pick each node's own
// param: limit int required=true min=1 max=2000 | one row per id
// returns: id, label, key, name, props{target_yi, target_year, goal_yi, goal_year, level}, out [[type, element id]]
// Every node's outgoing relationships of the walked types are few (the dense side of a hub is
// always incoming), so the edges among the kept nodes are read from their start nodes.
UNWIND $ids AS id
MATCH (n) WHERE elementId(n) = id
RETURN id, [l IN labels(n) WHERE l IN $labels][0] AS label, n.key AS key, n.name AS name,
       n {.target_yi, .target_year, .goal_yi, .goal_year, .level} AS props,
       COLLECT { MATCH (n)-[r:IN_SECTOR|LOCATED_IN|PART_OF|SERVES|ANCHORS|SUPPORTS|RUN_BY|SITED_IN|HAS_CHAIN|HAS_SEGMENT|FEEDS|COVERS|IN_SEGMENT|BUILDS|LINKS_TO|REPORTS]->(b) RETURN [type(r), elementId(b)] } AS out
LIMIT $limit
