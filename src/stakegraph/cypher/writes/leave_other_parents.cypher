// A department belongs to one parent: before it is placed under $partOfId, its PART_OF
// relationships to any other organisation or department are deleted (a move, not a copy).
// Parameters:
//   $id        string: the department                     e.g. 'initech-helpdesk'
//   $partOfId  string: the parent it is being placed under e.g. 'initech-it'
// Returns one row:
//   removed    how many PART_OF relationships were deleted
OPTIONAL MATCH (:Department {id: $id})-[r:PART_OF]->(parent:Stakeholder)
WHERE parent.id <> $partOfId
DELETE r
RETURN count(r) AS removed;
