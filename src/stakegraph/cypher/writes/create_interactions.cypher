// Create interaction relationships (BUYS, USES, SERVES, CONTRIBUTES, ENGAGES,
// GIVES_FEEDBACK, REFERS) whose id does not exist yet, one per row (an import into a
// database that held no stakeholder when it began): what writes/merge_buys and its kin do
// to an id they do not find, without looking for it first. A row whose id its type
// already holds fails the whole statement on that type's id constraint
// (cypher/schema.cypher); the caller then writes the batch with the merge_* files.
// The caller checks first that both ends exist and refreshes the role labels of the
// `from` ends afterwards (writes/refresh_roles).
// Parameters:
//   $rows  list of maps {id, type, from, to, properties, times, createdAt}, e.g.
//          [{id: 'r1', type: 'BUYS', from: 'globex', to: 'initech', createdAt: null,
//            times: {at: '2024-03-01T00:00:00Z'},
//            properties: {offering: 'CRM suite', amount: 120000.0, currency: 'USD'}}]
//          `times` holds the datetime properties as ISO 8601 text; createdAt is ISO 8601
//          text or null.
// Returns:
//   written  the number of relationships written
UNWIND $rows AS row
MATCH (a:Stakeholder {id: row.from})
MATCH (b:Stakeholder {id: row.to})
CREATE (a)-[r:$(row.type) {id: row.id}]->(b)
SET r += row.properties,
    r.createdAt = coalesce(datetime(row.createdAt), datetime())
FOREACH (key IN keys(row.times) | SET r[key] = datetime(row.times[key]))
RETURN count(r) AS written;
