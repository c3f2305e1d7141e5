// name: export_nodes
// description: Every node having one of the model's labels $labels, with its label, key, name, aliases and properties (the JSON export).
// param: labels list required=true max=50 | the model's labels
// stream: true
// returns: label, key, name, aliases, props
MATCH (n)
WITH n, [l IN labels(n) WHERE l IN $labels][0] AS label WHERE label IS NOT NULL
RETURN label, n.key AS key, n.name AS name, n.aliases AS aliases, properties(n) AS props
