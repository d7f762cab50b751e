MATCH (anchor:Stakeholder {id: $customerId})
CALL (anchor) {
  <lenses/candidate_providers>
}
WITH anchor, providerId AS otherId
CALL (anchor, otherId) {
  WITH otherId AS providerId, anchor.id AS customerId
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
  RETURN count(*) AS held
}
WITH anchor, otherId WHERE held > 0
CALL (anchor, otherId) {
  WITH anchor.id AS providerId, otherId AS customerId
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
  RETURN count(*) AS heldBack
}
WITH anchor, otherId WHERE heldBack > 0
MATCH (other:Stakeholder {id: otherId})
WITH anchor, other ORDER BY other.name, other.id
RETURN anchor, collect(other) AS mutual
