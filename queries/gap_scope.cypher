// name: gap_scope
// description: What counts as local for one cluster's gap report under a scope (the block that opens cluster_gaps, gap_candidates and gap_zones): its zones, its counties, its cities and its province, with names, and the local places and zones, and the cluster's name (so a report needs no other query for it); no row when the key is absent.
// param: key str required=true max=200 example=郑州航空港区智能终端(手机)产业集群 | the cluster's key
// param: scope str default=cities choices=zones,counties,cities,province | what counts as local (see cluster_gaps)
// param: limit int default=1 min=1 max=1 | one row
// returns: key, name, own_zones[{key, name}], counties[{key, name}], cities[{key, name}], provinces[], place_count, zone_count, places[{key, name}] (at most 50)
MATCH (c:Cluster {key: $key})
// include: local_scope
RETURN c.key AS key, c.name AS name,
       COLLECT { MATCH (z:Zone) WHERE z.key IN own_zones RETURN z {.key, .name} AS x ORDER BY x.key } AS own_zones,
       COLLECT { MATCH (p:County) WHERE p.key IN counties RETURN p {.key, .name} AS x ORDER BY x.key } AS counties,
       COLLECT { MATCH (p:City) WHERE p.key IN cities RETURN p {.key, .name} AS x ORDER BY x.key } AS cities,
       COLLECT { UNWIND provinces AS x RETURN DISTINCT x ORDER BY x } AS provinces,
       size(places) AS place_count, size(zones) AS zone_count,
       COLLECT { MATCH (p:City|County) WHERE p.key IN places RETURN p {.key, .name} AS x ORDER BY x.key LIMIT 50 } AS places
LIMIT $limit
