// Create stakeholders that do not exist yet, one per row (an import into a database that
// held no stakeholder when it began): what writes/upsert_stakeholders does to an id it
// does not find, without looking for it first. A row whose id exists fails the whole
// statement on the stakeholder_id constraint (cypher/schema.cypher); the caller then
// writes the batch with upsert_stakeholders instead.
// Parameters:
//   $rows  list of maps {id, kind, properties, createdAt, updatedAt}, as for
//          writes/upsert_stakeholders, e.g.
//          [{id: 'mia', kind: 'PERSON', properties: {name: 'Mia', birthYear: 2018},
//            createdAt: null, updatedAt: null}]
// Returns:
//   written  the number of rows written
UNWIND $rows AS row
CREATE (n:Stakeholder {id: row.id})
SET n += row.properties,
    n.createdAt = coalesce(datetime(row.createdAt), datetime()),
    n.updatedAt = coalesce(datetime(row.updatedAt), datetime())
FOREACH (_ IN CASE WHEN row.kind = 'ORGANIZATION' THEN [1] ELSE [] END | SET n:Organization)
FOREACH (_ IN CASE WHEN row.kind = 'DEPARTMENT' THEN [1] ELSE [] END | SET n:Department)
FOREACH (_ IN CASE WHEN row.kind = 'PERSON' THEN [1] ELSE [] END | SET n:Person)
RETURN count(*) AS written;
