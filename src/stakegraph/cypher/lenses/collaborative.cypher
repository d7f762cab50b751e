// Lens COLLABORATIVE: prosumers, who contribute to platform p and also use or buy it
// (a creator on a video platform, a company publishing apps on a store it uses).
// Holds when x CONTRIBUTES p and (x USES p or x BUYS p), x <> p.
// Parameters:
//   $providerId  string, required: the platform p            e.g. 'vidtube'
//   $customerId  string or null: null = every customer of p;  e.g. 'pat' or null
//                a value restricts the answer to that one contributor x
//   $since       datetime or null (optional): the window's start, inclusive; null = open
//   $until       datetime or null (optional): the window's end, exclusive; null = open
//   $offering    string or null (optional): only BUYS, USES and SERVES of this offering count
//   $evidence    boolean or null (optional): false = no paths, evidence is [] (what the
//                server sends when a client selects no evidence); null or true = the paths
// The window (SPEC 9): BUYS, CONTRIBUTES and ENGAGES count when their `at` falls in
// [$since, $until); USES and SERVES when their `since` is before $until; an interaction
// without a date counts in every window; structural relationships always count. Set the
// three to null (as the server does when a request names none) for the lens of all time.
// Returns one row per CONTRIBUTES relationship of a contributor who uses or buys p:
//   customer  the contributor x (node)
//   lens      'COLLABORATIVE'
//   evidence  [ (x)-[:CONTRIBUTES]->(p), (x)-[:USES]->(p) or (x)-[:BUYS]->(p) ]:
//             the contribution, then one use (preferred) or purchase
// How it starts: p by its id (index seek). With $customerId given, x too is found by its
// id (index seek) and the lens pattern is matched between x and p, so the cost follows x's
// neighbourhood, not p's number of customers; with $customerId null, x ranges over p's
// neighbours through the lens's first hop:
//   (x)-[:CONTRIBUTES]->(p).
MATCH (p:Stakeholder {id: $providerId}) USING INDEX SEEK p:Stakeholder(id)
WITH p, $customerId AS onlyId
CALL (p, onlyId) {
  MATCH (x:Stakeholder {id: onlyId})
  RETURN x
  UNION
  WITH p WHERE onlyId IS NULL
  MATCH (x:Stakeholder)-[:CONTRIBUTES]->(p)
  RETURN DISTINCT x
}
MATCH contribution = (x:Stakeholder)-[c:CONTRIBUTES]->(p)
WHERE x <> p
  AND ((($since IS NULL OR c.at >= $since) AND ($until IS NULL OR c.at < $until))
       OR c.at IS NULL)
WITH x, contribution,
     COLLECT {
       MATCH taken = (x)-[r:USES|BUYS]->(p)
       WHERE ($offering IS NULL OR r.offering = $offering)
         AND CASE type(r)
               WHEN 'BUYS' THEN (($since IS NULL OR r.at >= $since)
                      AND ($until IS NULL OR r.at < $until))
                 OR r.at IS NULL
               ELSE $until IS NULL OR r.since IS NULL OR r.since < $until
             END
       RETURN taken ORDER BY type(r) DESC, r.id LIMIT 1
     } AS takes
WHERE size(takes) > 0
RETURN x AS customer, 'COLLABORATIVE' AS lens,
       CASE WHEN $evidence = false THEN [] ELSE [contribution] + takes END AS evidence;
