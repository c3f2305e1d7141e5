// name: gap_zones
// description: Zones elsewhere that are strong in one segment of a cluster's chains: zones not serving the cluster nor located in its places, by how many firms of the segment they host.
// param: key str required=true max=200 example=郑州航空港区智能终端(手机)产业集群 | the cluster's key
// param: segment str required=true max=200 example=smart-terminal/chips | the ChainSegment key, chain/segment
// param: limit int default=10 min=1 max=200 | zones at most
// returns: key, name, firm_count, revenue_wan
MATCH (c:Cluster {key: $key})
WITH c,
     COLLECT { MATCH (c)-[:LOCATED_IN]->(p:City|County) RETURN p
               UNION
               MATCH (c)-[:LOCATED_IN]->(:City)<-[:PART_OF]-(p:County) RETURN p } AS places,
     COLLECT { MATCH (z:Zone)-[:SERVES]->(c) RETURN z } AS zones
MATCH (e:Enterprise)-[:IN_SEGMENT]->(:ChainSegment {key: $segment})
MATCH (e)-[:SITED_IN]->(z:Zone)
// Count per zone first: the test on the zone then runs once per zone, not once per firm.
WITH places, zones, z, count(DISTINCT e) AS firm_count, toFloat(sum(coalesce(e.revenue_wan, 0.0))) AS revenue_wan
WHERE NOT z IN zones AND NOT EXISTS { MATCH (z)-[:LOCATED_IN]->(p) WHERE p IN places }
RETURN z.key AS key, z.name AS name, firm_count, revenue_wan
ORDER BY firm_count DESC, revenue_wan DESC, key
LIMIT $limit
