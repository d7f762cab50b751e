// Who is a customer of whom under the most lenses: every (customer, provider) pair with
// the customer lenses that hold (all but PROSPECT), most lenses first. The conditions are
// those of the files in lenses/, written per pair.
// Parameters:
//   $limit  integer, required: how many pairs to return      e.g. 25
// Returns one row per pair with at least one customer lens:
//   customer    the customer's name
//   customerId  its id
//   provider    the provider's name
//   providerId  its id
//   lenses      the lenses that hold, in the order of SPEC 3
//   lensCount   how many
CALL () {
  MATCH (x:Stakeholder)-[:BUYS|USES|CONTRIBUTES]->(p:Stakeholder)
  RETURN x, p
  UNION
  MATCH (p:Stakeholder)-[:SERVES]->(x:Stakeholder)
  RETURN x, p
  UNION
  MATCH (x:Person)-[m:MEMBER_OF]->(:Stakeholder)-[:PART_OF*0..]->(:Organization)-[:BUYS]->(p:Stakeholder)
  WHERE m.buyingRole IS NOT NULL AND (m.scope IS NULL OR size(m.scope) = 0 OR p.id IN m.scope)
  RETURN x, p
}
WITH x, p
WHERE x <> p
WITH x, p,
     EXISTS { (p)-[:SERVES]->(x) } OR EXISTS { (x)-[:USES|BUYS]->(p) } AS receives
WITH x, p, [
  CASE WHEN EXISTS { (x)-[b:BUYS]->(p) WHERE coalesce(b.consideration, 'MONEY') = 'MONEY' }
       THEN 'TRANSACTIONAL' END,
  CASE WHEN EXISTS { (x)-[:BUYS]->(p) } THEN 'EXCHANGE' END,
  CASE WHEN x:Person AND EXISTS {
         (x)-[m:MEMBER_OF]->(:Stakeholder)-[:PART_OF*0..]->(:Organization)-[:BUYS]->(p)
         WHERE m.buyingRole IS NOT NULL
           AND (m.scope IS NULL OR size(m.scope) = 0 OR p.id IN m.scope)
       } THEN 'BUYING_CENTER' END,
  CASE WHEN EXISTS { (x)-[:USES]->(p) } THEN 'END_USER' END,
  CASE WHEN receives AND EXISTS {
         (x)-[:MEMBER_OF|PART_OF*0..]->(:Organization)<-[:MEMBER_OF|PART_OF*0..]-(p)
       } THEN 'INTERNAL' END,
  CASE WHEN receives THEN 'BENEFICIARY' END,
  CASE WHEN EXISTS { (x)-[:CONTRIBUTES]->(p) } AND EXISTS { (x)-[:USES|BUYS]->(p) }
       THEN 'COLLABORATIVE' END,
  CASE WHEN EXISTS { (x)-[b:BUYS]->(p)
                     WHERE b.kind IN ['SUBSCRIPTION', 'CONTRACT', 'MEMBERSHIP'] }
         OR EXISTS { (p)-[s:SERVES]->(x) WHERE s.ongoing = true }
       THEN 'CLIENT' END,
  CASE WHEN COUNT { (x)-[:BUYS]->(p) } >= 2 THEN 'REPEAT' END
] AS flags
WITH x, p, [lens IN flags WHERE lens IS NOT NULL] AS lenses
WHERE size(lenses) > 0
RETURN x.name AS customer, x.id AS customerId, p.name AS provider, p.id AS providerId,
       lenses, size(lenses) AS lensCount
ORDER BY lensCount DESC, customer, customerId, provider, providerId
LIMIT $limit;
