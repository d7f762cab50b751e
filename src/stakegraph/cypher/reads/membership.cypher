// One membership: what the MEMBER_OF from a person to an organisation or department says.
// Parameters:
//   $personId  string: the person                        e.g. 'dana'
//   $ofId      string: the organisation or department    e.g. 'globex'
// Returns at most one row:
//   title       the person's title there, or null
//   buyingRole  the buying role (INITIATOR ... CHAMPION), or null
//   scope       the provider ids the role is limited to ([] or null: all purchases)
MATCH (:Person {id: $personId})-[m:MEMBER_OF]->(:Stakeholder {id: $ofId})
RETURN m.title AS title, m.buyingRole AS buyingRole, m.scope AS scope;
