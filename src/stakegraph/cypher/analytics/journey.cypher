// The journey map of customer x with provider p (SPEC 13): every touchpoint in time order,
// each with the journey stage x had reached at that point.
//
// Touchpoints:
//   own    x's interactions with p, in the direction where x is the customer side:
//          x BUYS|USES|CONTRIBUTES|ENGAGES|GIVES_FEEDBACK p, p SERVES x; and the referrals
//          x made for p (x REFERS y with providerId = p.id)
//   home   the same interactions between x's home organisations and p (the Organizations
//          reached by MEMBER_OF/PART_OF upwards; none when x is itself an Organization):
//          shown, they move nothing, except that an organisation's purchase makes x a
//          customer from then on when x holds a buying role there (BUYING_CENTER)
// Order: undated touchpoints first (no `at` and no `since`), then by date (`at`, else
// `since`); ties by relationship type, then id.
//
// The stage at a touchpoint is SPEC 7's rule applied to what happened up to and including
// it, so it never goes back (every condition below only grows along the journey):
//   ADVOCACY       an advocacy signal made while x was a customer of p: an own ENGAGES of
//                  stage ADVOCACY, a referral for p, or feedback with nps 9-10. "Customer"
//                  = an own BUYS, USES or SERVES so far, or a home purchase that makes x a
//                  buying-center member, so far
//   RETENTION      2+ own BUYS, or one of kind SUBSCRIPTION/CONTRACT/MEMBERSHIP, or an
//                  ongoing SERVES (REPEAT or CLIENT)
//   PURCHASE       one own BUYS (any consideration)
//   INTENT, CONSIDERATION, AWARENESS   the furthest own ENGAGES stage; an advocacy signal
//                  made while x was not a customer counts as AWARENESS
//   NONE           none of these yet (feedback below 9, contributions, uses and home
//                  touchpoints alone move nothing)
// The last row's stage is what analytics/journey_stage answers.
//
// Parameters (cypher-shell examples):
//   :param customerId => 'omar'
//   :param providerId => 'ms-park'
//
// Columns (one row per touchpoint; none when x or p does not exist, or x = p):
//   position  0, 1, 2, ... in journey order
//   relation  the relationship;  fromNode, toNode  its ends
//   at        its date (`at`, else `since`), null when undated
//   channel   its channel (ENGAGES, GIVES_FEEDBACK, REFERS), else null
//   own       true for x's own touchpoints, false for a home organisation's
//   stage     the journey stage reached at this touchpoint
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
UNWIND positions AS i
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
RETURN i AS position, tps[i].r AS relation, startNode(tps[i].r) AS fromNode,
       endNode(tps[i].r) AS toNode, tps[i].at AS at, tps[i].r.channel AS channel,
       tps[i].own AS own, stage
ORDER BY position;
