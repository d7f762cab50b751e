// Lens TRANSACTIONAL: who bought from provider p with money (the classic paying buyer).
// Holds when x BUYS p with consideration MONEY (x <> p).
// Parameters:
//   $providerId  string, required: the provider p            e.g. 'initech'
//   $customerId  string or null: null = every customer of p;  e.g. 'globex' or null
//                a value restricts the answer to that one customer x
// Returns one row per qualifying purchase:
//   customer  the buyer x (node)
//   lens      'TRANSACTIONAL'
//   evidence  [ (x)-[:BUYS]->(p) ]: the purchase
MATCH (p:Stakeholder {id: $providerId}) USING INDEX SEEK p:Stakeholder(id)
MATCH buy = (x:Stakeholder)-[b:BUYS]->(p)
WHERE x <> p
  AND ($customerId IS NULL OR x.id = $customerId)
  AND coalesce(b.consideration, 'MONEY') = 'MONEY'
RETURN x AS customer, 'TRANSACTIONAL' AS lens, [buy] AS evidence;
