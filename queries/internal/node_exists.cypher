// name: node_exists
// description: Whether a node of the model label $label has the key $key.
// param: label str required=true max=40 | a model label, e.g. Zone
// param: key str required=true max=200 | the node's key
// param: limit int default=1 min=1 max=1 | one row at most
// returns: found
// The label is a parameter: one branch per model label, each a key lookup guarded by $label.
// PROFILE on Neo4j 5.26: every branch is a NodeUniqueIndexSeek on its label's key (a dynamic
// label, MATCH (n:$($label) {key: $key}), is planned as AllNodesScan + Filter instead).
// Presence is left out: its derived cells have no key constraint, so its branch would scan them all.
CALL () {
  MATCH (n:Sector {key: $key}) WHERE $label = 'Sector' RETURN n
  UNION MATCH (n:Cluster {key: $key}) WHERE $label = 'Cluster' RETURN n
  UNION MATCH (n:Zone {key: $key}) WHERE $label = 'Zone' RETURN n
  UNION MATCH (n:City {key: $key}) WHERE $label = 'City' RETURN n
  UNION MATCH (n:County {key: $key}) WHERE $label = 'County' RETURN n
  UNION MATCH (n:Enterprise {key: $key}) WHERE $label = 'Enterprise' RETURN n
  UNION MATCH (n:Project {key: $key}) WHERE $label = 'Project' RETURN n
  UNION MATCH (n:Chain {key: $key}) WHERE $label = 'Chain' RETURN n
  UNION MATCH (n:ChainSegment {key: $key}) WHERE $label = 'ChainSegment' RETURN n
  UNION MATCH (n:Document {key: $key}) WHERE $label = 'Document' RETURN n
  UNION MATCH (n:Actual {key: $key}) WHERE $label = 'Actual' RETURN n
}
RETURN true AS found
LIMIT $limit
