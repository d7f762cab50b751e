// Create or update stakeholders, one per row: MERGE on (:Stakeholder {id}), set the kind
// label and the given properties (a null property value removes that property).
// createdAt is set when the node is created, updatedAt on every write (the row's own
// values when given, as an export re-imported keeps them; otherwise now).
// The caller checks first that no row changes the kind of an existing id.
// Parameters:
//   $rows  list of maps {id, kind, properties, createdAt, updatedAt}, e.g.
//          [{id: 'mia', kind: 'PERSON', properties: {name: 'Mia', birthYear: 2018},
//            createdAt: null, updatedAt: null}]
//          kind is ORGANIZATION, DEPARTMENT or PERSON.
// Returns:
//   written  the number of rows written
UNWIND $rows AS row
MERGE (n:Stakeholder {id: row.id})
  ON CREATE SET n.createdAt = coalesce(row.createdAt, datetime())
SET n += row.properties,
    n.updatedAt = coalesce(row.updatedAt, datetime())
FOREACH (_ IN CASE WHEN row.kind = 'ORGANIZATION' THEN [1] ELSE [] END | SET n:Organization)
FOREACH (_ IN CASE WHEN row.kind = 'DEPARTMENT' THEN [1] ELSE [] END | SET n:Department)
FOREACH (_ IN CASE WHEN row.kind = 'PERSON' THEN [1] ELSE [] END | SET n:Person)
RETURN count(*) AS written;
