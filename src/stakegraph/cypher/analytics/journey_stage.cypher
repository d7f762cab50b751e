// Journey stage of x with provider p (SPEC 7, with SPEC 13's ADVOCACY rule): the stage
// reached at the last touchpoint of x's journey map (analytics/journey, which explains
// the touchpoints and their order); this file computes the same, for the last one only,
// in the same words (cypher/README.md, "One passage, one text").
// Moving only forward: a later, lower ENGAGES never takes it back.
//   ADVOCACY       an advocacy signal made while x was a customer of p: an ENGAGES of stage
//                  ADVOCACY, a referral for p (x REFERS y, providerId p), or feedback with
//                  nps 9-10. "Customer" at that point = x BUYS p, x USES p or p SERVES x
//                  before it, or x in the buying center of an organisation that had bought
//                  from p by then
//   RETENTION      REPEAT (2+ x BUYS p) or CLIENT (a BUYS of kind SUBSCRIPTION, CONTRACT or
//                  MEMBERSHIP, or p SERVES x with ongoing true)
//   PURCHASE       at least one x BUYS p (any consideration)
//   INTENT, CONSIDERATION, AWARENESS
//                  the furthest ENGAGES stage; an advocacy signal made while x was not a
//                  customer counts as AWARENESS
//   NONE           none of the above (also when x = p)
//
// Parameters (cypher-shell examples):
//   :param customerId => 'globex'
//   :param providerId => 'initech'
//
// Columns: stage (one of the above), purchases (number of x BUYS p), client (boolean),
// isCustomer (boolean, at the last touchpoint), engagedStages (x's ENGAGES stages towards
// p, in journey order). No row when either id does not exist.
MATCH (x:Stakeholder {id: $customerId}), (p:Stakeholder {id: $providerId})
OPTIONAL CALL (x, p) {
  MATCH (x)-[r:BUYS|USES|CONTRIBUTES|ENGAGES|GIVES_FEEDBACK]->(p)
    WHERE x <> p
  RETURN r, true AS own, false AS forRole
  UNION ALL
  MATCH (p)-[r:SERVES]->(x)
    WHERE x <> p
  RETURN r, true AS own, false AS forRole
  UNION ALL
  MATCH (x)-[r:REFERS]->(:Stakeholder)
    WHERE r.providerId = p.id AND x <> p
  RETURN r, true AS own, false AS forRole
  UNION ALL
  MATCH (x)-[:MEMBER_OF|PART_OF]->(:Stakeholder)-[:PART_OF*0..]->(o:Organization)
    WHERE NOT x:Organization AND x <> p AND o <> p
  WITH DISTINCT x, p, o
  WITH x, p, o, EXISTS {
         MATCH (x:Person)-[m:MEMBER_OF]->(:Stakeholder)-[:PART_OF*0..]->(o)
         WHERE m.buyingRole IS NOT NULL
           AND (m.scope IS NULL OR size(m.scope) = 0 OR p.id IN m.scope) } AS inBuyingCenter
  CALL (o, p) {
    MATCH (o)-[r:BUYS|USES|CONTRIBUTES|ENGAGES|GIVES_FEEDBACK]->(p)
    RETURN r
    UNION ALL
    MATCH (p)-[r:SERVES]->(o)
    RETURN r
  }
  RETURN r, false AS own, inBuyingCenter AND type(r) = 'BUYS' AS forRole
}
WITH x, p, r, own, forRole, coalesce(r.at, r.since) AS at
ORDER BY at IS NULL DESC, at, type(r), r.id
WITH x, p, collect(CASE WHEN r IS NOT NULL
                        THEN {r: r, type: type(r), at: at, own: own, forRole: forRole} END) AS tps
WITH x, p, tps, range(0, size(tps) - 1) AS positions
WITH x, p, tps, positions,
     [i IN positions |
       any(t IN tps[0..i + 1]
           WHERE (t.own AND t.type IN ['BUYS', 'USES', 'SERVES']) OR t.forRole)] AS customerAt,
     [t IN tps |
       t.own AND ((t.type = 'ENGAGES' AND t.r.stage = 'ADVOCACY') OR t.type = 'REFERS'
                  OR (t.type = 'GIVES_FEEDBACK' AND t.r.nps >= 9))] AS advocates
WITH x, p, tps, positions, customerAt, advocates, size(tps) - 1 AS i
WITH x, p, tps, positions, customerAt, advocates, i,
     [t IN tps[0..i + 1] WHERE t.own] AS mine
WITH x, p, tps, customerAt, i, mine,
     any(j IN range(0, i) WHERE advocates[j] AND customerAt[j]) AS advocated,
     any(j IN range(0, i) WHERE advocates[j] AND NOT customerAt[j]) AS unheard,
     size([t IN mine WHERE t.type = 'BUYS']) AS purchases,
     any(t IN mine WHERE (t.type = 'BUYS' AND t.r.kind IN ['SUBSCRIPTION', 'CONTRACT', 'MEMBERSHIP'])
                      OR (t.type = 'SERVES' AND t.r.ongoing = true)) AS client,
     [t IN mine WHERE t.type = 'ENGAGES' | t.r.stage] AS engagedStages
WITH x, p, tps, customerAt, i, purchases, client, engagedStages,
     CASE
       WHEN advocated THEN 'ADVOCACY'
       WHEN purchases >= 2 OR client THEN 'RETENTION'
       WHEN purchases >= 1 THEN 'PURCHASE'
       WHEN 'INTENT' IN engagedStages THEN 'INTENT'
       WHEN 'CONSIDERATION' IN engagedStages THEN 'CONSIDERATION'
       WHEN 'AWARENESS' IN engagedStages OR unheard THEN 'AWARENESS'
       ELSE 'NONE'
     END AS stage
RETURN stage, purchases, client, coalesce(i >= 0 AND customerAt[i], false) AS isCustomer,
       engagedStages;
