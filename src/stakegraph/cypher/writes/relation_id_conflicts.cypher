// Relation ids already held by a different relationship: another type, or other ends.
// Relationship ids are unique across all types (removeRelation takes an id alone), but a
// uniqueness constraint covers one type only, so writes check here first.
// Parameters:
//   $rows  list of {id, type, from, to}, e.g. [{id: 'r1', type: 'USES', from: 'leo', to: 'toyco'}]
// Returns one row per conflicting id:
//   id     the relation id
//   held   what holds it now, e.g. 'BUYS mia->toyco'
UNWIND $rows AS row
CALL (row) {
  MATCH (a)-[r:BUYS {id: row.id}]->(b) RETURN a, r, b
  UNION
  MATCH (a)-[r:USES {id: row.id}]->(b) RETURN a, r, b
  UNION
  MATCH (a)-[r:SERVES {id: row.id}]->(b) RETURN a, r, b
  UNION
  MATCH (a)-[r:CONTRIBUTES {id: row.id}]->(b) RETURN a, r, b
  UNION
  MATCH (a)-[r:ENGAGES {id: row.id}]->(b) RETURN a, r, b
  UNION
  MATCH (a)-[r:GIVES_FEEDBACK {id: row.id}]->(b) RETURN a, r, b
  UNION
  MATCH (a)-[r:REFERS {id: row.id}]->(b) RETURN a, r, b
  UNION
  MATCH (a)-[r:MEMBER_OF {id: row.id}]->(b) RETURN a, r, b
  UNION
  MATCH (a)-[r:PART_OF {id: row.id}]->(b) RETURN a, r, b
  UNION
  MATCH (a)-[r:PARENT_OF {id: row.id}]->(b) RETURN a, r, b
}
WITH row, a, r, b
WHERE type(r) <> row.type OR a.id <> row.from OR b.id <> row.to
RETURN row.id AS id, type(r) + ' ' + a.id + '->' + b.id AS held;
