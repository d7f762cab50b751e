// A page of stakeholders in the stable order (name, id), after a keyset cursor.
// Parameters:
//   $kind       'ORGANIZATION', 'DEPARTMENT', 'PERSON' or null for all    e.g. null
//   $search     text the name must contain (any case), or null            e.g. 'glob'
//   $afterName  name of the last row of the previous page, or null        e.g. null
//   $afterId    id of that row, or null                                   e.g. null
//   $first      how many rows to return                                   e.g. 50
// Returns one row per stakeholder, by name then id:
//   n           the stakeholder node
MATCH (n:Stakeholder)
WHERE ($kind IS NULL
       OR ($kind = 'ORGANIZATION' AND n:Organization)
       OR ($kind = 'DEPARTMENT' AND n:Department)
       OR ($kind = 'PERSON' AND n:Person))
  AND ($search IS NULL OR toLower(n.name) CONTAINS toLower($search))
  AND ($afterName IS NULL OR n.name > $afterName OR (n.name = $afterName AND n.id > $afterId))
RETURN n
ORDER BY n.name, n.id
LIMIT $first;
