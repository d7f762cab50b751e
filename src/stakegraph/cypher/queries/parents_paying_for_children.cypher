// Parents who pay for what their children use: a parent BUYS from a provider whose
// offering the child USES (the child is an END_USER paid for by the parent).
// Parameters:
//   $providerId  string, optional: one provider; null (or left out) for every one  e.g. 'toyco'
// Returns one row per (parent, child, provider):
//   parent          the parent's name
//   parentId        its id
//   child           the child's name
//   childId         its id
//   provider        the provider's name
//   providerId      its id
//   childUses       what the child uses (USES.offering), distinct
//   parentBought    what the parent bought (BUYS.offering), distinct
//   purchases       how many purchases the parent made from the provider
MATCH (parent:Person)-[:PARENT_OF]->(child:Person)-[u:USES]->(p:Stakeholder)
WHERE ($providerId IS NULL OR p.id = $providerId) AND parent <> child
WITH parent, child, p, collect(DISTINCT u.offering) AS childUses
MATCH (parent)-[b:BUYS]->(p)
WITH parent, child, p, childUses, collect(DISTINCT b.offering) AS parentBought,
     count(b) AS purchases
RETURN parent.name AS parent, parent.id AS parentId, child.name AS child, child.id AS childId,
       p.name AS provider, p.id AS providerId, childUses, parentBought, purchases
ORDER BY provider, parent, child;
