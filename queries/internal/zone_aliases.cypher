// name: zone_aliases
// description: Every zone's key and aliases, to place a registry's firms by the zone names they give.
// param: limit int default=1000000 min=1 max=1000000 | most zones read
// returns: key, aliases
MATCH (z:Zone)
RETURN z.key AS key, z.aliases AS aliases
LIMIT $limit
