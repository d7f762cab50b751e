// The stakeholders linked to each given stakeholder by one structural relationship type in
// one direction: an organisation's departments (PART_OF, IN) and members (MEMBER_OF, IN), a
// department's parent (PART_OF, OUT), a person's memberships (MEMBER_OF, OUT), parents
// (PARENT_OF, IN) and children (PARENT_OF, OUT). Direct links only.
// Parameters:
//   $ids        list of stakeholder ids                         e.g. ['globex']
//   $type       'MEMBER_OF', 'PART_OF' or 'PARENT_OF'           e.g. 'PART_OF'
//   $direction  'OUT' (from the stakeholder) or 'IN' (to it)    e.g. 'IN'
// Returns one row per given stakeholder that exists:
//   id      the stakeholder's id
//   n       the stakeholder
//   linked  a list of {relation, other}: the relationship and the stakeholder at its other
//           end, by that stakeholder's name, then id
UNWIND $ids AS id
MATCH (n:Stakeholder {id: id})
CALL (n) {
  MATCH (n)-[r:MEMBER_OF|PART_OF|PARENT_OF]-(other)
  WHERE type(r) = $type
    AND (($direction = 'OUT' AND startNode(r) = n) OR ($direction = 'IN' AND endNode(r) = n))
  WITH r, other
  ORDER BY other.name, other.id
  RETURN collect({relation: r, other: other}) AS linked
}
RETURN id, n, linked;
