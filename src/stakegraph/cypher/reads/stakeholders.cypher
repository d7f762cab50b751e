// A page of stakeholders matching a filter, in one of three orders, after a keyset cursor,
// with the number of all matches (one statement: the total and the page).
// Every given condition must hold; inside one list, any value. An empty list matches
// nothing. The stakeholders come from an index seek on the first of countries,
// industries, orgTypes that is given (schema.cypher), else from every stakeholder.
// Parameters:
//   $kinds       'ORGANIZATION', 'DEPARTMENT', 'PERSON' (a list), or null     e.g. ['PERSON']
//   $roles       'BUYING_CENTER_MEMBER', 'END_USER', 'PARENT', 'PROSUMER', or null  e.g. null
//   $orgTypes    'BUSINESS', 'GOVERNMENT', 'INSTITUTION', 'NONPROFIT', or null  e.g. null
//   $countries   ISO 3166-1 alpha-2 codes, or null                           e.g. ['DE', 'FR']
//   $tags        tags, any of which the stakeholder carries, or null          e.g. null
//   $industries  industries, or null                                          e.g. null
//   $search      text the name must contain (any case), or null               e.g. 'glob'
//   $orderBy     'NAME', 'CREATED_AT' or 'UPDATED_AT' (then id; missing dates last) e.g. 'NAME'
//   $afterKey    the order key of the previous page's last row (a name, or a date as text,
//                or null when that row had none), or null on the first page    e.g. null
//   $afterId     that row's id, or null on the first page                      e.g. null
//   $first       how many rows to return                                       e.g. 50
// Returns one row:
//   total   how many stakeholders match the filter (all pages)
//   page    up to $first maps {n, key}: the node and its order key as text, in order
// The total and the page run the same seed and filter (written twice below, the same).
CALL () {
  CALL () {
    UNWIND coalesce($countries, []) AS v
    MATCH (n:Stakeholder {country: v}) RETURN n
    UNION ALL
    UNWIND CASE WHEN $countries IS NULL THEN coalesce($industries, []) ELSE [] END AS v
    MATCH (n:Stakeholder {industry: v}) RETURN n
    UNION ALL
    UNWIND CASE WHEN $countries IS NULL AND $industries IS NULL
                THEN coalesce($orgTypes, []) ELSE [] END AS v
    MATCH (n:Stakeholder {orgType: v}) RETURN n
    UNION ALL
    UNWIND CASE WHEN $countries IS NULL AND $industries IS NULL AND $orgTypes IS NULL
                THEN [1] ELSE [] END AS v
    MATCH (n:Stakeholder) RETURN n
  }
  WITH n
  WHERE ($kinds IS NULL
         OR ('ORGANIZATION' IN $kinds AND n:Organization)
         OR ('DEPARTMENT' IN $kinds AND n:Department)
         OR ('PERSON' IN $kinds AND n:Person))
    AND ($roles IS NULL
         OR ('BUYING_CENTER_MEMBER' IN $roles AND n:BuyingCenterMember)
         OR ('END_USER' IN $roles AND n:EndUser)
         OR ('PARENT' IN $roles AND n:Parent)
         OR ('PROSUMER' IN $roles AND n:Prosumer))
    AND ($orgTypes IS NULL OR n.orgType IN $orgTypes)
    AND ($countries IS NULL OR n.country IN $countries)
    AND ($industries IS NULL OR n.industry IN $industries)
    AND ($tags IS NULL OR any(tag IN coalesce(n.tags, []) WHERE tag IN $tags))
    AND ($search IS NULL OR toLower(n.name) CONTAINS toLower($search))
  RETURN count(n) AS total
}
CALL () {
  CALL () {
    UNWIND coalesce($countries, []) AS v
    MATCH (n:Stakeholder {country: v}) RETURN n
    UNION ALL
    UNWIND CASE WHEN $countries IS NULL THEN coalesce($industries, []) ELSE [] END AS v
    MATCH (n:Stakeholder {industry: v}) RETURN n
    UNION ALL
    UNWIND CASE WHEN $countries IS NULL AND $industries IS NULL
                THEN coalesce($orgTypes, []) ELSE [] END AS v
    MATCH (n:Stakeholder {orgType: v}) RETURN n
    UNION ALL
    UNWIND CASE WHEN $countries IS NULL AND $industries IS NULL AND $orgTypes IS NULL
                THEN [1] ELSE [] END AS v
    MATCH (n:Stakeholder) RETURN n
  }
  WITH n
  WHERE ($kinds IS NULL
         OR ('ORGANIZATION' IN $kinds AND n:Organization)
         OR ('DEPARTMENT' IN $kinds AND n:Department)
         OR ('PERSON' IN $kinds AND n:Person))
    AND ($roles IS NULL
         OR ('BUYING_CENTER_MEMBER' IN $roles AND n:BuyingCenterMember)
         OR ('END_USER' IN $roles AND n:EndUser)
         OR ('PARENT' IN $roles AND n:Parent)
         OR ('PROSUMER' IN $roles AND n:Prosumer))
    AND ($orgTypes IS NULL OR n.orgType IN $orgTypes)
    AND ($countries IS NULL OR n.country IN $countries)
    AND ($industries IS NULL OR n.industry IN $industries)
    AND ($tags IS NULL OR any(tag IN coalesce(n.tags, []) WHERE tag IN $tags))
    AND ($search IS NULL OR toLower(n.name) CONTAINS toLower($search))
  WITH n, CASE $orderBy WHEN 'CREATED_AT' THEN n.createdAt
                        WHEN 'UPDATED_AT' THEN n.updatedAt
                        ELSE n.name END AS key
  WITH n, key, CASE WHEN $afterKey IS NULL OR $orderBy = 'NAME' THEN $afterKey
                    ELSE datetime($afterKey) END AS afterKey
  // after the cursor: a larger key, or the same key and a larger id; missing keys last
  WITH n, key, $afterId IS NULL
               OR (afterKey IS NULL AND key IS NULL AND n.id > $afterId)
               OR (afterKey IS NOT NULL
                   AND (key IS NULL OR key > afterKey OR (key = afterKey AND n.id > $afterId)))
               AS next
  WITH n, key WHERE next
  ORDER BY key, n.id
  LIMIT $first
  RETURN collect({n: n, key: toString(key)}) AS page
}
RETURN total, page;
