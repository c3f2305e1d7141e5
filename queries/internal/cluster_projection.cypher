// name: cluster_projection
// description: Every cluster with its sector, the zones serving it, its anchor firms and its cities (a county counts as its city): what the networkx analytics project.
// param: limit int default=100000 min=1 max=100000 | most clusters read
// returns: key, name, target_yi, sector, zones [{key, name}], firms [{key, name}], cities [{key, name}]
MATCH (c:Cluster)
OPTIONAL MATCH (c)-[:IN_SECTOR]->(s:Sector)
WITH c, s
CALL (c) {
  MATCH (z:Zone)-[:SERVES]->(c) RETURN collect(z {.key, .name}) AS zones
}
CALL (c) {
  MATCH (e:Enterprise)-[:ANCHORS]->(c) RETURN collect(e {.key, .name}) AS firms
}
CALL (c) {
  MATCH (c)-[:LOCATED_IN]->(p)
  OPTIONAL MATCH (p)-[:PART_OF]->(parent:City)
  WITH coalesce(parent, p) AS city WHERE city:City
  RETURN collect(DISTINCT city {.key, .name}) AS cities
}
RETURN c.key AS key, c.name AS name, c.target_yi AS target_yi, s.key AS sector, zones, firms, cities
LIMIT $limit
