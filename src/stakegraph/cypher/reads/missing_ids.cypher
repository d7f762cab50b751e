// Which of the given stakeholder ids do not exist (checked before writing relationships,
// and to say which id of a pair was unknown).
// Parameters:
//   $ids  list of stakeholder ids, e.g. ['globex', 'nobody']
// Returns:
//   missing  the ids of the list with no :Stakeholder node, e.g. ['nobody']
UNWIND $ids AS id
OPTIONAL MATCH (n:Stakeholder {id: id})
WITH id, n
WHERE n IS NULL
RETURN collect(DISTINCT id) AS missing;
