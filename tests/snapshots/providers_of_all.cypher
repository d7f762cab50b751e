MATCH (anchor:Stakeholder {id: $anchorId})
CALL (anchor) {
  CALL (anchor) {
  <lenses/candidate_providers>
  }
  WITH providerId, anchor.id AS customerId
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
  WITH providerId, customer, collect({lens: lens, evidence: evidence}) AS found
  WHERE any(f IN found WHERE f.lens IN $lenses)
    AND none(f IN found WHERE f.lens IN $except)
  MATCH (other:Stakeholder {id: providerId})
  WITH other, [f IN found WHERE f.lens IN $lenses] AS shown
  ORDER BY other.name, other.id
  RETURN collect({name: other.name, id: other.id, other: other, shown: shown}) AS rows
}
WITH anchor, rows,
     [r IN rows WHERE $afterName IS NULL OR r.name > $afterName
        OR (r.name = $afterName AND r.id > $afterId)] AS rest
WITH anchor, size(rows) AS total, rest[0..$first] AS page, size(rest) > $first AS hasNext
CALL (anchor, page) {
  UNWIND page AS row
  WITH row
  UNWIND [row.other] + reduce(ns = [], f IN row.shown | ns + reduce(ps = [], e IN f.evidence | ps + nodes(e))) AS n
  WITH DISTINCT n
  RETURN collect(n) AS pageNodes
}
WITH *, [n IN pageNodes + [anchor] | CASE WHEN $namesOnly THEN n {.id, .name, `~id`: elementId(n), `~labels`: labels(n)}
  ELSE n {.*, createdAt: toString(n.createdAt), updatedAt: toString(n.updatedAt), `~id`: elementId(n), `~labels`: labels(n)} END] AS nodes
RETURN elementId(anchor) AS anchor, total, hasNext, nodes,
       [r IN page | {other: elementId(r.other), shown: [f IN r.shown | {lens: f.lens, evidence: [e IN f.evidence | {nodes: [node IN nodes(e) | elementId(node)], relationships: [rel IN relationships(e) | rel {.*, at: toString(rel.at), since: toString(rel.since), createdAt: toString(rel.createdAt), updatedAt: toString(rel.updatedAt), `~id`: elementId(rel), `~type`: type(rel), `~start`: elementId(startNode(rel))}]}]}]}] AS page
