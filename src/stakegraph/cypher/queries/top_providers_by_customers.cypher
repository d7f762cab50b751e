// Top providers by number of customers: for every stakeholder, how many distinct
// customers it has under any customer lens (all but PROSPECT: anyone it SERVES, who USES
// or BUYS it, and the buying-center members of organisations that buy from it), and how
// many of them pay with money (TRANSACTIONAL).
// Parameters:
//   $limit  integer, required: how many providers to return  e.g. 10
// Returns one row per provider with at least one customer, most customers first:
//   provider          the provider's name
//   providerId        its id
//   customers         distinct customers under any customer lens
//   payingCustomers   distinct customers who BUYS it with consideration MONEY
//   prospects         distinct stakeholders who ENGAGES it without buying
MATCH (p:Stakeholder)
CALL (p) {
  MATCH (x:Stakeholder)-[r:SERVES|USES|BUYS]-(p)
  WHERE x <> p
    AND CASE type(r) WHEN 'SERVES' THEN startNode(r) = p ELSE startNode(r) = x END
  RETURN x
  UNION
  MATCH (x:Person)-[m:MEMBER_OF]->(:Stakeholder)-[:PART_OF*0..]->(:Organization)-[:BUYS]->(p)
  WHERE x <> p AND m.buyingRole IS NOT NULL
    AND (m.scope IS NULL OR size(m.scope) = 0 OR p.id IN m.scope)
  RETURN x
}
WITH p, count(x) AS customers,
     count(CASE WHEN EXISTS {
       (x)-[b:BUYS]->(p) WHERE coalesce(b.consideration, 'MONEY') = 'MONEY'
     } THEN x END) AS payingCustomers
RETURN p.name AS provider, p.id AS providerId, customers, payingCustomers,
       COUNT {
         MATCH (y:Stakeholder)-[:ENGAGES]->(p)
         WHERE y <> p AND NOT EXISTS { (y)-[:BUYS]->(p) }
         RETURN DISTINCT y
       } AS prospects
ORDER BY customers DESC, provider, providerId
LIMIT $limit;
