// Stakeholders found by the full-text index `stakeholder_search` (schema.cypher) over name,
// tags, city, country and industry, best first; ties by name, then id.
// The server builds $query from a user's words (stakegraph/fulltext.py): each word, escaped,
// matches a property exactly, as a prefix, or within one edit (4+ characters); the country
// exactly; every word must match. By hand, any Lucene query over those fields works.
// Parameters:
//   $query  string: a Lucene query                e.g. 'name:(acme^3 OR acme*^2 OR acme~1)'
//   $kinds  list of 'ORGANIZATION', 'DEPARTMENT', 'PERSON', or null for all   e.g. null
//   $first  how many hits to return                                          e.g. 20
// Returns one row per hit, by score (highest first), then name, then id:
//   node    the stakeholder node
//   score   the index's relevance score (higher is better)
CALL db.index.fulltext.queryNodes('stakeholder_search', $query) YIELD node, score
WHERE $kinds IS NULL
   OR ('ORGANIZATION' IN $kinds AND node:Organization)
   OR ('DEPARTMENT' IN $kinds AND node:Department)
   OR ('PERSON' IN $kinds AND node:Person)
RETURN node, score
ORDER BY score DESC, node.name, node.id
LIMIT $first;
