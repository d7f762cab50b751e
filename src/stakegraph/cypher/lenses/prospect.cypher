// Lens PROSPECT: potential customers, engaged with provider p but not (yet) buying.
// Holds when x ENGAGES p and there is no x BUYS p (x <> p).
// Parameters:
//   $providerId  string, required: the provider p            e.g. 'acme'
//   $customerId  string or null: null = every prospect of p;  e.g. 'lead' or null
//                a value restricts the answer to that one prospect x
// Returns one row per ENGAGES relationship:
//   customer  the prospect x (node)
//   lens      'PROSPECT'
//   evidence  [ (x)-[:ENGAGES]->(p) ]: the engagement (stage, channel, at)
// How it starts: p by its id (index seek). With $customerId given, x too is found by its
// id (index seek) and the lens pattern is matched between x and p, so the cost follows x's
// neighbourhood, not p's number of customers; with $customerId null, x ranges over p's
// neighbours through the lens's first hop:
//   (x)-[:ENGAGES]->(p).
MATCH (p:Stakeholder {id: $providerId}) USING INDEX SEEK p:Stakeholder(id)
WITH p, $customerId AS onlyId
CALL (p, onlyId) {
  MATCH (x:Stakeholder {id: onlyId})
  RETURN x
  UNION
  WITH p WHERE onlyId IS NULL
  MATCH (x:Stakeholder)-[:ENGAGES]->(p)
  RETURN DISTINCT x
}
MATCH engagement = (x:Stakeholder)-[:ENGAGES]->(p)
WHERE x <> p
WITH x, p, engagement
WHERE NOT EXISTS { (x)-[:BUYS]->(p) }
RETURN x AS customer, 'PROSPECT' AS lens, [engagement] AS evidence;
