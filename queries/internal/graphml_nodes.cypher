// name: graphml_nodes
// description: Every node having one of the model's labels $labels, with its label, key and properties, in label and key order (the GraphML export, streamed).
// param: labels list required=true max=50 | the model's labels
// stream: true
// returns: label, key, props
MATCH (n)
WITH n, [l IN labels(n) WHERE l IN $labels][0] AS label WHERE label IS NOT NULL
RETURN label, n.key AS key, properties(n) AS props
ORDER BY label, key
