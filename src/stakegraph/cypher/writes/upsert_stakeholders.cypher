// Create or update stakeholders, one per row: MERGE on (:Stakeholder {id}), set the kind
// label and the given properties (a null property value removes that property).
// createdAt is set when the node is created (the row's own value when given, as an export
// re-imported keeps it; otherwise now). updatedAt is the row's own value when given;
// otherwise it is set to now only when the node is created or one of the given properties
// actually changes (a null given for an absent property is no change), so writing the same
// rows twice leaves the graph as it was.
// The caller checks first that no row changes the kind of an existing id.
// Parameters:
//   $rows  list of maps {id, kind, properties, createdAt, updatedAt}, e.g.
//          [{id: 'mia', kind: 'PERSON', properties: {name: 'Mia', birthYear: 2018},
//            createdAt: null, updatedAt: null}]
//          kind is ORGANIZATION, DEPARTMENT or PERSON; createdAt and updatedAt are ISO 8601
//          text or null (the driver packs a datetime far slower than a string).
// Returns:
//   written  the number of rows written
UNWIND $rows AS row
MERGE (n:Stakeholder {id: row.id})
  ON CREATE SET n.createdAt = coalesce(datetime(row.createdAt), datetime())
WITH n, row,
     n.updatedAt IS NULL
     OR any(key IN keys(row.properties)
            WHERE coalesce(n[key] <> row.properties[key],
                           n[key] IS NOT NULL OR row.properties[key] IS NOT NULL)) AS changed
SET n += row.properties,
    n.updatedAt = CASE
      WHEN row.updatedAt IS NOT NULL THEN datetime(row.updatedAt)
      WHEN changed THEN datetime()
      ELSE n.updatedAt
    END
FOREACH (_ IN CASE WHEN row.kind = 'ORGANIZATION' THEN [1] ELSE [] END | SET n:Organization)
FOREACH (_ IN CASE WHEN row.kind = 'DEPARTMENT' THEN [1] ELSE [] END | SET n:Department)
FOREACH (_ IN CASE WHEN row.kind = 'PERSON' THEN [1] ELSE [] END | SET n:Person)
RETURN count(*) AS written;
