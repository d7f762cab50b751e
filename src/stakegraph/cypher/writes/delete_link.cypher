// Delete the structural relationship of one type from one stakeholder to another
// (removeMembership, removeParentOf). The caller checks that
// both ends exist first, and refreshes the role labels of the `from` end afterwards
// (writes/refresh_roles), in the same transaction.
// Parameters:
//   $type    'MEMBER_OF', 'PART_OF' or 'PARENT_OF'       e.g. 'MEMBER_OF'
//   $fromId  the id of the relationship's `from` end      e.g. 'dana'
//   $toId    the id of its `to` end                       e.g. 'globex'
// Returns one row per deleted relationship (none when the two were not so linked):
//   id  the deleted relationship's id
MATCH (:Stakeholder {id: $fromId})-[r:MEMBER_OF|PART_OF|PARENT_OF]->(:Stakeholder {id: $toId})
WHERE type(r) = $type
WITH r, r.id AS id
DELETE r
RETURN id;
