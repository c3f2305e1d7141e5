// name: document_stated_nodes
// description: The nodes the document $doc states, with their labels and the property names its provenance edges carry (read inside a document's load or unload).
// param: doc str required=true max=200 | the document's key
// stream: true
// returns: labels, key, keys [[property names of one edge]]
// A document's statements are read whole: a load that saw part of them would forget the rest.
MATCH (n)-[p:STATED_IN]->(:Document {key: $doc})
RETURN labels(n) AS labels, n.key AS key, collect(keys(p)) AS keys
