// The internal service map of an organisation: who serves, supplies or sells to whom
// inside it (departments, nested departments, their members, and the organisation itself).
// Insiders are the stakeholders whose home is the organisation: itself, its departments
// (PART_OF*) and their members (MEMBER_OF).
// Parameters:
//   $organizationId  string, required: the organisation o   e.g. 'hooli'
// Returns one row per SERVES, USES or BUYS relationship between two insiders:
//   provider     the name of the insider who provides
//   providerId   its id
//   recipient    the name of the insider who receives (the internal customer)
//   recipientId  its id
//   relation     SERVES (provider serves recipient), USES or BUYS (recipient uses or buys
//                from provider)
//   offering     what is provided (SERVES/USES/BUYS offering)
//   ongoing      for SERVES, whether the service is ongoing; null otherwise
MATCH (o:Organization {id: $organizationId})
MATCH (inside:Stakeholder)-[:MEMBER_OF|PART_OF*0..]->(o)
WITH collect(DISTINCT inside) AS insiders
UNWIND insiders AS a
MATCH (a)-[r:SERVES|USES|BUYS]->(b:Stakeholder)
WHERE a <> b AND b IN insiders
WITH r, CASE type(r) WHEN 'SERVES' THEN a ELSE b END AS provider,
        CASE type(r) WHEN 'SERVES' THEN b ELSE a END AS recipient
RETURN provider.name AS provider, provider.id AS providerId,
       recipient.name AS recipient, recipient.id AS recipientId,
       type(r) AS relation, r.offering AS offering,
       CASE type(r) WHEN 'SERVES' THEN coalesce(r.ongoing, false) END AS ongoing
ORDER BY provider, recipient, relation, offering;
