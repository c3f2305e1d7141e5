// name: document_places
// description: The place codes the document $doc names, and those every other loaded document names; no row when $doc is not loaded.
// param: doc str required=true max=200 | the document's key
// param: limit int default=1 min=1 max=1 | one row
// returns: places, others [[codes of one document]]
MATCH (d:Document {key: $doc})
OPTIONAL MATCH (o:Document) WHERE o.key <> $doc
RETURN d.places AS places, collect(o.places) AS others
LIMIT $limit
