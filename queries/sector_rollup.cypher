// name: sector_rollup
// description: Per sector: its clusters counted by level, the sum of their targets for $year against the sector's goal (with the attainment ratio when a goal is stated), and counts of the zones, anchor firms and projects around its clusters; ordered by sector key, paged by $after.
// param: year int default=2017 min=1990 max=2100 example=2017 | target year whose cluster targets are summed
// param: after str default= max=50 | sector key to continue after
// param: only str default= max=100 example=装备制造 | this sector alone; empty for all
// param: limit int default=100 min=1 max=1000 | most sectors returned
// returns: key, name, goal_yi, goal_year, cluster_count, levels[{level, clusters}], target_sum_yi, attainment, zone_count, firm_count, project_count
MATCH (s:Sector)
WHERE s.key > $after AND ($only = '' OR s.key = $only)
WITH s,
     COLLECT { MATCH (c:Cluster)-[:IN_SECTOR]->(s) WITH DISTINCT c WITH c.level AS level, count(*) AS n
               RETURN {level: level, clusters: n} AS x ORDER BY level } AS levels,
     COLLECT { MATCH (c:Cluster)-[:IN_SECTOR]->(s) WHERE c.target_year = $year AND c.target_yi IS NOT NULL
               WITH DISTINCT c RETURN c.target_yi } AS targets
WITH s, levels, reduce(t = 0.0, x IN targets | t + x) AS target_sum_yi
RETURN s.key AS key, s.name AS name, s.goal_yi AS goal_yi, s.goal_year AS goal_year,
       reduce(n = 0, x IN levels | n + x.clusters) AS cluster_count, levels, target_sum_yi,
       CASE WHEN s.goal_yi > 0 THEN target_sum_yi / s.goal_yi END AS attainment,
       COUNT { MATCH (z:Zone)-[:SERVES]->(:Cluster)-[:IN_SECTOR]->(s) RETURN DISTINCT z } AS zone_count,
       COUNT { MATCH (e:Enterprise)-[:ANCHORS]->(:Cluster)-[:IN_SECTOR]->(s) RETURN DISTINCT e } AS firm_count,
       COUNT { MATCH (p:Project)-[:SUPPORTS]->(:Cluster)-[:IN_SECTOR]->(s) RETURN DISTINCT p } AS project_count
ORDER BY key
LIMIT $limit
