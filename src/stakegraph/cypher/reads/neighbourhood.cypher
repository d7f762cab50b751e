// The neighbourhood of one stakeholder: the stakeholders within $depth hops over the given
// relationship types, nearest first, at most $limit of them (the centre included), and the
// relationships of those types between them (at most 2 x $limit).
// Its cost is bounded by $limit, not by the degree of a hub: each hop is a CALL subquery
// whose DISTINCT ... LIMIT stops expanding as soon as enough new nodes are found (within one
// distance, nodes come in the order found; nothing is sorted). The relationships between
// the chosen nodes are found by expanding only nodes with at most 100 relationships
// (their other ends include every hub on the list) and by checking the few pairs of hubs
// directly (Expand(Into)), so a hub's thousands of relationships are never walked.
// Parameters:
//   $id     string: the centre's id                                        e.g. 'toyco'
//   $depth  1, 2 or 3: how many hops                                       e.g. 2
//   $types  list of relationship types to follow, or null for all          e.g. ['BUYS', 'USES']
//   $limit  1-1000: at most this many nodes, the centre counting           e.g. 50
// Returns one row, or none when no stakeholder has that id:
//   nodes          the nodes, the centre first, then by distance (a list of nodes)
//   distances      each node's distance from the centre, in the same order (0 for it)
//   relations      the relationships of the asked types between those nodes
//   truncated      true when more nodes or more than 2 x $limit relationships existed
MATCH (centre:Stakeholder {id: $id})
CALL (centre) {
  MATCH (centre)-[r]-(n:Stakeholder)
  WHERE ($types IS NULL OR type(r) IN $types) AND n <> centre
  WITH DISTINCT n LIMIT $limit
  RETURN collect(n) AS found1
}
WITH centre, found1[..$limit - 1] AS level1, size(found1) > $limit - 1 AS cut1
CALL (centre, level1, cut1) {
  UNWIND CASE WHEN $depth >= 2 AND NOT cut1 THEN level1 ELSE [] END AS m
  MATCH (m)-[r]-(n:Stakeholder)
  WHERE ($types IS NULL OR type(r) IN $types) AND n <> centre AND NOT n IN level1
  WITH DISTINCT n LIMIT $limit
  RETURN collect(n) AS found2
}
WITH centre, level1, cut1, found2[..$limit - 1 - size(level1)] AS level2,
     cut1 OR size(found2) > $limit - 1 - size(level1) AS cut2
CALL (centre, level1, level2, cut2) {
  UNWIND CASE WHEN $depth >= 3 AND NOT cut2 THEN level2 ELSE [] END AS m
  MATCH (m)-[r]-(n:Stakeholder)
  WHERE ($types IS NULL OR type(r) IN $types)
    AND n <> centre AND NOT n IN level1 AND NOT n IN level2
  WITH DISTINCT n LIMIT $limit
  RETURN collect(n) AS found3
}
WITH centre, level1, level2, cut2,
     found3[..$limit - 1 - size(level1) - size(level2)] AS level3,
     cut2 OR size(found3) > $limit - 1 - size(level1) - size(level2) AS cut3
WITH [centre] + level1 + level2 + level3 AS nodes,
     [0] + [_ IN level1 | 1] + [_ IN level2 | 2] + [_ IN level3 | 3] AS distances,
     cut3 AS cutNodes
CALL (nodes) {
  CALL (nodes) {
    // From every node with at most 100 relationships: its relationships to listed nodes.
    UNWIND nodes AS a
    WITH a, nodes WHERE COUNT { (a)--() } <= 100
    MATCH (a)-[r]-(b)
    WHERE b IN nodes AND ($types IS NULL OR type(r) IN $types)
    RETURN r
    UNION
    // Between two hubs (more than 100 relationships each): checked pair by pair, in each
    // direction, from the end with fewer relationships in that direction.
    WITH [a IN nodes WHERE COUNT { (a)--() } > 100] AS hubs
    UNWIND hubs AS a
    UNWIND hubs AS b
    MATCH (a)-[r]->(b)
    WHERE $types IS NULL OR type(r) IN $types
    RETURN r
  }
  WITH DISTINCT r LIMIT 2 * $limit + 1
  RETURN collect(r) AS found
}
RETURN nodes, distances, found[..2 * $limit] AS relations,
       cutNodes OR size(found) > 2 * $limit AS truncated;
