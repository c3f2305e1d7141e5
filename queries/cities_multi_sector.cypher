// name: cities_multi_sector
// description: Cities hosting clusters (located in the city or one of its counties) of at least $min_sectors sectors, with those sectors and clusters; ordered by city code and paged by $after.
// param: min_sectors int default=2 min=1 max=100 example=2 | fewest sectors a city's clusters must span
// param: after str default= max=6 | city code to continue after
// param: limit int default=100 min=1 max=1000 | most cities returned
// returns: key, name, sector_count, cluster_count, sectors[{key, name, clusters[{key, name, level, target_yi}]}]
MATCH (c:Cluster)-[:LOCATED_IN]->()-[:PART_OF*0..1]->(city:City)
WHERE city.key > $after
MATCH (c)-[:IN_SECTOR]->(s:Sector)
WITH DISTINCT city, s, c ORDER BY c.key
WITH city, s, collect(c {.key, .name, .level, .target_yi}) AS clusters ORDER BY s.key
WITH city, collect({key: s.key, name: s.name, clusters: clusters}) AS sectors
WHERE size(sectors) >= $min_sectors
RETURN city.key AS key, city.name AS name, size(sectors) AS sector_count,
       reduce(n = 0, x IN sectors | n + size(x.clusters)) AS cluster_count, sectors
ORDER BY key
LIMIT $limit
