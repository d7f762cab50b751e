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
// How it starts: p by its id (index seek). With $customerId given, x too is found by its
// id (index seek) and the lens pattern is matched between x and p, so the cost follows x's
// neighbourhood, not p's number of customers; with $customerId null, x ranges over p's
// neighbours through the lens's first hop. A paying home organisation o is found upwards
// from x, then its purchases from p are read. First hop:
//   (x)-[:USES]->(p).
MATCH (p:Stakeholder {id: $providerId}) USING INDEX SEEK p:Stakeholder(id)
WITH p, $customerId AS onlyId
CALL (p, onlyId) {
  MATCH (x:Stakeholder {id: onlyId})
  RETURN x
  UNION
  WITH p WHERE onlyId IS NULL
  MATCH (x:Stakeholder)-[:USES]->(p)
  RETURN DISTINCT x
}
MATCH use = (x:Stakeholder)-[:USES]->(p)
WHERE x <> p
WITH x, use,
     COLLECT {
       MATCH paid = (x)-[b:BUYS]->(p)
       RETURN paid ORDER BY b.at, b.id LIMIT 1
     } + COLLECT {
       CALL (x) {
         MATCH (x)-[:MEMBER_OF|PART_OF*1..]->(o:Organization)
         RETURN DISTINCT o
       }
       MATCH paid = (x)-[:MEMBER_OF|PART_OF*1..]->(o:Organization)-[b:BUYS]->(p)
       RETURN paid ORDER BY length(paid), b.at, b.id LIMIT 1
     } + COLLECT {
       MATCH paid = (x)<-[:PARENT_OF]-(parent:Person)-[b:BUYS]->(p)
       WHERE parent <> x
       RETURN paid ORDER BY b.at, b.id LIMIT 1
     } AS payers
RETURN x AS customer, 'END_USER' AS lens, [use] + payers[0..1] AS evidence;
