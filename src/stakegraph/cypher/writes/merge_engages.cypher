// Create or update ENGAGES relationships (prospect -> provider), one per row, identified by their
// id: MERGE on the id between the two ends, set the given properties (null removes one),
// createdAt when created (the row's own when given, otherwise now).
// The caller checks first that both ends exist (a row whose end is missing writes nothing)
// and refreshes the role labels of the `from` ends afterwards (writes/refresh_roles).
// Parameters:
//   $rows  list of maps {id, from, to, properties, times, createdAt}, e.g.
//          [{id: 'r1', from: 'umbrella', to: 'initech', createdAt: null,
//            times: {at: '2025-11-01T00:00:00Z'},
//            properties: {stage: 'CONSIDERATION', channel: 'webinar'}}]
//          `times` holds the datetime properties as ISO 8601 text (datetime() here turns
//          them back: the driver packs a datetime far slower than a string); createdAt
//          is ISO 8601 text or null.
// Returns:
//   written  the number of relationships written
UNWIND $rows AS row
MATCH (a:Stakeholder {id: row.from})
MATCH (b:Stakeholder {id: row.to})
MERGE (a)-[r:ENGAGES {id: row.id}]->(b)
  ON CREATE SET r.createdAt = coalesce(datetime(row.createdAt), datetime())
SET r += row.properties
FOREACH (key IN keys(row.times) | SET r[key] = datetime(row.times[key]))
RETURN count(r) AS written;
