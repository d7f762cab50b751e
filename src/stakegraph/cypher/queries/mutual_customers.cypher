// Mutual customers: pairs of stakeholders that each receive from the other (a SERVES to
// them, or their own USES or BUYS towards the other), so each is the other's customer
// under the BENEFICIARY lens at least; typically two businesses that buy from each other.
// Parameters: none.
// Returns one row per pair (a before b by id):
//   a, aId             the first stakeholder's name and id
//   b, bId             the second's
//   aReceives          how a receives from b, e.g. ['BUYS Freight']
//   bReceives          how b receives from a
MATCH (a:Stakeholder)-[r:BUYS|USES|SERVES]-(b:Stakeholder)
WHERE a.id < b.id
WITH a, b, r,
     CASE type(r) WHEN 'SERVES' THEN endNode(r) ELSE startNode(r) END AS receiver
WITH a, b,
     collect(CASE WHEN receiver = a THEN type(r) + ' ' + coalesce(r.offering, '') END) AS aReceives,
     collect(CASE WHEN receiver = b THEN type(r) + ' ' + coalesce(r.offering, '') END) AS bReceives
WHERE size(aReceives) > 0 AND size(bReceives) > 0
RETURN a.name AS a, a.id AS aId, b.name AS b, b.id AS bId, aReceives, bReceives
ORDER BY a, b;
