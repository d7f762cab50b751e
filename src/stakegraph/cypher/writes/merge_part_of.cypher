// Create or update PART_OF relationships (Department -> Organization or Department), one per row. A structural
// relationship is unique per (from, to): MERGE on the pair, then set its id and the given
// properties (null removes one), createdAt when created (the row's own when given).
// The caller checks first that both ends exist and are of the right kinds, and refreshes
// the role labels of the `from` ends afterwards (writes/refresh_roles).
// Parameters:
//   $rows  list of maps {id, from, to, properties, times, createdAt}, e.g.
//          [{id: 'PART_OF:x', from: 'globex-it', to: 'globex', createdAt: null, times: {},
//            properties: {}}]
//          `times` holds the datetime properties as ISO 8601 text (datetime() here turns
//          them back: the driver packs a datetime far slower than a string); createdAt
//          is ISO 8601 text or null.
// Returns:
//   written  the number of relationships written
UNWIND $rows AS row
MATCH (a:Stakeholder {id: row.from})
MATCH (b:Stakeholder {id: row.to})
MERGE (a)-[r:PART_OF]->(b)
  ON CREATE SET r.createdAt = coalesce(datetime(row.createdAt), datetime())
SET r += row.properties, r.id = row.id
FOREACH (key IN keys(row.times) | SET r[key] = datetime(row.times[key]))
RETURN count(r) AS written;
