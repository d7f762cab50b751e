// Lens CLIENT: customers with an ongoing arrangement with provider p.
// Holds when x BUYS p with kind SUBSCRIPTION, CONTRACT or MEMBERSHIP, or p SERVES x with
// ongoing true (x <> p). In a window, the purchase must fall in it; the service must have
// started before $until.
// Parameters:
//   $providerId  string, required: the provider p            e.g. 'initech'
//   $customerId  string or null: null = every client of p;    e.g. 'globex' or null
//                a value restricts the answer to that one client x
//   $since       datetime or null (optional): the window's start, inclusive; null = open
//   $until       datetime or null (optional): the window's end, exclusive; null = open
//   $offering    string or null (optional): only BUYS, USES and SERVES of this offering count
//   $evidence    boolean or null (optional): false = no paths, evidence is [] (what the
//                server sends when a client selects no evidence); null or true = the paths
// The window (SPEC 9): BUYS, CONTRIBUTES and ENGAGES count when their `at` falls in
// [$since, $until); USES and SERVES when their `since` is before $until; an interaction
// without a date counts in every window; structural relationships always count. Set the
// three to null (as the server does when a request names none) for the lens of all time.
// Returns one row per qualifying BUYS or SERVES relationship:
//   customer  the client x (node)
//   lens      'CLIENT'
//   evidence  [ (x)-[:BUYS]->(p) ] (the subscription, contract or membership) or
//             [ (p)-[:SERVES]->(x) ] (the ongoing service)
// How it starts: p by its id (index seek). With $customerId given, x too is found by its
// id (index seek) and the lens pattern is matched between x and p, so the cost follows x's
// neighbourhood, not p's number of customers; with $customerId null, x ranges over p's
// neighbours through the lens's first hop:
//   (x)-[:BUYS|SERVES]-(p).
MATCH (p:Stakeholder {id: $providerId}) USING INDEX SEEK p:Stakeholder(id)
WITH p, $customerId AS onlyId
CALL (p, onlyId) {
  MATCH (x:Stakeholder {id: onlyId})
  RETURN x
  UNION
  WITH p WHERE onlyId IS NULL
  MATCH (x:Stakeholder)-[:BUYS|SERVES]-(p)
  RETURN DISTINCT x
}
MATCH arrangement = (x:Stakeholder)-[r:BUYS|SERVES]-(p)
WHERE x <> p
  AND CASE type(r)
        WHEN 'BUYS' THEN startNode(r) = x AND r.kind IN ['SUBSCRIPTION', 'CONTRACT', 'MEMBERSHIP']
          AND ((($since IS NULL OR r.at >= $since) AND ($until IS NULL OR r.at < $until))
               OR r.at IS NULL)
        ELSE startNode(r) = p AND r.ongoing = true
          AND ($until IS NULL OR r.since IS NULL OR r.since < $until)
      END
  AND ($offering IS NULL OR r.offering = $offering)
RETURN x AS customer, 'CLIENT' AS lens,
       CASE WHEN $evidence = false THEN [] ELSE [arrangement] END AS evidence;
