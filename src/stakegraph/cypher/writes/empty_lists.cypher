// Set the list properties given as [] that Neo4j's offline importer could not write (it
// reads an empty cell as no value): `stakegraph import PATH --initial` names them in the
// `_emptyLists` property of each node or relationship; this sets each to [] and removes
// `_emptyLists`. The first statement does the stakeholders, the second the relationships;
// each commits every 10,000 (CALL ... IN TRANSACTIONS: run it as an auto-commit
// statement, `:auto` in Neo4j Browser).
// Parameters: none.
// Returns: nothing.
MATCH (n:Stakeholder)
WHERE n._emptyLists IS NOT NULL
CALL (n) {
  FOREACH (key IN n._emptyLists | SET n[key] = [])
  REMOVE n._emptyLists
} IN TRANSACTIONS OF 10000 ROWS;
MATCH ()-[r]->()
WHERE r._emptyLists IS NOT NULL
CALL (r) {
  FOREACH (key IN r._emptyLists | SET r[key] = [])
  REMOVE r._emptyLists
} IN TRANSACTIONS OF 10000 ROWS;
