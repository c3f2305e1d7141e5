// name: attainment_clusters
// description: Plan vs actual per cluster for one year: the 2017 target against the reported revenue (load actuals first), ordered by cluster key.
// param: year int default=2017 min=1990 max=2100 example=2017 | year of the reported figures
// param: after str default= max=200 | cluster key to continue after
// param: limit int default=100 min=1 max=1000 | most clusters returned
// returns: key, name, target_yi, actual_yi, attainment, source
MATCH (a:Actual)-[:REPORTS]->(c:Cluster)
WHERE a.year = $year AND c.key > $after
RETURN c.key AS key, c.name AS name, c.target_yi AS target_yi, a.revenue_yi AS actual_yi,
       CASE WHEN c.target_yi > 0 THEN round(a.revenue_yi / c.target_yi, 4) END AS attainment, a.source AS source
ORDER BY key
LIMIT $limit
