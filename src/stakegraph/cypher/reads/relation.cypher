// One relationship by its id, of any type (ids are unique across types), with its two ends.
// One branch per relationship type, so that each looks the id up in that type's index.
// Parameters:
//   $id  string: the relationship's id                        e.g. 'b-globex-crm'
// Returns at most one row:
//   a  the stakeholder it starts at (the buyer of a BUYS, the member of a MEMBER_OF, ...)
//   r  the relationship: type(r) is its RelationType, its properties are SPEC 2's
//   b  the stakeholder it ends at (the seller, the organisation, ...)
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
  MATCH (a)-[r:MEMBER_OF {id: $id}]->(b) RETURN a, r, b
  UNION
  MATCH (a)-[r:PART_OF {id: $id}]->(b) RETURN a, r, b
  UNION
  MATCH (a)-[r:PARENT_OF {id: $id}]->(b) RETURN a, r, b
  UNION
  MATCH (a)-[r:GIVES_FEEDBACK {id: $id}]->(b) RETURN a, r, b
  UNION
  MATCH (a)-[r:REFERS {id: $id}]->(b) RETURN a, r, b
}
RETURN a, r, b
LIMIT 1;
