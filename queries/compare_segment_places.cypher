// name: compare_segment_places
// description: Registry firms and revenue per chain segment for every place of one province, one row per place, summed from the Presence cells; firms count where they are located (a firm with a zone but no place is left out, as it is from the place totals of map_places).
// param: province str required=true max=2 example=41 | the first two digits of the province's division code
// param: limit int default=5000 min=1 max=5000 | places at most
// returns: place, segments[] (ChainSegment keys), firms[], revenue_wan[] (parallel lists: a province's places × segments are tens of thousands of figures, and lists of numbers travel and decode at a fraction of the cost of as many maps)
MATCH (cell:Presence)
WHERE cell.place STARTS WITH $province
WITH cell.place AS place, cell.segment AS key, sum(cell.firms) AS firms, sum(cell.revenue_wan) AS revenue_wan
ORDER BY place, key
RETURN place, collect(key) AS segments, collect(firms) AS firms, collect(revenue_wan) AS revenue_wan
ORDER BY place
LIMIT $limit
