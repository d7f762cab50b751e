// Journey stage of x with provider p. The stage is read from the whole history, so it
// only moves forward: a later, lower ENGAGES never takes it back.
//   ADVOCACY       x is a customer (x BUYS p, x USES p, p SERVES x, or x is in the buying
//                  center of an organisation that BUYS p) and has an ENGAGES of stage ADVOCACY
//   RETENTION      REPEAT (2+ x BUYS p) or CLIENT (a BUYS of kind SUBSCRIPTION, CONTRACT or
//                  MEMBERSHIP, or p SERVES x with ongoing true)
//   PURCHASE       at least one x BUYS p (any consideration)
//   INTENT, CONSIDERATION, AWARENESS
//                  the furthest ENGAGES stage; an ADVOCACY engagement from someone who is
//                  not a customer counts as AWARENESS
//   NONE           none of the above (also when x = p)
//
// Parameters (cypher-shell examples):
//   :param customerId => 'globex'
//   :param providerId => 'initech'
//
// Columns: stage (one of the above), purchases (number of x BUYS p), client (boolean),
// isCustomer (boolean), engagedStages (distinct ENGAGES stages of x towards p).
// No row when either id does not exist.
MATCH (x:Stakeholder {id: $customerId}), (p:Stakeholder {id: $providerId})
WITH x, p, x = p AS same
WITH x, p, same,
     CASE WHEN same THEN 0 ELSE COUNT { (x)-[:BUYS]->(p) } END AS purchases,
     NOT same AND (
       EXISTS { (x)-[b:BUYS]->(p) WHERE b.kind IN ['SUBSCRIPTION', 'CONTRACT', 'MEMBERSHIP'] }
       OR EXISTS { (p)-[s:SERVES]->(x) WHERE s.ongoing = true }) AS client,
     CASE WHEN same THEN [] ELSE COLLECT { MATCH (x)-[e:ENGAGES]->(p) RETURN DISTINCT e.stage } END
       AS engagedStages
WITH x, p, purchases, client, engagedStages,
     purchases > 0 OR (NOT same AND (
       EXISTS { (x)-[:USES]->(p) } OR EXISTS { (p)-[:SERVES]->(x) }
       OR EXISTS {
         MATCH (x:Person)-[m:MEMBER_OF]->()-[:PART_OF*0..]->(:Organization)-[:BUYS]->(p)
         WHERE m.buyingRole IS NOT NULL
           AND (m.scope IS NULL OR size(m.scope) = 0 OR p.id IN m.scope) })) AS isCustomer
RETURN CASE
         WHEN isCustomer AND 'ADVOCACY' IN engagedStages THEN 'ADVOCACY'
         WHEN purchases >= 2 OR client THEN 'RETENTION'
         WHEN purchases >= 1 THEN 'PURCHASE'
         WHEN 'INTENT' IN engagedStages THEN 'INTENT'
         WHEN 'CONSIDERATION' IN engagedStages THEN 'CONSIDERATION'
         WHEN 'AWARENESS' IN engagedStages OR 'ADVOCACY' IN engagedStages THEN 'AWARENESS'
         ELSE 'NONE'
       END AS stage,
       purchases, client, isCustomer, engagedStages;
