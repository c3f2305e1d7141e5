// name: firms_segmented
// description: Whether any firm is in a chain segment yet (no row on a first registry load).
// param: limit int default=1 min=1 max=1 | one row at most
// returns: x
MATCH (:Enterprise)-[:IN_SEGMENT]->()
RETURN 1 AS x
LIMIT $limit
