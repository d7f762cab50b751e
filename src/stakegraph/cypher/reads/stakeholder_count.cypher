// How many stakeholders match a listing's filters (the totalCount of `stakeholders`).
// Parameters:
//   $kind    'ORGANIZATION', 'DEPARTMENT', 'PERSON' or null for all      e.g. 'PERSON'
//   $search  text the name must contain (any case), or null              e.g. null
// Returns one row:
//   total    the number of matching stakeholders
MATCH (n:Stakeholder)
WHERE ($kind IS NULL
       OR ($kind = 'ORGANIZATION' AND n:Organization)
       OR ($kind = 'DEPARTMENT' AND n:Department)
       OR ($kind = 'PERSON' AND n:Person))
  AND ($search IS NULL OR toLower(n.name) CONTAINS toLower($search))
RETURN count(n) AS total;
