// Whether placing department $id under $partOfId would close a PART_OF cycle: $partOfId is
// one of $id's own sub-departments (PART_OF $id, directly or through others). A department
// in a cycle has no home organisation, so the write path refuses such a move.
// Parameters:
//   $id        string: the department being placed       e.g. 'initech-it'
//   $partOfId  string: the parent it would be placed under e.g. 'initech-helpdesk'
// Returns one row:
//   cycle      true when $partOfId lies below $id
RETURN EXISTS {
  MATCH (:Department {id: $partOfId})-[:PART_OF*1..]->(:Department {id: $id})
} AS cycle;
