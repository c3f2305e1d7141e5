// name: city_rollup
// description: Per city: the clusters located in it or its counties counted by level, the sum of their targets for $year, the sectors they span, and counts of the zones located there and of the firms and projects around its clusters; ordered by city code, paged by $after.
// param: year int default=2017 min=1990 max=2100 example=2017 | target year whose cluster targets are summed
// param: after str default= max=6 | city code to continue after
// param: limit int default=100 min=1 max=1000 | most cities returned
// returns: key, name, cluster_count, levels[{level, clusters}], target_sum_yi, sectors[key], zone_count, firm_count, project_count
MATCH (city:City)
WHERE city.key > $after
// Clusters and zones are few and firms many: walk from each cluster or zone to its places, never from a
// place back through the LOCATED_IN of its million firms.
WITH city,
     COLLECT { MATCH (c:Cluster)
               WHERE EXISTS { (c)-[:LOCATED_IN]->(city) } OR EXISTS { (c)-[:LOCATED_IN]->(:County)-[:PART_OF]->(city) }
               RETURN c } AS clusters
WITH city, clusters,
     COLLECT { UNWIND clusters AS c WITH c.level AS level, count(*) AS n
               RETURN {level: level, clusters: n} AS x ORDER BY level } AS levels,
     reduce(t = 0.0, c IN clusters | t + CASE WHEN c.target_year = $year THEN coalesce(c.target_yi, 0.0) ELSE 0.0 END) AS target_sum_yi
RETURN city.key AS key, city.name AS name, size(clusters) AS cluster_count, levels, target_sum_yi,
       COLLECT { UNWIND clusters AS c MATCH (c)-[:IN_SECTOR]->(s:Sector) RETURN DISTINCT s.key AS k ORDER BY k } AS sectors,
       COUNT { MATCH (z:Zone)
               WHERE EXISTS { (z)-[:LOCATED_IN]->(city) } OR EXISTS { (z)-[:LOCATED_IN]->(:County)-[:PART_OF]->(city) }
               RETURN z } AS zone_count,
       COUNT { UNWIND clusters AS c MATCH (e:Enterprise)-[:ANCHORS]->(c) RETURN DISTINCT e } AS firm_count,
       COUNT { UNWIND clusters AS c MATCH (p:Project)-[:SUPPORTS]->(c) RETURN DISTINCT p } AS project_count
ORDER BY key
LIMIT $limit
