// Recompute the role labels of the given stakeholders from their relationships, adding
// and removing labels, so that the labels always follow the relationships (SPEC 2):
//   :BuyingCenterMember  a Person with a MEMBER_OF that has a buyingRole
//   :Parent              a Person with a PARENT_OF (to a child)
//   :EndUser             any stakeholder with a USES
//   :Prosumer            any stakeholder that CONTRIBUTES to a platform it also USES or BUYS
// Every role depends only on a node's outgoing relationships: after writing relationships,
// refresh their `from` ends; after deleting a stakeholder, its former neighbours.
// Parameters:
//   $ids  list of stakeholder ids, e.g. ['mia', 'dana', 'vera']; unknown ids are skipped
// Returns:
//   refreshed  the number of stakeholders whose labels were recomputed
UNWIND $ids AS id
MATCH (n:Stakeholder {id: id})
WITH n,
     n:Person AND EXISTS { (n)-[m:MEMBER_OF]->() WHERE m.buyingRole IS NOT NULL } AS member,
     n:Person AND EXISTS { (n)-[:PARENT_OF]->(:Person) } AS parent,
     EXISTS { (n)-[:USES]->() } AS endUser,
     EXISTS { (n)-[:CONTRIBUTES]->(p) WHERE EXISTS { (n)-[:USES|BUYS]->(p) } } AS prosumer
FOREACH (_ IN CASE WHEN member THEN [1] ELSE [] END | SET n:BuyingCenterMember)
FOREACH (_ IN CASE WHEN member THEN [] ELSE [1] END | REMOVE n:BuyingCenterMember)
FOREACH (_ IN CASE WHEN parent THEN [1] ELSE [] END | SET n:Parent)
FOREACH (_ IN CASE WHEN parent THEN [] ELSE [1] END | REMOVE n:Parent)
FOREACH (_ IN CASE WHEN endUser THEN [1] ELSE [] END | SET n:EndUser)
FOREACH (_ IN CASE WHEN endUser THEN [] ELSE [1] END | REMOVE n:EndUser)
FOREACH (_ IN CASE WHEN prosumer THEN [1] ELSE [] END | SET n:Prosumer)
FOREACH (_ IN CASE WHEN prosumer THEN [] ELSE [1] END | REMOVE n:Prosumer)
RETURN count(n) AS refreshed;
