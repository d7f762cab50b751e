// Whether the database holds no stakeholder yet (`stakegraph demo --if-empty`).
// Parameters: none.
// Returns one row:
//   empty  true when there is no :Stakeholder node
RETURN NOT EXISTS { MATCH (:Stakeholder) } AS empty;
