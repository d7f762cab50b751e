// Delete a stakeholder and all its relationships (DETACH DELETE), and the referrals made
// for it: REFERS relationships between others whose providerId is this stakeholder
// (SPEC 14: a referral names its provider by id, so it would otherwise outlive it).
// Parameters:
//   $id  the stakeholder's id, e.g. 'leo'
// Returns one row when the stakeholder existed (none otherwise):
//   neighbours  the ids of the stakeholders it was related to, whose role labels the
//               caller refreshes
MATCH (n:Stakeholder {id: $id})
WITH n, COLLECT { MATCH (n)--(m:Stakeholder) WHERE m <> n RETURN DISTINCT m.id } AS neighbours
CALL (n) {
  MATCH (:Stakeholder)-[r:REFERS {providerId: n.id}]->(:Stakeholder)
  DELETE r
}
DETACH DELETE n
RETURN neighbours;
