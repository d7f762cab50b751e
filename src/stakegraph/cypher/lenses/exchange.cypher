// Lens EXCHANGE: who gave provider p money or other valuable consideration
// (in kind, data, attention, or nothing at all) in exchange for an offering.
// Holds when x BUYS p with any consideration (x <> p).
// Parameters:
//   $providerId  string, required: the provider p            e.g. 'freeapp'
//   $customerId  string or null: null = every customer of p;  e.g. 'lee' or null
//                a value restricts the answer to that one customer x
// Returns one row per purchase:
//   customer  the buyer x (node)
//   lens      'EXCHANGE'
//   evidence  [ (x)-[:BUYS]->(p) ]: the purchase; its `consideration` says what x gave
MATCH (p:Stakeholder {id: $providerId}) USING INDEX SEEK p:Stakeholder(id)
MATCH buy = (x:Stakeholder)-[:BUYS]->(p)
WHERE x <> p
  AND ($customerId IS NULL OR x.id = $customerId)
RETURN x AS customer, 'EXCHANGE' AS lens, [buy] AS evidence;
