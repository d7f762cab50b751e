// Delete the relationship with the given id, of any type.
// Parameters:
//   $id  the relationship's id, e.g. 'r1' or 'MEMBER_OF:3f2a...'
// Returns one row per deleted relationship (none when no relationship has that id):
//   type    its type, e.g. 'BUYS'
//   fromId  the id of its `from` end, whose role labels the caller refreshes
//   toId    the id of its `to` end
CALL () {
  MATCH (a)-[r:BUYS {id: $id}]->(b) RETURN a, r, b
  UNION
  MATCH (a)-[r:USES {id: $id}]->(b) RETURN a, r, b
  UNION
  MATCH (a)-[r:SERVES {id: $id}]->(b) RETURN a, r, b
  UNION
  MATCH (a)-[r:CONTRIBUTES {id: $id}]->(b) RETURN a, r, b
  UNION
  MATCH (a)-[r:ENGAGES {id: $id}]->(b) RETURN a, r, b
  UNION
  MATCH (a)-[r:GIVES_FEEDBACK {id: $id}]->(b) RETURN a, r, b
  UNION
  MATCH (a)-[r:REFERS {id: $id}]->(b) RETURN a, r, b
  UNION
  MATCH (a)-[r:MEMBER_OF {id: $id}]->(b) RETURN a, r, b
  UNION
  MATCH (a)-[r:PART_OF {id: $id}]->(b) RETURN a, r, b
  UNION
  MATCH (a)-[r:PARENT_OF {id: $id}]->(b) RETURN a, r, b
}
WITH a.id AS fromId, b.id AS toId, type(r) AS type, r
DELETE r
RETURN type, fromId, toId;
