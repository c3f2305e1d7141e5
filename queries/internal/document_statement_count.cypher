// name: document_statement_count
// description: How many statements the document $doc holds: relationships it states (their doc property) and its provenance edges.
// param: doc str required=true max=200 | the document's key
// param: limit int default=1 min=1 max=1 | one row
// returns: n
CALL () { MATCH ()-[r]->() WHERE r.doc = $doc RETURN count(r) AS stated }
CALL () { MATCH ()-[p:STATED_IN]->(:Document {key: $doc}) RETURN count(p) AS spans }
RETURN stated + spans AS n
LIMIT $limit
