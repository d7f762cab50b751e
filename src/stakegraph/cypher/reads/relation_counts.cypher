// How many relations each given stakeholder has, per relationship type and direction
// (a profile page's summary: "12 BUYS out, 3 MEMBER_OF in").
// Parameters:
//   $ids  list of stakeholder ids                                e.g. ['globex', 'dana']
// Returns one row per (stakeholder, type, direction) present, none for a stakeholder
// without relations:
//   id         the stakeholder's id
//   type       the relationship type, e.g. 'BUYS'
//   direction  'OUT' (relationships it starts) or 'IN' (relationships it ends)
//   count      how many
UNWIND $ids AS id
MATCH (n:Stakeholder {id: id})
CALL (n) {
  MATCH (n)-[r]->()
  RETURN type(r) AS type, 'OUT' AS direction, count(r) AS count
  UNION ALL
  MATCH (n)<-[r]-()
  RETURN type(r) AS type, 'IN' AS direction, count(r) AS count
}
RETURN id, type, direction, count
ORDER BY id, type, direction DESC;
