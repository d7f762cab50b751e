// The relationships going out of one page of stakeholders (in id order), for
// `stakegraph export` (SPEC 8). Every relationship has exactly one `from` end, so walking
// all pages exports each relationship once.
// Parameters:
//   $after  string or null: `last` of the previous page (null for the first page),
//           e.g. null or 'globex'
//   $limit  integer: how many stakeholders a page covers, e.g. 1000
// Returns one row:
//   last       the id of the page's last stakeholder (null when the page is empty: done)
//   relations  list of maps {type, from, to, properties}, properties including id and
//              createdAt; the datetimes (at, since, createdAt, updatedAt) as ISO 8601 text,
//              null when absent (the driver turns a datetime into Python slowly)
MATCH (a:Stakeholder)
WHERE a.id > coalesce($after, '')
WITH a
ORDER BY a.id
LIMIT $limit
WITH collect(a) AS page
RETURN last(page).id AS last,
       COLLECT {
         UNWIND page AS a
         MATCH (a)-[r]->(b:Stakeholder)
         RETURN {type: type(r), from: a.id, to: b.id,
                 properties: r {.*, at: toString(r.at), since: toString(r.since),
                                createdAt: toString(r.createdAt),
                                updatedAt: toString(r.updatedAt)}} AS relation
         ORDER BY relation.from, relation.type, relation.to, relation.properties.id
       } AS relations;
