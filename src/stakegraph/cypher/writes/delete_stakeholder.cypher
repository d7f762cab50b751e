// Delete a stakeholder and all its relationships (DETACH DELETE).
// Parameters:
//   $id  the stakeholder's id, e.g. 'leo'
// Returns one row when the stakeholder existed (none otherwise):
//   neighbours  the ids of the stakeholders it was related to, whose role labels the
//               caller refreshes
MATCH (n:Stakeholder {id: $id})
WITH n, COLLECT { MATCH (n)--(m:Stakeholder) WHERE m <> n RETURN DISTINCT m.id } AS neighbours
DETACH DELETE n
RETURN neighbours;
