// name: map_firm_total
// description: How many firms the graph holds (plan anchor firms and registry firms), read from the count store, so a map of firms by place can say how many it could not place.
// param: limit int default=1 min=1 max=1 | one row
// returns: firms
MATCH (e:Enterprise)
RETURN count(e) AS firms
LIMIT $limit
