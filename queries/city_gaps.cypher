// name: city_gaps
// description: Gap analysis of one city: every segment of the chains its clusters work on (clusters located in the city or its counties), with the firms sited in zones or located in the city and its counties, flagged 缺链, 弱链 (one firm or revenue below weak_revenue_wan) or 强链; no row for an unknown city.
// param: city str required=true max=6 example=410100 | the city's 6-digit division code
// param: weak_revenue_wan float default=10000 min=0 | local revenue (万元) below which a segment is weak
// param: limit int default=1000 min=1 max=5000 | segments at most
// returns: chain{key, name}, clusters[], segment{key, name, stage, order}, firm_count, leaders[{key, name}], revenue_wan, flag
MATCH (city:City {key: $city})
WITH [city.key] + COLLECT { MATCH (q:County)-[:PART_OF]->(city) RETURN q.key AS k } AS places
WITH places,
     COLLECT { MATCH (z:Zone)-[:LOCATED_IN]->(p:City|County) WHERE p.key IN places RETURN DISTINCT z.key AS k } AS zones
// The local firms once, walked from the zones and places; each segment's firms are then kept
// when local, instead of testing every firm of the segment for a local zone or place.
CALL (places, zones) {
  CALL (places, zones) {
    MATCH (z:Zone)<-[:SITED_IN]-(e:Enterprise) WHERE z.key IN zones RETURN e
    UNION
    MATCH (p:City|County)<-[:LOCATED_IN]-(e:Enterprise) WHERE p.key IN places RETURN e
  }
  RETURN collect(e) AS local
}
CALL (places) {
  MATCH (c:Cluster)-[:LOCATED_IN]->(p:City|County) WHERE p.key IN places
  MATCH (c)-[:HAS_CHAIN]->(ch:Chain)
  RETURN ch, collect(DISTINCT c.key) AS clusters
}
MATCH (ch)-[:HAS_SEGMENT]->(s:ChainSegment)
CALL (s, local) {
  MATCH (e:Enterprise)-[:IN_SEGMENT]->(s)
  WHERE e IN local
  WITH DISTINCT e ORDER BY coalesce(e.revenue_wan, 0.0) DESC, e.key
  RETURN count(e) AS firm_count, toFloat(sum(coalesce(e.revenue_wan, 0.0))) AS revenue_wan,
         collect(CASE WHEN e.chain_leader THEN e {.key, .name} END) AS leaders
}
RETURN ch {.key, .name} AS chain, clusters, s {.key, .name, .stage, .order} AS segment,
       firm_count, leaders, revenue_wan,
       CASE WHEN firm_count = 0 THEN '缺链' WHEN firm_count = 1 OR revenue_wan < $weak_revenue_wan THEN '弱链' ELSE '强链' END AS flag
ORDER BY chain.key, segment.order, segment.key
LIMIT $limit
