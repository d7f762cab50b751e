// Lens END_USER: who uses what provider p offers, whoever paid for it (consumer vs customer).
// Holds when x USES p (x <> p).
// Parameters:
//   $providerId  string, required: the provider p            e.g. 'toyco'
//   $customerId  string or null: null = every customer of p;  e.g. 'kid' or null
//                a value restricts the answer to that one user x
// Returns one row per USES relationship:
//   customer  the user x (node)
//   lens      'END_USER'
//   evidence  [ (x)-[:USES]->(p) ] followed, where the graph shows who paid, by at most
//             one path naming the payer, the first of:
//               x itself:                 (x)-[:BUYS]->(p)
//               one of x's home orgs:     (x)-[:MEMBER_OF|PART_OF*1..]->(o)-[:BUYS]->(p)
//               a parent of x:            (x)<-[:PARENT_OF]-(parent)-[:BUYS]->(p)
MATCH (p:Stakeholder {id: $providerId}) USING INDEX SEEK p:Stakeholder(id)
MATCH use = (x:Stakeholder)-[:USES]->(p)
WHERE x <> p
  AND ($customerId IS NULL OR x.id = $customerId)
WITH x, use,
     COLLECT {
       MATCH paid = (x)-[b:BUYS]->(p)
       RETURN paid ORDER BY b.at, b.id LIMIT 1
     } + COLLECT {
       MATCH paid = (x)-[:MEMBER_OF|PART_OF*1..]->(o:Organization)-[b:BUYS]->(p)
       RETURN paid ORDER BY length(paid), b.at, b.id LIMIT 1
     } + COLLECT {
       MATCH paid = (x)<-[:PARENT_OF]-(parent:Person)-[b:BUYS]->(p)
       WHERE parent <> x
       RETURN paid ORDER BY b.at, b.id LIMIT 1
     } AS payers
RETURN x AS customer, 'END_USER' AS lens, [use] + payers[0..1] AS evidence;
