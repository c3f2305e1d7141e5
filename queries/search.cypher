// name: search
// description: Find entities of any label by Chinese name, alias, bracket-free name, place, pinyin or pinyin initials (CJK full-text index): exact names first, then clusters, places, zones, sectors, chains, projects, the plan's firms and last registry firms, each by score; paged by $skip over the best $pool matches.
// param: q str required=true max=100 example=郑州 | what the user typed, as given
// param: lucene str required=true max=1000 example=郑州 | the escaped full-text query built from q by the caller
// param: label str default= max=20 example=Cluster | only this label (Cluster, Zone, City …); empty for all
// param: pool int default=5000 min=1 max=20000 | best-scoring matches ranked (bounds the work on a province's registry)
// param: skip int default=0 min=0 max=20000 | hits to pass over (paging)
// param: limit int default=20 min=1 max=200 | most hits returned
// returns: label, key, name, aliases, score, registry
CALL db.index.fulltext.queryNodes('entity_names', $lucene, {limit: $pool}) YIELD node, score
WITH node, score, [l IN labels(node) WHERE l <> 'Document'][0] AS label
WHERE label IS NOT NULL AND ($label = '' OR label = $label)
WITH node, score, label,
     CASE label
       WHEN 'Cluster' THEN 0 WHEN 'City' THEN 1 WHEN 'County' THEN 1 WHEN 'Zone' THEN 2 WHEN 'Sector' THEN 3
       WHEN 'Chain' THEN 4 WHEN 'ChainSegment' THEN 4 WHEN 'Project' THEN 5
       WHEN 'Enterprise' THEN CASE WHEN node.source = 'registry' THEN 7 ELSE 6 END
       ELSE 8 END AS rank
RETURN label, node.key AS key, node.name AS name, node.aliases AS aliases, score,
       coalesce(node.source = 'registry', false) AS registry
ORDER BY (node.name = $q OR $q IN coalesce(node.aliases, [])) DESC, rank, score DESC, size(node.name), key
SKIP $skip
LIMIT $limit
