// One page of every stakeholder, in id order, for `stakegraph export` (SPEC 8).
// Pages are keyset-paginated on the id index: pass the last id of a page as $after.
// Parameters:
//   $after  string or null: the last id of the previous page (null for the first page),
//           e.g. null or 'globex'
//   $limit  integer: the page size, e.g. 1000
// Returns one row per stakeholder:
//   id          its id
//   kind        ORGANIZATION, DEPARTMENT or PERSON
//   properties  all its properties (id, name, createdAt, updatedAt, ...), createdAt and
//               updatedAt as ISO 8601 text (null when absent); role labels are not
//               exported: they follow from the relationships
MATCH (n:Stakeholder)
WHERE n.id > coalesce($after, '')
WITH n
ORDER BY n.id
LIMIT $limit
RETURN n.id AS id,
       CASE
         WHEN n:Organization THEN 'ORGANIZATION'
         WHEN n:Department THEN 'DEPARTMENT'
         WHEN n:Person THEN 'PERSON'
       END AS kind,
       n {.*, createdAt: toString(n.createdAt), updatedAt: toString(n.updatedAt)} AS properties;
