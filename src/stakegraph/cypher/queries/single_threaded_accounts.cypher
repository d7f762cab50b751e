// Single-threaded accounts of provider p: organisations that buy from p while at most one
// person holds a buying role for p in them (counting members of nested departments, and
// only memberships whose scope is empty or includes p). One contact is a risk: if that
// person leaves, nobody else on the buying side knows p.
// Parameters:
//   $providerId  string, required: the provider p            e.g. 'initech'
// Returns one row per such account, by name:
//   account            the buying organisation's name
//   accountId          its id
//   buyingRoleMembers  how many people hold a buying role for p there (0 or 1)
//   members            their names with their roles, e.g. ['Dana (DECIDER)']
//   purchases          how many times the organisation bought from p
MATCH (p:Stakeholder {id: $providerId})
MATCH (o:Organization)-[:BUYS]->(p)
WHERE o <> p
WITH p, o, count(*) AS purchases
OPTIONAL MATCH (person:Person)-[m:MEMBER_OF]->(:Stakeholder)-[:PART_OF*0..]->(o)
  WHERE m.buyingRole IS NOT NULL
    AND (m.scope IS NULL OR size(m.scope) = 0 OR p.id IN m.scope)
WITH o, purchases, count(DISTINCT person) AS buyingRoleMembers,
     collect(DISTINCT person.name + ' (' + m.buyingRole + ')') AS members
WHERE buyingRoleMembers <= 1
RETURN o.name AS account, o.id AS accountId, buyingRoleMembers, members, purchases
ORDER BY account, accountId;
