// name: attainment_cities
// description: Plan vs actual per city (省辖市) for one year: clusters located in the city or its counties that reported, summed targets and revenue.
// param: year int default=2017 min=1990 max=2100 example=2017 | year of the reported figures
// param: after str default= max=200 | city key (division code) to continue after
// param: limit int default=100 min=1 max=1000 | most cities returned
// returns: key, name, clusters_reported, target_yi, actual_yi, attainment
MATCH (c:Cluster)<-[:REPORTS]-(a:Actual)
WHERE a.year = $year
MATCH (c)-[:LOCATED_IN]->(p)
OPTIONAL MATCH (p)-[:PART_OF]->(parent:City)
WITH c, a, coalesce(parent, p) AS city
WHERE city:City AND city.key > $after
WITH DISTINCT city, c, a
WITH city, count(c) AS clusters_reported, sum(c.target_yi) AS target, sum(a.revenue_yi) AS actual
RETURN city.key AS key, city.name AS name, clusters_reported, target AS target_yi, actual AS actual_yi,
       CASE WHEN target > 0 THEN round(actual / target, 4) END AS attainment
ORDER BY key
LIMIT $limit
