// The kind of each of the given stakeholders that exists: to refuse a kind change before an
// upsert, and to check the kinds of a structural relationship's ends.
// Parameters:
//   $ids  list of stakeholder ids, e.g. ['globex', 'dana', 'nobody']
// Returns one row per existing id:
//   id    the stakeholder's id
//   kind  ORGANIZATION, DEPARTMENT or PERSON (from its kind label)
UNWIND $ids AS id
MATCH (n:Stakeholder {id: id})
RETURN DISTINCT n.id AS id,
       CASE
         WHEN n:Organization THEN 'ORGANIZATION'
         WHEN n:Department THEN 'DEPARTMENT'
         WHEN n:Person THEN 'PERSON'
       END AS kind;
