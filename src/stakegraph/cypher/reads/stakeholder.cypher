// One stakeholder by id.
// Parameters:
//   $id  string: the stakeholder's id                          e.g. 'globex'
// Returns at most one row:
//   n    the stakeholder node (labels :Stakeholder, its kind, its roles)
MATCH (n:Stakeholder {id: $id})
RETURN n;
