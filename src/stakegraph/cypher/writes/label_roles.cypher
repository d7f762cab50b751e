// Set the role labels of every stakeholder from its relationships (SPEC 2), as
// writes/refresh_roles does for a few: for a database just built by Neo4j's offline
// importer (`stakegraph import PATH --initial`), whose nodes carry no role label yet.
// It only adds labels. Each statement commits every 10,000 nodes (CALL ... IN
// TRANSACTIONS: run it as an auto-commit statement, `:auto` in Neo4j Browser).
//   :BuyingCenterMember  a Person with a MEMBER_OF that has a buyingRole
//   :Parent              a Person with a PARENT_OF (to a child)
//   :EndUser             any stakeholder with a USES
//   :Prosumer            any stakeholder that CONTRIBUTES to a platform it also USES or BUYS
// Parameters: none.
// Returns: nothing.
MATCH (n:Person)
WHERE EXISTS { (n)-[m:MEMBER_OF]->() WHERE m.buyingRole IS NOT NULL }
CALL (n) { SET n:BuyingCenterMember } IN TRANSACTIONS OF 10000 ROWS;
MATCH (n:Person)
WHERE EXISTS { (n)-[:PARENT_OF]->(:Person) }
CALL (n) { SET n:Parent } IN TRANSACTIONS OF 10000 ROWS;
MATCH (n:Stakeholder)
WHERE EXISTS { (n)-[:USES]->() }
CALL (n) { SET n:EndUser } IN TRANSACTIONS OF 10000 ROWS;
MATCH (n:Stakeholder)
WHERE EXISTS { (n)-[:CONTRIBUTES]->(p) WHERE EXISTS { (n)-[:USES|BUYS]->(p) } }
CALL (n) { SET n:Prosumer } IN TRANSACTIONS OF 10000 ROWS;
