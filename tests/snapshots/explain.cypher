MATCH (x:Stakeholder {id: $customerId}), (p:Stakeholder {id: $providerId})
CALL (x, p) {
  WITH p.id AS providerId, x.id AS customerId
  CALL (providerId, customerId) {
  <lenses/transactional>
  UNION ALL
<lenses/exchange>
  UNION ALL
<lenses/buying_center>
  UNION ALL
<lenses/end_user>
  UNION ALL
<lenses/internal>
  UNION ALL
<lenses/beneficiary>
  UNION ALL
<lenses/collaborative>
  UNION ALL
<lenses/prospect>
  UNION ALL
<lenses/client>
  UNION ALL
<lenses/repeat>
  }
  RETURN collect({lens: lens, evidence: evidence}) AS shown
}
WITH x, p, shown, [{other: x, shown: shown}] AS rows
CALL (p, rows) {
  UNWIND rows AS row
  WITH row
  UNWIND [row.other] + reduce(ns = [], f IN row.shown | ns + reduce(ps = [], e IN f.evidence | ps + nodes(e))) AS n
  WITH DISTINCT n
  RETURN collect(n) AS pageNodes
}
WITH *, [n IN pageNodes + [p] | CASE WHEN $namesOnly THEN n {.id, .name, `~id`: elementId(n), `~labels`: labels(n)}
  ELSE n {.*, createdAt: toString(n.createdAt), updatedAt: toString(n.updatedAt), `~id`: elementId(n), `~labels`: labels(n)} END] AS nodes
RETURN elementId(x) AS x, elementId(p) AS p, nodes, [f IN shown | {lens: f.lens, evidence: [e IN f.evidence | {nodes: [node IN nodes(e) | elementId(node)], relationships: [rel IN relationships(e) | rel {.*, at: toString(rel.at), since: toString(rel.since), createdAt: toString(rel.createdAt), updatedAt: toString(rel.updatedAt), `~id`: elementId(rel), `~type`: type(rel), `~start`: elementId(startNode(rel))}]}]}] AS found
