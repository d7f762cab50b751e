// Lens PROSPECT: potential customers, engaged with provider p but not (yet) buying.
// Holds when x ENGAGES p and there is no x BUYS p (x <> p). In a window: an ENGAGES in the
// window and no BUYS before $until (an undated one is before); never with $offering set
// (ENGAGES carries no offering).
// Parameters:
//   $providerId  string, required: the provider p            e.g. 'acme'
//   $customerId  string or null: null = every prospect of p;  e.g. 'lead' or null
//                a value restricts the answer to that one prospect x
//   $since       datetime or null (optional): the window's start, inclusive; null = open
//   $until       datetime or null (optional): the window's end, exclusive; null = open
//   $offering    string or null (optional): only BUYS, USES and SERVES of this offering count
//   $evidence    boolean or null (optional): false = no paths, evidence is [] (what the
//                server sends when a client selects no evidence); null or true = the paths
// The window (SPEC 9): BUYS, CONTRIBUTES and ENGAGES count when their `at` falls in
// [$since, $until); USES and SERVES when their `since` is before $until; an interaction
// without a date counts in every window; structural relationships always count. Set the
// three to null (as the server does when a request names none) for the lens of all time.
// Returns one row per ENGAGES relationship:
//   customer  the prospect x (node)
//   lens      'PROSPECT'
//   evidence  [ (x)-[:ENGAGES]->(p) ]: the engagement (stage, channel, at)
// How it starts: p by its id (index seek). With $customerId given, x too is found by its
// id (index seek) and the lens pattern is matched between x and p, so the cost follows x's
// neighbourhood, not p's number of customers; with $customerId null, x ranges over p's
// neighbours through the lens's first hop:
//   (x)-[:ENGAGES]->(p).
MATCH (p:Stakeholder {id: $providerId}) USING INDEX SEEK p:Stakeholder(id)
WITH p, $customerId AS onlyId
CALL (p, onlyId) {
  MATCH (x:Stakeholder {id: onlyId})
  RETURN x
  UNION
  WITH p WHERE onlyId IS NULL
  MATCH (x:Stakeholder)-[:ENGAGES]->(p)
  RETURN DISTINCT x
}
MATCH engagement = (x:Stakeholder)-[e:ENGAGES]->(p)
WHERE x <> p
  AND $offering IS NULL
  AND ((($since IS NULL OR e.at >= $since) AND ($until IS NULL OR e.at < $until))
       OR e.at IS NULL)
WITH x, p, engagement
WHERE NOT EXISTS {
  MATCH (x)-[b:BUYS]->(p)
  WHERE $until IS NULL OR b.at IS NULL OR b.at < $until
}
RETURN x AS customer, 'PROSPECT' AS lens,
       CASE WHEN $evidence = false THEN [] ELSE [engagement] END AS evidence;
