// Lens REPEAT: repeat or loyal patrons of provider p.
// Holds when x BUYS p at least twice (any consideration), x <> p; in a window, two
// purchases in the window.
// Parameters:
//   $providerId  string, required: the provider p            e.g. 'cafe'
//   $customerId  string or null: null = every customer of p;  e.g. 'regular' or null
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
// Returns one row per repeat customer:
//   customer  the customer x (node)
//   lens      'REPEAT'
//   evidence  every (x)-[:BUYS]->(p) path, earliest first
// How it starts: p by its id (index seek). With $customerId given, x too is found by its
// id (index seek) and the lens pattern is matched between x and p, so the cost follows x's
// neighbourhood, not p's number of customers; with $customerId null, x ranges over p's
// neighbours through the lens's first hop:
//   (x)-[:BUYS]->(p).
MATCH (p:Stakeholder {id: $providerId}) USING INDEX SEEK p:Stakeholder(id)
WITH p, $customerId AS onlyId
CALL (p, onlyId) {
  MATCH (x:Stakeholder {id: onlyId})
  RETURN x
  UNION
  WITH p WHERE onlyId IS NULL
  MATCH (x:Stakeholder)-[:BUYS]->(p)
  RETURN DISTINCT x
}
MATCH buy = (x:Stakeholder)-[b:BUYS]->(p)
WHERE x <> p
  AND ($offering IS NULL OR b.offering = $offering)
  AND ((($since IS NULL OR b.at >= $since) AND ($until IS NULL OR b.at < $until))
       OR b.at IS NULL)
WITH x, buy, b
ORDER BY b.at, b.id
WITH x, collect(buy) AS purchases
WHERE size(purchases) >= 2
RETURN x AS customer, 'REPEAT' AS lens,
       CASE WHEN $evidence = false THEN [] ELSE purchases END AS evidence;
