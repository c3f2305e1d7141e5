// name: search
// description: Find entities of any label by Chinese name, alias, pinyin or pinyin initials (CJK full-text index), exact names first.
// param: q str required=true max=100 example=郑州 | what the user typed, as given
// param: lucene str required=true max=1000 example=郑州 | the escaped full-text query built from q by the caller
// param: label str default= max=20 example=Cluster | only this label (Cluster, Zone, City …); empty for all
// param: limit int default=20 min=1 max=200 | most hits returned
// returns: label, key, name, aliases, score
CALL db.index.fulltext.queryNodes('entity_names', $lucene) YIELD node, score
WITH node, score, [l IN labels(node) WHERE l <> 'Document'][0] AS label
WHERE label IS NOT NULL AND ($label = '' OR label = $label)
RETURN label, node.key AS key, node.name AS name, node.aliases AS aliases, score
ORDER BY (node.name = $q OR $q IN node.aliases) DESC, score DESC, size(node.name), key
LIMIT $limit
