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
MATCH (p:Stakeholder {id: $providerId}) USING INDEX SEEK p:Stakeholder(id)
MATCH engagement = (x:Stakeholder)-[:ENGAGES]->(p)
WHERE x <> p
  AND ($customerId IS NULL OR x.id = $customerId)
  AND NOT EXISTS { (x)-[:BUYS]->(p) }
RETURN x AS customer, 'PROSPECT' AS lens, [engagement] AS evidence;
