// name: neighbourhood_ring
// description: For each node of $ids (element ids), its neighbours over the walked relationship types: up to $quota that are not firms, then up to $quota firms.
// param: ids list required=true max=2000 | element ids of the ring's nodes
// param: quota int required=true min=1 max=2001 | most neighbours of each kind read per node (one more than asked tells a cut-off node)
// param: limit int required=true min=1 max=2000 | one row per id
// returns: id, found [[element id, key, is a firm]]
// The walked types are every relationship type of the model but STATED_IN (provenance; graph.subgraph.WALKED),
// written into the pattern so the server reads only those relationship groups of each node.
// A hub (a zone with 300,000 firms) is read lazily: DISTINCT … LIMIT stops after $quota; a node's
// clusters, zones, places and projects are read before its firms, so they survive the cap.
UNWIND $ids AS id
MATCH (a) WHERE elementId(a) = id
CALL (a) {
  MATCH (a)-[:IN_SECTOR|LOCATED_IN|PART_OF|SERVES|ANCHORS|SUPPORTS|RUN_BY|SITED_IN|HAS_CHAIN|HAS_SEGMENT|FEEDS|COVERS|IN_SEGMENT|BUILDS|LINKS_TO|REPORTS]-(m) WHERE NOT m:Enterprise
  RETURN DISTINCT m LIMIT $quota
  UNION
  MATCH (a)-[:IN_SECTOR|LOCATED_IN|PART_OF|SERVES|ANCHORS|SUPPORTS|RUN_BY|SITED_IN|HAS_CHAIN|HAS_SEGMENT|FEEDS|COVERS|IN_SEGMENT|BUILDS|LINKS_TO|REPORTS]-(m:Enterprise)
  RETURN DISTINCT m LIMIT $quota
}
RETURN id, collect([elementId(m), m.key, m:Enterprise]) AS found
LIMIT $limit
