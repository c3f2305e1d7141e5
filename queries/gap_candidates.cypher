// name: gap_candidates
// description: Firms to court for one segment of a cluster's chains: firms placed in that segment outside the cluster's zones and places (a city's counties included), chain leaders first, then by revenue.
// param: key str required=true max=200 example=郑州航空港区智能终端(手机)产业集群 | the cluster's key
// param: segment str required=true max=200 example=smart-terminal/chips | the ChainSegment key, chain/segment
// param: limit int default=20 min=1 max=500 | candidates at most
// returns: key, name, revenue_wan, chain_leader, zone{key, name}, place{key, name}
MATCH (c:Cluster {key: $key})
// Zones and places as nodes, so the tests below compare node ids rather than read each key.
WITH c,
     COLLECT { MATCH (c)-[:LOCATED_IN]->(p:City|County) RETURN p
               UNION
               MATCH (c)-[:LOCATED_IN]->(:City)<-[:PART_OF]-(p:County) RETURN p } AS places,
     COLLECT { MATCH (z:Zone)-[:SERVES]->(c) RETURN z } AS zones
MATCH (e:Enterprise)-[:IN_SEGMENT]->(:ChainSegment {key: $segment})
WHERE NOT EXISTS { MATCH (e)-[:SITED_IN]->(z) WHERE z IN zones }
  AND NOT EXISTS { MATCH (e)-[:LOCATED_IN]->(p) WHERE p IN places }
RETURN e.key AS key, e.name AS name, e.revenue_wan AS revenue_wan, coalesce(e.chain_leader, false) AS chain_leader,
       COLLECT { MATCH (e)-[:SITED_IN]->(z:Zone) RETURN z {.key, .name} AS x ORDER BY x.key }[0] AS zone,
       COLLECT { MATCH (e)-[:LOCATED_IN]->(p:City|County) RETURN p {.key, .name} AS x ORDER BY x.key }[0] AS place
ORDER BY chain_leader DESC, coalesce(revenue_wan, 0.0) DESC, key
LIMIT $limit
