// Consumers who are not paying customers: who uses what provider p offers without buying it
// with money (END_USER without TRANSACTIONAL), and who paid for them where the graph shows it.
// Parameters:
//   $providerId  string, required: the provider p            e.g. 'toyco'
// Returns one row per consumer, by name:
//   consumer       the consumer's name
//   consumerId     the consumer's id
//   offerings      what the consumer uses (USES.offering), distinct
//   payer          the name of who paid, or null when the graph does not show it
//   payerId        the payer's id, or null
//   payerRelation  SELF (the consumer paid with something other than money: data,
//                  attention, in kind), HOME_ORGANIZATION (its organisation BUYS p),
//                  PARENT (a parent BUYS p), or null; the first that applies
MATCH (p:Stakeholder {id: $providerId})
MATCH (x:Stakeholder)-[u:USES]->(p)
WHERE x <> p
  AND NOT EXISTS { (x)-[b:BUYS]->(p) WHERE coalesce(b.consideration, 'MONEY') = 'MONEY' }
WITH p, x, collect(DISTINCT u.offering) AS offerings
WITH x, offerings,
     COLLECT {
       MATCH (x)-[:BUYS]->(p)
       RETURN {payer: x, relation: 'SELF'} LIMIT 1
     } + COLLECT {
       MATCH path = (x)-[:MEMBER_OF|PART_OF*1..]->(o:Organization)-[:BUYS]->(p)
       RETURN {payer: o, relation: 'HOME_ORGANIZATION'} ORDER BY length(path), o.id LIMIT 1
     } + COLLECT {
       MATCH (x)<-[:PARENT_OF]-(parent:Person)-[:BUYS]->(p)
       RETURN {payer: parent, relation: 'PARENT'} ORDER BY parent.id LIMIT 1
     } AS payers
RETURN x.name AS consumer, x.id AS consumerId, offerings,
       payers[0].payer.name AS payer, payers[0].payer.id AS payerId,
       payers[0].relation AS payerRelation
ORDER BY consumer, consumerId;
