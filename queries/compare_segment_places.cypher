// name: compare_segment_places
// description: Registry firms and revenue per chain segment and place of one province, summed from the Presence cells, counting firms by the place they are located in (a firm with a zone but no place is left out, as it is from the place totals of map_places), for place comparisons, location quotients and ranks; each row names its segment, chain and stage.
// param: province str required=true max=2 example=41 | the first two digits of the province's division code
// param: limit int default=100000 min=1 max=100000 | rows (place × segment) at most
// returns: place, segment, name, stage, position, chain{key, name}, firms, revenue_wan
MATCH (cell:Presence)
WHERE cell.place STARTS WITH $province
WITH cell.place AS place, cell.segment AS segment, sum(cell.firms) AS firms, sum(cell.revenue_wan) AS revenue_wan
MATCH (s:ChainSegment {key: segment})
RETURN place, segment, s.name AS name, s.stage AS stage, s.order AS position,
       COLLECT { MATCH (ch:Chain)-[:HAS_SEGMENT]->(s) RETURN ch {.key, .name} AS c ORDER BY c.key }[0] AS chain,
       firms, revenue_wan
ORDER BY place, segment
LIMIT $limit
