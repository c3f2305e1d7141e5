// name: document_statements_of
// description: For each key of $keys that is a node of the model label $label, every document's statement of it (the provenance edge's properties with the document's key and date) and the names of its places.
// param: label str required=true max=40 | a model label, e.g. Cluster
// param: keys list required=true | the nodes' keys
// stream: true
// returns: key, name, edges [{doc, date, props}], places
// The label is a parameter: one branch per model label, each a key seek guarded by $label
// (NodeUniqueIndexSeek on Neo4j 5.26; see node_exists.cypher).
UNWIND $keys AS k
CALL (k) {
  MATCH (n:Sector {key: k}) WHERE $label = 'Sector' RETURN n
  UNION MATCH (n:Cluster {key: k}) WHERE $label = 'Cluster' RETURN n
  UNION MATCH (n:Zone {key: k}) WHERE $label = 'Zone' RETURN n
  UNION MATCH (n:City {key: k}) WHERE $label = 'City' RETURN n
  UNION MATCH (n:County {key: k}) WHERE $label = 'County' RETURN n
  UNION MATCH (n:Enterprise {key: k}) WHERE $label = 'Enterprise' RETURN n
  UNION MATCH (n:Project {key: k}) WHERE $label = 'Project' RETURN n
  UNION MATCH (n:Chain {key: k}) WHERE $label = 'Chain' RETURN n
  UNION MATCH (n:ChainSegment {key: k}) WHERE $label = 'ChainSegment' RETURN n
  UNION MATCH (n:Document {key: k}) WHERE $label = 'Document' RETURN n
  UNION MATCH (n:Actual {key: k}) WHERE $label = 'Actual' RETURN n
}
MATCH (n)-[p:STATED_IN]->(d:Document)
RETURN n.key AS key, n.name AS name,
       collect({doc: d.key, date: coalesce(d.date, ''), props: properties(p)}) AS edges,
       // a cluster is found by its places too (graph.search_text.with_place_words)
       COLLECT { MATCH (n)-[:LOCATED_IN]->(pl:City|County) RETURN pl.name } AS places
