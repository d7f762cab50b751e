// Create or update REFERS relationships (referrer -> referred), one per row, identified by their
// id: MERGE on the id between the two ends, set the given properties (null removes one),
// createdAt when created (the row's own when given, otherwise now).
// The caller checks first that both ends exist (a row whose end is missing writes nothing)
// and refreshes the role labels of the `from` ends afterwards (writes/refresh_roles).
// Parameters:
//   $rows  list of maps {id, from, to, properties, createdAt}, e.g.
//          [{id: 'r1', from: 'omar', to: 'lucia', createdAt: null,
//            properties: {providerId: 'ms-park', channel: 'school gate', at: datetime('2025-11-01T00:00:00Z')}}]
// Returns:
//   written  the number of relationships written
UNWIND $rows AS row
MATCH (a:Stakeholder {id: row.from})
MATCH (b:Stakeholder {id: row.to})
MERGE (a)-[r:REFERS {id: row.id}]->(b)
  ON CREATE SET r.createdAt = coalesce(row.createdAt, datetime())
SET r += row.properties
RETURN count(r) AS written;
