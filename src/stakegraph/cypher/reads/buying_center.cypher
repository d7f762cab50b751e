// The buying center of an organisation: the people who are MEMBER_OF it or of one of its
// departments (nested through PART_OF at any depth), with their titles and buying roles.
// When a provider is given, a role counts only if the membership's scope is empty or
// names that provider; otherwise the member is listed with no buying role.
// Parameters:
//   $organizationId  string: the organisation                      e.g. 'globex'
//   $providerId      string or null: the provider the roles are for e.g. 'initech'
// Returns one row for the organisation:
//   organization  the organisation node
//   members       a list of {person, of, title, buyingRole}, by person name then id;
//                 `of` is the organisation or department the person is a member of
MATCH (o:Stakeholder {id: $organizationId})
OPTIONAL MATCH (person:Person)-[m:MEMBER_OF]->(unit:Stakeholder)-[:PART_OF*0..]->(o)
WITH o, person, m, unit
ORDER BY person.name, person.id, unit.name
WITH o, collect(CASE WHEN person IS NOT NULL THEN {
  person: person,
  of: unit,
  title: m.title,
  buyingRole: CASE
    WHEN $providerId IS NULL OR m.scope IS NULL OR size(m.scope) = 0
      OR $providerId IN m.scope THEN m.buyingRole
  END
} END) AS members
RETURN o AS organization, members;
