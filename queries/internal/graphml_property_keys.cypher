// name: graphml_property_keys
// description: Every property key the database knows, for the GraphML export's key declarations.
// stream: true
// returns: k
CALL db.propertyKeys() YIELD propertyKey
RETURN propertyKey AS k
