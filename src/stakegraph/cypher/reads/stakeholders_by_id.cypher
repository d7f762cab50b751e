// Stakeholders by id, many at once (e.g. the providers named by referrals on one page).
// Parameters:
//   $ids  list of stakeholder ids                       e.g. ['toyco', 'initech']
// Returns one row per id that names a stakeholder:
//   n  the stakeholder node
UNWIND $ids AS id
MATCH (n:Stakeholder {id: id})
RETURN n;
