// Set the :Prosumer label of every stakeholder that CONTRIBUTES to a platform it also
// USES or BUYS (SPEC 2; the rule of writes/refresh_roles), over the whole graph: for a
// database just built by Neo4j's offline importer (`stakegraph import PATH --initial`),
// whose CSV gives every other role label (each follows from one relationship) but not
// this one (it needs two). It only adds labels. Commits every 10,000 nodes (CALL ... IN
// TRANSACTIONS: run it as an auto-commit statement, `:auto` in Neo4j Browser).
// Parameters: none.
// Returns: nothing.
MATCH (n:Stakeholder)-[:CONTRIBUTES]->(p)
WHERE EXISTS { (n)-[:USES|BUYS]->(p) }
WITH DISTINCT n
CALL (n) { SET n:Prosumer } IN TRANSACTIONS OF 10000 ROWS;
