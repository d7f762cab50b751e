// Lens END_USER: who uses what provider p offers, whoever paid for it (consumer vs customer).
// Holds when x USES p (x <> p).
// Parameters:
//   $providerId  string, required: the provider p            e.g. 'toyco'
//   $customerId  string or null: null = every customer of p;  e.g. 'kid' or null
//                a value restricts the answer to that one user x
//   $since       datetime or null (optional): the window's start, inclusive; null = open
//   $until       datetime or null (optional): the window's end, exclusive; null = open
//   $offering    string or null (optional): only BUYS, USES and SERVES of this offering count
//   $evidence    boolean or null (optional): false = no paths, evidence is [] (what the
//                server sends when a client selects no evidence); null or true = the paths
//                (false also skips looking for the payer, which only the evidence shows)
// The window (SPEC 9): BUYS, CONTRIBUTES and ENGAGES count when their `at` falls in
// [$since, $until); USES and SERVES when their `since` is before $until; an interaction
// without a date counts in every window; structural relationships always count. Set the
// three to null (as the server does when a request names none) for the lens of all time.
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
MATCH use = (x:Stakeholder)-[u:USES]->(p)
WHERE x <> p
  AND ($offering IS NULL OR u.offering = $offering)
  AND ($until IS NULL OR u.since IS NULL OR u.since < $until)
WITH x, use,
     CASE WHEN $evidence = false THEN [] ELSE COLLECT {
       MATCH paid = (x)-[b:BUYS]->(p)
       WHERE ($offering IS NULL OR b.offering = $offering)
         AND ((($since IS NULL OR b.at >= $since) AND ($until IS NULL OR b.at < $until))
              OR b.at IS NULL)
       RETURN paid ORDER BY b.at, b.id LIMIT 1
     } + COLLECT {
       CALL (x) {
         MATCH (x)-[:MEMBER_OF|PART_OF*1..]->(o:Organization)
         RETURN DISTINCT o
       }
       MATCH paid = (x)-[:MEMBER_OF|PART_OF*1..]->(o:Organization)-[b:BUYS]->(p)
       WHERE ($offering IS NULL OR b.offering = $offering)
         AND ((($since IS NULL OR b.at >= $since) AND ($until IS NULL OR b.at < $until))
              OR b.at IS NULL)
       RETURN paid ORDER BY length(paid), b.at, b.id LIMIT 1
     } + COLLECT {
       MATCH paid = (x)<-[:PARENT_OF]-(parent:Person)-[b:BUYS]->(p)
       WHERE parent <> x
         AND ($offering IS NULL OR b.offering = $offering)
         AND ((($since IS NULL OR b.at >= $since) AND ($until IS NULL OR b.at < $until))
              OR b.at IS NULL)
       RETURN paid ORDER BY b.at, b.id LIMIT 1
     } END AS payers
RETURN x AS customer, 'END_USER' AS lens,
       CASE WHEN $evidence = false THEN [] ELSE [use] + payers[0..1] END AS evidence;
