// Create or update PARENT_OF relationships (Person -> Person), one per row. A structural
// relationship is unique per (from, to): MERGE on the pair, then set its id and the given
// properties (null removes one), createdAt when created (the row's own when given).
// The caller checks first that both ends exist and are of the right kinds, and refreshes
// the role labels of the `from` ends afterwards (writes/refresh_roles).
// Parameters:
//   $rows  list of maps {id, from, to, properties, createdAt}, e.g.
//          [{id: 'PARENT_OF:x', from: 'mia', to: 'leo', createdAt: null,
//            properties: {}}]
// Returns:
//   written  the number of relationships written
UNWIND $rows AS row
MATCH (a:Stakeholder {id: row.from})
MATCH (b:Stakeholder {id: row.to})
MERGE (a)-[r:PARENT_OF]->(b)
  ON CREATE SET r.createdAt = coalesce(row.createdAt, datetime())
SET r += row.properties, r.id = row.id
RETURN count(r) AS written;
