// name: export_relationships
// description: Every relationship of the model's types $types, with its ends' model label and key and its properties (the JSON export).
// param: types list required=true max=50 | the model's relationship types
// param: labels list required=true max=50 | the model's labels
// stream: true
// returns: type, fl, fk, tl, tk, props
MATCH (a)-[r]->(b) WHERE type(r) IN $types
RETURN type(r) AS type, [l IN labels(a) WHERE l IN $labels][0] AS fl, a.key AS fk,
       [l IN labels(b) WHERE l IN $labels][0] AS tl, b.key AS tk, properties(r) AS props
