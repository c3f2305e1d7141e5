// name: search_counts
// description: How many of the best $pool full-text matches fall under each label, registry firms apart from the plan's (the counts beside each group of search results).
// param: lucene str required=true max=1000 example=郑州 | the escaped full-text query built from the user's text by the caller
// param: pool int default=5000 min=1 max=20000 | best-scoring matches counted
// param: limit int default=20 min=1 max=50 | labels at most
// returns: label, registry, n
CALL db.index.fulltext.queryNodes('entity_names', $lucene, {limit: $pool}) YIELD node
WITH node, [l IN labels(node) WHERE l <> 'Document'][0] AS label
WHERE label IS NOT NULL
RETURN label, coalesce(node.source = 'registry', false) AS registry, count(*) AS n
ORDER BY label, registry
LIMIT $limit
