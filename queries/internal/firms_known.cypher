// name: firms_known
// description: Which of some keys are firms in the graph (a project's sponsor must be one).
// param: keys list required=true max=10000 | firm keys, at most 10,000 a call
// param: limit int default=10000 min=1 max=10000 | one row per key found
// returns: key
UNWIND $keys AS k
MATCH (e:Enterprise {key: k})
RETURN e.key AS key
LIMIT $limit
