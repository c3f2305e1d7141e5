// name: graphml_relationships
// description: Every relationship of the model's types $types between nodes of the model's labels, as GraphML's source and target ids (Label:key), in order (the GraphML export, streamed).
// param: types list required=true max=50 | the model's relationship types
// param: labels list required=true max=50 | the model's labels
// stream: true
// returns: type, source, target, props
MATCH (a)-[r]->(b) WHERE type(r) IN $types
WITH r, a, b, [l IN labels(a) WHERE l IN $labels][0] AS fl, [l IN labels(b) WHERE l IN $labels][0] AS tl
WHERE fl IS NOT NULL AND tl IS NOT NULL
RETURN type(r) AS type, fl + ':' + a.key AS source, tl + ':' + b.key AS target, properties(r) AS props
ORDER BY type, source, target
