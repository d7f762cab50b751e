// Lens BUYING_CENTER: the people on the buying side of an organisation's purchases from p
// (initiators, users, influencers, deciders, approvers, buyers, gatekeepers, champions).
// Holds when x is a Person, x MEMBER_OF y with a buyingRole whose scope is empty or
// contains p's id, y is an Organization o or a Department PART_OF* o, and o BUYS p.
// Parameters:
//   $providerId  string, required: the provider p            e.g. 'initech'
//   $customerId  string or null: null = every customer of p;  e.g. 'dana' or null
//                a value restricts the answer to that one person x
//   $since       datetime or null (optional): the window's start, inclusive; null = open
//   $until       datetime or null (optional): the window's end, exclusive; null = open
//   $offering    string or null (optional): only BUYS, USES and SERVES of this offering count
//   $evidence    boolean or null (optional): false = no paths, evidence is [] (what the
//                server sends when a client selects no evidence); null or true = the paths
// The window (SPEC 9): BUYS, CONTRIBUTES and ENGAGES count when their `at` falls in
// [$since, $until); USES and SERVES when their `since` is before $until; an interaction
// without a date counts in every window; structural relationships always count. Set the
// three to null (as the server does when a request names none) for the lens of all time.
// Returns one row per membership and buying organisation (a person who is a member
// twice, e.g. of the organisation and of one of its departments, gives two rows):
//   customer  the person x (node)
//   lens      'BUYING_CENTER'
//   evidence  [ (x)-[:MEMBER_OF]->(y)-[:PART_OF*0..]->(o)-[:BUYS]->(p) ]: one path,
//             through o's earliest purchase from p (the other purchases are left out to
//             keep the evidence small; the TRANSACTIONAL lens of o lists them all)
// How it starts: p by its id (index seek). With $customerId given, x too is found by its
// id (index seek) and the lens pattern is matched between x and p, so the cost follows x's
// neighbourhood, not p's number of customers; with $customerId null, x ranges over p's
// neighbours through the lens's first hop. Either way the organisations o are then found
// upwards from x, and only their purchases from p are read. First hop:
//   (x:Person)-[:MEMBER_OF]->(:Stakeholder)-[:PART_OF*0..]->(:Organization)-[:BUYS]->(p).
MATCH (p:Stakeholder {id: $providerId}) USING INDEX SEEK p:Stakeholder(id)
WITH p, $customerId AS onlyId
CALL (p, onlyId) {
  MATCH (x:Stakeholder {id: onlyId})
  RETURN x
  UNION
  WITH p WHERE onlyId IS NULL
  MATCH (x:Person)-[:MEMBER_OF]->(:Stakeholder)-[:PART_OF*0..]->(:Organization)-[:BUYS]->(p)
  RETURN DISTINCT x
}
CALL (x) {
  MATCH (x:Person)-[:MEMBER_OF]->(:Stakeholder)-[:PART_OF*0..]->(o:Organization)
  RETURN DISTINCT o
}
MATCH center = (x:Person)-[m:MEMBER_OF]->(:Stakeholder)-[:PART_OF*0..]->(o:Organization)-[b:BUYS]->(p)
WHERE x <> p
  AND m.buyingRole IS NOT NULL
  AND (m.scope IS NULL OR size(m.scope) = 0 OR p.id IN m.scope)
  AND ($offering IS NULL OR b.offering = $offering)
  AND ((($since IS NULL OR b.at >= $since) AND ($until IS NULL OR b.at < $until))
       OR b.at IS NULL)
WITH x, m, o, center, b
ORDER BY b.at, b.id
WITH x, m, o, collect(center)[0] AS firstPurchase
RETURN x AS customer, 'BUYING_CENTER' AS lens,
       CASE WHEN $evidence = false THEN [] ELSE [firstPurchase] END AS evidence;
