// name: map_places
// description: Every city and county of one province (by the first two digits of its code) with what is located directly in it, for maps: clusters (level, target), zones (with coordinates when known), and the count of registry firms located there; a place's counties are separate rows.
// param: province str required=true max=2 example=41 | the first two digits of the province's division code
// param: limit int default=2000 min=1 max=5000 | places at most
// returns: key, name, label, parent, clusters[{key, name, level, target_yi}], zones[{key, name, lon, lat}], projects, firms
MATCH (p:City|County)
WHERE p.key STARTS WITH $province
// Only Cluster, Zone, Enterprise and Project are ever LOCATED_IN a place (graph/model.py), so
// the firms are the relationship's degree, read from the store without walking a million
// firms, less the clusters, zones and projects, which are few and counted by walking.
WITH p,
     COLLECT { MATCH (c:Cluster)-[:LOCATED_IN]->(p) RETURN c {.key, .name, .level, .target_yi} AS x ORDER BY x.key } AS clusters,
     COLLECT { MATCH (z:Zone)-[:LOCATED_IN]->(p) RETURN z {.key, .name, .lon, .lat} AS x ORDER BY x.key } AS zones,
     COUNT { MATCH (j:Project)-[:LOCATED_IN]->(p) } AS projects,
     COUNT { (p)<-[:LOCATED_IN]-() } AS located
RETURN p.key AS key, p.name AS name, labels(p)[0] AS label,
       COLLECT { MATCH (p)-[:PART_OF]->(c:City) RETURN c.key }[0] AS parent,
       clusters, zones, projects, located - size(clusters) - size(zones) - projects AS firms
ORDER BY key
LIMIT $limit
