// name: existing_keys
// description: Which of the keys $keys are keys of nodes of the model label $label.
// param: label str required=true max=40 | a model label, e.g. Cluster
// param: keys list required=true | keys to look up
// stream: true
// returns: key
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
RETURN n.key AS key
