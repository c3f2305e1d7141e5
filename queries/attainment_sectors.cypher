// name: attainment_sectors
// description: Plan vs actual per sector for one year: summed targets and reported revenue of its clusters that reported, against the sector goal.
// param: year int default=2017 min=1990 max=2100 example=2017 | year of the reported figures
// param: after str default= max=200 | sector key to continue after
// param: limit int default=100 min=1 max=1000 | most sectors returned
// returns: key, name, goal_yi, clusters_reported, target_yi, actual_yi, attainment, goal_attainment
MATCH (s:Sector)<-[:IN_SECTOR]-(c:Cluster)<-[:REPORTS]-(a:Actual)
WHERE a.year = $year AND s.key > $after
WITH DISTINCT s, c, a
WITH s, count(c) AS clusters_reported, sum(c.target_yi) AS target, sum(a.revenue_yi) AS actual
RETURN s.key AS key, s.name AS name, s.goal_yi AS goal_yi, clusters_reported, target AS target_yi, actual AS actual_yi,
       CASE WHEN target > 0 THEN round(actual / target, 4) END AS attainment,
       CASE WHEN s.goal_yi > 0 THEN round(actual / s.goal_yi, 4) END AS goal_attainment
ORDER BY key
LIMIT $limit
