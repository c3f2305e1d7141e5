// name: clusters_list
// description: Clusters with their level, target and sector, ordered by key and paged by $after; optionally one level or one sector only.
// param: level str default= max=20 example=千亿级 | only clusters of this level (千亿级, 百亿级 …); empty for all
// param: sector str default= max=100 example=装备制造 | only clusters of this sector key; empty for all
// param: after str default= max=200 | cluster key to continue after
// param: limit int default=100 min=1 max=1000 | most clusters returned
// returns: key, name, level, target_yi, target_year, appendix_no, sector
MATCH (c:Cluster)
WHERE c.key > $after AND ($level = '' OR c.level = $level)
OPTIONAL MATCH (c)-[:IN_SECTOR]->(s:Sector)
WITH c, s WHERE $sector = '' OR s.key = $sector
RETURN c.key AS key, c.name AS name, c.level AS level, c.target_yi AS target_yi,
       c.target_year AS target_year, c.appendix_no AS appendix_no, s.key AS sector
ORDER BY key
LIMIT $limit
