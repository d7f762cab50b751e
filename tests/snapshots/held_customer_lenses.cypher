MATCH (anchor:Stakeholder {id: $anchorId})
CALL (anchor) {
  WITH anchor.id AS providerId, null AS customerId
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
<lenses/client>
  UNION ALL
<lenses/repeat>
  }
  WITH customer, collect(DISTINCT lens) AS held
  WHERE any(lens IN held WHERE lens IN $lenses)
  RETURN collect({id: customer.id, lenses: [lens IN held WHERE lens IN $lenses]}) AS rows
}
RETURN rows
