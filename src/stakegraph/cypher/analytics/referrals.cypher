// Referrers for provider p, ranked by the referred stakeholders who became p's customers
// (SPEC 13/14). A referral for p is x REFERS y with providerId = p's id. y counts as
// converted when y made a MONEY purchase from p (consideration MONEY or absent) at or
// after x's first referral of y for p; an undated referral counts as made before every
// purchase.
//
// Parameters (cypher-shell examples):
//   :param providerId => 'initech'
//   :param first => 50                // how many referrers
//
// Columns:
//   referrer        the referrer node x
//   referred        the distinct stakeholders x referred to p (by name, then id)
//   converted       those of them who converted (same order)
//   conversionRate  size(converted) / size(referred), 0..1
// Order: converted count descending, then conversionRate descending, name, id.
MATCH (p:Stakeholder {id: $providerId})
MATCH (x:Stakeholder)-[r:REFERS]->(y:Stakeholder)
  WHERE r.providerId = p.id
WITH p, x, y, CASE WHEN count(r.at) < count(r) THEN null ELSE min(r.at) END AS referredAt
WITH x, y, EXISTS {
       MATCH (y)-[b:BUYS]->(p)
       WHERE coalesce(b.consideration, 'MONEY') = 'MONEY'
         AND (referredAt IS NULL OR b.at >= referredAt) } AS converted
ORDER BY y.name, y.id
WITH x, collect(y) AS referred, collect(CASE WHEN converted THEN y END) AS converted
RETURN x AS referrer, referred, converted,
       toFloat(size(converted)) / size(referred) AS conversionRate
ORDER BY size(converted) DESC, conversionRate DESC, x.name, x.id
LIMIT $first;
