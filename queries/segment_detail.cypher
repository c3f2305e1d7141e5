// name: segment_detail
// description: One chain segment: its chain and stage, the segments feeding it and fed by it, how many registry firms it has and their revenue, the places and zones with most of them, its largest firms (from the Presence cells), and the clusters working on its chain; no row when the key is absent.
// param: key str required=true max=200 example=smart-terminal/assembly | the ChainSegment key, chain/segment
// param: top int default=10 min=1 max=50 | places, zones and firms listed at most
// param: limit int default=1 min=1 max=1 | one row at most
// returns: key, name, stage, keywords[], industry_codes[], chain{key, name}, upstream[{key, name}], downstream[{key, name}], firms, revenue_wan, places[{key, name, label, firms}], zones[{key, name, firms}], top_firms[{key, name, revenue_wan, chain_leader}], clusters[{key, name}]
MATCH (s:ChainSegment {key: $key})
OPTIONAL MATCH (ch:Chain)-[:HAS_SEGMENT]->(s)
WITH s, collect(ch {.key, .name})[0] AS chain,
     COLLECT { MATCH (p:Presence {segment: $key}) RETURN p } AS cells
RETURN s.key AS key, s.name AS name, s.stage AS stage, coalesce(s.keywords, []) AS keywords,
       coalesce(s.industry_codes, []) AS industry_codes, chain,
       COLLECT { MATCH (u:ChainSegment)-[:FEEDS]->(s) RETURN u {.key, .name} AS x ORDER BY x.key } AS upstream,
       COLLECT { MATCH (s)-[:FEEDS]->(d:ChainSegment) RETURN d {.key, .name} AS x ORDER BY x.key } AS downstream,
       reduce(n = 0, c IN cells | n + c.firms) AS firms,
       reduce(r = 0.0, c IN cells | r + c.revenue_wan) AS revenue_wan,
       COLLECT { UNWIND cells AS c WITH c.place AS place, sum(c.firms) AS n WHERE place IS NOT NULL
                 MATCH (q:City|County {key: place})
                 RETURN {key: place, name: q.name, label: labels(q)[0], firms: n} AS x
                 ORDER BY x.firms DESC, x.key LIMIT $top } AS places,
       COLLECT { UNWIND cells AS c WITH c.zone AS zone, sum(c.firms) AS n WHERE zone IS NOT NULL
                 MATCH (z:Zone {key: zone})
                 RETURN {key: zone, name: z.name, firms: n} AS x ORDER BY x.firms DESC, x.key LIMIT $top } AS zones,
       COLLECT { UNWIND cells AS c UNWIND range(0, size(c.top) - 1) AS i
                 WITH c.top[i] AS k, c.top_revenue[i] AS revenue ORDER BY revenue DESC, k LIMIT $top
                 MATCH (e:Enterprise {key: k})
                 RETURN e {.key, .name, .revenue_wan, chain_leader: coalesce(e.chain_leader, false)} AS x } AS top_firms,
       COLLECT { MATCH (c:Cluster)-[:HAS_CHAIN]->(:Chain)-[:HAS_SEGMENT]->(s)
                 RETURN DISTINCT c {.key, .name} AS x ORDER BY x.key } AS clusters
LIMIT $limit
