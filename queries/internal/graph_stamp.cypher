// name: graph_stamp
// description: What the cluster projection is made of, counted from the server's count store, with the loaded documents and their checksums: it changes when a load, unload or edit of a plan does.
// param: limit int default=1 min=1 max=1 | one row
// returns: clusters, serves, anchors, located, documents [key:sha256]
// Each count is of one label and one relationship type, so the count store answers it and none reads a firm.
CALL () { MATCH (c:Cluster) RETURN count(c) AS clusters }
CALL () { MATCH (:Zone)-[s:SERVES]->() RETURN count(s) AS serves }
CALL () { MATCH (:Enterprise)-[a:ANCHORS]->() RETURN count(a) AS anchors }
CALL () { MATCH (:Cluster)-[l:LOCATED_IN]->() RETURN count(l) AS located }
RETURN clusters, serves, anchors, located,
       COLLECT { MATCH (d:Document) RETURN d.key + ':' + coalesce(d.sha256, '') AS x ORDER BY x } AS documents
LIMIT $limit
