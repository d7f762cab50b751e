// Candidate providers of customer x: every stakeholder p for which some lens might hold,
// found from x's own neighbourhood. The server runs the lens files for each of them to
// answer providersOf(customerId) in one round trip; analysts can use it to see whom x
// deals with at all. A candidate is not yet a verdict: run the lenses to know.
// Candidates: p where x BUYS, USES, CONTRIBUTES or ENGAGES p; p SERVES x; and, when x is
// a Person with a buying role, every p that one of x's home organisations (through the
// MEMBER_OF, then PART_OF*) BUYS from.
// Parameters:
//   $customerId  string, required: the customer x             e.g. 'dana'
// Returns one row per candidate, distinct, never x itself:
//   providerId   the id of the candidate provider p
MATCH (x:Stakeholder {id: $customerId}) USING INDEX SEEK x:Stakeholder(id)
CALL (x) {
  MATCH (x)-[:BUYS|USES|CONTRIBUTES|ENGAGES]->(p:Stakeholder)
  RETURN p
  UNION
  MATCH (x)<-[:SERVES]-(p:Stakeholder)
  RETURN p
  UNION
  MATCH (x:Person)-[m:MEMBER_OF]->(:Stakeholder)-[:PART_OF*0..]->(:Organization)-[:BUYS]->(p:Stakeholder)
  WHERE m.buyingRole IS NOT NULL
  RETURN p
}
WITH DISTINCT x, p
WHERE p <> x
RETURN p.id AS providerId;
