// Lens BENEFICIARY: anyone who benefits from what provider p offers, paid or not
// (a teacher's progress reports reach the parents, who are therefore her customers too).
// Holds when p SERVES x, x USES p or x BUYS p (x <> p).
// Parameters:
//   $providerId  string, required: the provider p            e.g. 'teacher'
//   $customerId  string or null: null = every customer of p;  e.g. 'parent' or null
//                a value restricts the answer to that one customer x
//   $since       datetime or null (optional): the window's start, inclusive; null = open
//   $until       datetime or null (optional): the window's end, exclusive; null = open
//   $offering    string or null (optional): only BUYS, USES and SERVES of this offering count
//   $evidence    boolean or null (optional): false = no paths, evidence is [] (what the
//                server sends when a client selects no evidence); null or true = the paths
// The window (SPEC 9): BUYS, CONTRIBUTES and ENGAGES count when their `at` falls in
// [$since, $until); USES and SERVES when their `since` is before $until; an interaction
// without a date counts in every window; structural relationships always count. Set the
// three to null (as the server does when a request names none) for the lens of all time.
// Returns one row per SERVES, USES or BUYS relationship:
//   customer  the recipient x (node)
//   lens      'BENEFICIARY'
//   evidence  [ (p)-[:SERVES]->(x) ], [ (x)-[:USES]->(p) ] or [ (x)-[:BUYS]->(p) ]
// How it starts: p by its id (index seek). With $customerId given, x too is found by its
// id (index seek) and the lens pattern is matched between x and p, so the cost follows x's
// neighbourhood, not p's number of customers; with $customerId null, x ranges over p's
// neighbours through the lens's first hop:
//   (x)-[:SERVES|USES|BUYS]-(p).
MATCH (p:Stakeholder {id: $providerId}) USING INDEX SEEK p:Stakeholder(id)
WITH p, $customerId AS onlyId
CALL (p, onlyId) {
  MATCH (x:Stakeholder {id: onlyId})
  RETURN x
  UNION
  WITH p WHERE onlyId IS NULL
  MATCH (x:Stakeholder)-[:SERVES|USES|BUYS]-(p)
  RETURN DISTINCT x
}
MATCH receive = (x:Stakeholder)-[r:SERVES|USES|BUYS]-(p)
WHERE x <> p
  AND CASE type(r)
        WHEN 'SERVES' THEN startNode(r) = p
          AND ($until IS NULL OR r.since IS NULL OR r.since < $until)
        WHEN 'USES' THEN startNode(r) = x
          AND ($until IS NULL OR r.since IS NULL OR r.since < $until)
        ELSE startNode(r) = x
          AND ((($since IS NULL OR r.at >= $since) AND ($until IS NULL OR r.at < $until))
               OR r.at IS NULL)
      END
  AND ($offering IS NULL OR r.offering = $offering)
RETURN x AS customer, 'BENEFICIARY' AS lens,
       CASE WHEN $evidence = false THEN [] ELSE [receive] END AS evidence;
