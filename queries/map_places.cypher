// name: map_places
// description: Every city and county of one province (by the first two digits of its code) with what is located directly in it, for maps: clusters (level, target, sector), zones (with coordinates when known), and the count of registry firms located there; a place's counties are separate rows.
// param: province str required=true max=2 example=41 | the first two digits of the province's division code
// param: limit int default=2000 min=1 max=5000 | places at most
// returns: key, name, label, parent, clusters[{key, name, level, target_yi, sector}], zones[{key, name, lon, lat}], projects, firms
// A place may have a million firms and a few clusters, zones and projects: the few are walked
// from their own side (USING SCAN), grouped by place, and only the firms are counted at the
// place, as the degree of LOCATED_IN read from the store, less the few.  Only Cluster, Zone,
// Enterprise and Project are ever LOCATED_IN a place (graph/model.py).
CALL () {
  MATCH (c:Cluster)-[:LOCATED_IN]->(q) USING SCAN c:Cluster
  WHERE q.key STARTS WITH $province
  WITH q.key AS at, c {.key, .name, .level, .target_yi,
                          sector: COLLECT { MATCH (c)-[:IN_SECTOR]->(s:Sector) RETURN s.key }[0]} AS x ORDER BY x.key
  WITH at, collect(x) AS xs
  RETURN collect([at, xs]) AS clusters_at
}
CALL () {
  MATCH (z:Zone)-[:LOCATED_IN]->(q) USING SCAN z:Zone
  WHERE q.key STARTS WITH $province
  WITH q.key AS at, z {.key, .name, .lon, .lat} AS x ORDER BY x.key
  WITH at, collect(x) AS xs
  RETURN collect([at, xs]) AS zones_at
}
CALL () {
  MATCH (j:Project)-[:LOCATED_IN]->(q) USING SCAN j:Project
  WHERE q.key STARTS WITH $province
  WITH q.key AS at, count(*) AS n
  RETURN collect([at, n]) AS projects_at
}
MATCH (p:City|County)
WHERE p.key STARTS WITH $province
WITH p, COUNT { (p)<-[:LOCATED_IN]-() } AS located,
     coalesce([x IN clusters_at WHERE x[0] = p.key | x[1]][0], []) AS clusters,
     coalesce([x IN zones_at WHERE x[0] = p.key | x[1]][0], []) AS zones,
     coalesce([x IN projects_at WHERE x[0] = p.key | x[1]][0], 0) AS projects
RETURN p.key AS key, p.name AS name, labels(p)[0] AS label,
       COLLECT { MATCH (p)-[:PART_OF]->(c:City) RETURN c.key }[0] AS parent,
       clusters, zones, projects, located - size(clusters) - size(zones) - projects AS firms
ORDER BY key
LIMIT $limit
