// Lens INTERNAL: internal customers, who receive from p inside the same organisation
// (one department serving another, HR serving employees, a department serving its org).
// Holds when x receives from p (p SERVES x, x USES p or x BUYS p) and x and p share a
// home organisation, x <> p. Homes: an Organization is its own home; a Department's homes
// are the Organizations reached by PART_OF*; a Person's, by MEMBER_OF then PART_OF*0..
// Parameters:
//   $providerId  string, required: the provider p            e.g. 'hr'
//   $customerId  string or null: null = every customer of p;  e.g. 'sales' or null
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
// Returns one row per receiving relationship:
//   customer  the recipient x (node)
//   lens      'INTERNAL'
//   evidence  [receive, xHome, pHome]: receive is (p)-[:SERVES]->(x), (x)-[:USES]->(p)
//             or (x)-[:BUYS]->(p); xHome and pHome are the paths from x and from p up to
//             the nearest shared home organisation o (a path of length 0 when x or p is o)
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
CALL (x, p) {
  MATCH xHome = (x)-[:MEMBER_OF|PART_OF*0..]->(o:Organization)
  MATCH pHome = (p)-[:MEMBER_OF|PART_OF*0..]->(o)
  RETURN xHome, pHome
  ORDER BY length(xHome) + length(pHome), o.id
  LIMIT 1
}
RETURN x AS customer, 'INTERNAL' AS lens,
       CASE WHEN $evidence = false THEN [] ELSE [receive, xHome, pHome] END AS evidence;
