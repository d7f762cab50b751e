// Lens CLIENT: customers with an ongoing arrangement with provider p.
// Holds when x BUYS p with kind SUBSCRIPTION, CONTRACT or MEMBERSHIP, or p SERVES x with
// ongoing true (x <> p).
// Parameters:
//   $providerId  string, required: the provider p            e.g. 'initech'
//   $customerId  string or null: null = every client of p;    e.g. 'globex' or null
//                a value restricts the answer to that one client x
// Returns one row per qualifying BUYS or SERVES relationship:
//   customer  the client x (node)
//   lens      'CLIENT'
//   evidence  [ (x)-[:BUYS]->(p) ] (the subscription, contract or membership) or
//             [ (p)-[:SERVES]->(x) ] (the ongoing service)
MATCH (p:Stakeholder {id: $providerId}) USING INDEX SEEK p:Stakeholder(id)
MATCH arrangement = (x:Stakeholder)-[r:BUYS|SERVES]-(p)
WHERE x <> p
  AND ($customerId IS NULL OR x.id = $customerId)
  AND CASE type(r)
        WHEN 'BUYS' THEN startNode(r) = x AND r.kind IN ['SUBSCRIPTION', 'CONTRACT', 'MEMBERSHIP']
        ELSE startNode(r) = p AND r.ongoing = true
      END
RETURN x AS customer, 'CLIENT' AS lens, [arrangement] AS evidence;
