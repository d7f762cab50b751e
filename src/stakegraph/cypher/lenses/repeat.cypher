// Lens REPEAT: repeat or loyal patrons of provider p.
// Holds when x BUYS p at least twice (any consideration), x <> p.
// Parameters:
//   $providerId  string, required: the provider p            e.g. 'cafe'
//   $customerId  string or null: null = every customer of p;  e.g. 'regular' or null
//                a value restricts the answer to that one customer x
// Returns one row per repeat customer:
//   customer  the customer x (node)
//   lens      'REPEAT'
//   evidence  every (x)-[:BUYS]->(p) path, earliest first
MATCH (p:Stakeholder {id: $providerId}) USING INDEX SEEK p:Stakeholder(id)
MATCH buy = (x:Stakeholder)-[b:BUYS]->(p)
WHERE x <> p
  AND ($customerId IS NULL OR x.id = $customerId)
WITH x, buy, b
ORDER BY b.at, b.id
WITH x, collect(buy) AS purchases
WHERE size(purchases) >= 2
RETURN x AS customer, 'REPEAT' AS lens, purchases AS evidence;
