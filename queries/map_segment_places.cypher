// name: map_segment_places
// description: Firms of one chain segment per place (a firm sited in a zone but placed nowhere counts in the zone's place), from the Presence cells; with a cluster key, only the firms outside that cluster's zones and places (its gap candidates, a city's counties included).
// param: segment str required=true max=200 example=smart-terminal/chips | the ChainSegment key, chain/segment
// param: cluster str default= max=200 example=郑州航空港区智能终端(手机)产业集群 | a cluster whose own zones and places are left out; empty for all firms
// param: limit int default=5000 min=1 max=5000 | places at most
// returns: key, firms, revenue_wan
OPTIONAL MATCH (c:Cluster {key: $cluster})
WITH COLLECT { MATCH (c)<-[:SERVES]-(z:Zone) RETURN z.key AS k } AS zones,
     COLLECT { MATCH (c)-[:LOCATED_IN]->(p:City|County) RETURN p.key AS k
               UNION
               MATCH (c)-[:LOCATED_IN]->(:City)<-[:PART_OF]-(q:County) RETURN q.key AS k } AS places
MATCH (cell:Presence {segment: $segment})
WHERE NOT (coalesce(cell.zone IN zones, false) OR coalesce(cell.place IN places, false))
WITH cell, CASE WHEN cell.place IS NOT NULL THEN cell.place
                ELSE COLLECT { MATCH (:Zone {key: cell.zone})-[:LOCATED_IN]->(q:City|County) RETURN q.key AS k ORDER BY k }[0]
           END AS key
WHERE key IS NOT NULL
RETURN key, sum(cell.firms) AS firms, sum(cell.revenue_wan) AS revenue_wan
ORDER BY key
LIMIT $limit
