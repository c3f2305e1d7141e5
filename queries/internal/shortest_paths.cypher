// name: shortest_paths
// description: The shortest path (or, with $all, every shortest path) of at most $max_hops hops between two nodes, provenance edges (STATED_IN) excluded; one row with length null when both nodes exist but no path does, no row when either is missing.
// param: a_label str required=true max=40 | the first node's model label
// param: a str required=true max=200 | the first node's key
// param: b_label str required=true max=40 | the second node's model label
// param: b str required=true max=200 | the second node's key
// param: max_hops int default=4 min=1 max=6 | longest path, in hops
// param: all bool default=false | every shortest path, not one
// param: limit int default=10 min=1 max=1000 | most paths returned
// returns: found, length, nodes [{label, key, name}], relationships [{type, from, to}]
// Each end is looked up by a key seek in the branch of its label (see node_exists.cypher).
CALL () {
  MATCH (a:Sector {key: $a}) WHERE $a_label = 'Sector' RETURN a
  UNION MATCH (a:Cluster {key: $a}) WHERE $a_label = 'Cluster' RETURN a
  UNION MATCH (a:Zone {key: $a}) WHERE $a_label = 'Zone' RETURN a
  UNION MATCH (a:City {key: $a}) WHERE $a_label = 'City' RETURN a
  UNION MATCH (a:County {key: $a}) WHERE $a_label = 'County' RETURN a
  UNION MATCH (a:Enterprise {key: $a}) WHERE $a_label = 'Enterprise' RETURN a
  UNION MATCH (a:Project {key: $a}) WHERE $a_label = 'Project' RETURN a
  UNION MATCH (a:Chain {key: $a}) WHERE $a_label = 'Chain' RETURN a
  UNION MATCH (a:ChainSegment {key: $a}) WHERE $a_label = 'ChainSegment' RETURN a
  UNION MATCH (a:Document {key: $a}) WHERE $a_label = 'Document' RETURN a
  UNION MATCH (a:Actual {key: $a}) WHERE $a_label = 'Actual' RETURN a
}
CALL () {
  MATCH (b:Sector {key: $b}) WHERE $b_label = 'Sector' RETURN b
  UNION MATCH (b:Cluster {key: $b}) WHERE $b_label = 'Cluster' RETURN b
  UNION MATCH (b:Zone {key: $b}) WHERE $b_label = 'Zone' RETURN b
  UNION MATCH (b:City {key: $b}) WHERE $b_label = 'City' RETURN b
  UNION MATCH (b:County {key: $b}) WHERE $b_label = 'County' RETURN b
  UNION MATCH (b:Enterprise {key: $b}) WHERE $b_label = 'Enterprise' RETURN b
  UNION MATCH (b:Project {key: $b}) WHERE $b_label = 'Project' RETURN b
  UNION MATCH (b:Chain {key: $b}) WHERE $b_label = 'Chain' RETURN b
  UNION MATCH (b:ChainSegment {key: $b}) WHERE $b_label = 'ChainSegment' RETURN b
  UNION MATCH (b:Document {key: $b}) WHERE $b_label = 'Document' RETURN b
  UNION MATCH (b:Actual {key: $b}) WHERE $b_label = 'Actual' RETURN b
}
// A variable-length bound cannot be a parameter: one branch per bound and function, of which
// only the one $max_hops and $all name runs (PROFILE: the others stop at their Filter on the
// parameters, before any ShortestPath expands).
OPTIONAL CALL (a, b) {
  WITH a, b WHERE $max_hops = 1 AND $all = false
  MATCH p = shortestPath((a)-[*..1]-(b))
  WHERE all(r IN relationships(p) WHERE type(r) <> 'STATED_IN')
  RETURN p
  UNION
  WITH a, b WHERE $max_hops = 2 AND $all = false
  MATCH p = shortestPath((a)-[*..2]-(b))
  WHERE all(r IN relationships(p) WHERE type(r) <> 'STATED_IN')
  RETURN p
  UNION
  WITH a, b WHERE $max_hops = 3 AND $all = false
  MATCH p = shortestPath((a)-[*..3]-(b))
  WHERE all(r IN relationships(p) WHERE type(r) <> 'STATED_IN')
  RETURN p
  UNION
  WITH a, b WHERE $max_hops = 4 AND $all = false
  MATCH p = shortestPath((a)-[*..4]-(b))
  WHERE all(r IN relationships(p) WHERE type(r) <> 'STATED_IN')
  RETURN p
  UNION
  WITH a, b WHERE $max_hops = 5 AND $all = false
  MATCH p = shortestPath((a)-[*..5]-(b))
  WHERE all(r IN relationships(p) WHERE type(r) <> 'STATED_IN')
  RETURN p
  UNION
  WITH a, b WHERE $max_hops = 6 AND $all = false
  MATCH p = shortestPath((a)-[*..6]-(b))
  WHERE all(r IN relationships(p) WHERE type(r) <> 'STATED_IN')
  RETURN p
  UNION
  WITH a, b WHERE $max_hops = 1 AND $all = true
  MATCH p = allShortestPaths((a)-[*..1]-(b))
  WHERE all(r IN relationships(p) WHERE type(r) <> 'STATED_IN')
  RETURN p
  UNION
  WITH a, b WHERE $max_hops = 2 AND $all = true
  MATCH p = allShortestPaths((a)-[*..2]-(b))
  WHERE all(r IN relationships(p) WHERE type(r) <> 'STATED_IN')
  RETURN p
  UNION
  WITH a, b WHERE $max_hops = 3 AND $all = true
  MATCH p = allShortestPaths((a)-[*..3]-(b))
  WHERE all(r IN relationships(p) WHERE type(r) <> 'STATED_IN')
  RETURN p
  UNION
  WITH a, b WHERE $max_hops = 4 AND $all = true
  MATCH p = allShortestPaths((a)-[*..4]-(b))
  WHERE all(r IN relationships(p) WHERE type(r) <> 'STATED_IN')
  RETURN p
  UNION
  WITH a, b WHERE $max_hops = 5 AND $all = true
  MATCH p = allShortestPaths((a)-[*..5]-(b))
  WHERE all(r IN relationships(p) WHERE type(r) <> 'STATED_IN')
  RETURN p
  UNION
  WITH a, b WHERE $max_hops = 6 AND $all = true
  MATCH p = allShortestPaths((a)-[*..6]-(b))
  WHERE all(r IN relationships(p) WHERE type(r) <> 'STATED_IN')
  RETURN p
}
WITH a, b, p LIMIT $limit
RETURN a IS NOT NULL AS found, length(p) AS length,
       [n IN nodes(p) | {label: labels(n)[0], key: n.key, name: n.name}] AS nodes,
       [r IN relationships(p) | {type: type(r), from: startNode(r).key, to: endNode(r).key}] AS relationships
