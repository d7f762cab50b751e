// A page of each given stakeholder's relations (any relationship it starts or ends), newest
// first: by date (BUYS, CONTRIBUTES, ENGAGES `at`; USES, SERVES `since`), undated last, then
// by relationship id; with how many match in all. The window is SPEC 9's: a relation with
// an `at` counts when since <= at < until, one with a `since` when it began before until,
// an undated one (MEMBER_OF, PART_OF, PARENT_OF) always.
// Parameters:
//   $ids        list of stakeholder ids                                   e.g. ['globex']
//   $types      (optional) list of relationship types; null = every type  e.g. ['BUYS', 'USES']
//   $direction  'OUT' (it starts there), 'IN' (it ends there) or 'BOTH'   e.g. 'BOTH'
//   $since      (optional) datetime: the window's start, inclusive; null = open
//   $until      (optional) datetime: the window's end, exclusive; null = open
//   $afterDate  (optional) datetime of the previous page's last row, or null
//   $afterId    (optional) id of that row; null for the first page
//   $first      page size; one more row is read to tell whether more follow   e.g. 50
// Returns one row per given stakeholder that exists:
//   n      the stakeholder
//   total  how many of its relations match (every page)
//   page   up to $first + 1 maps {relation, other, out, date}, in order: `relation` the
//          relationship, `other` the stakeholder at its other end, `out` true when the
//          relationship starts at n, `date` its date as text (null when undated)
UNWIND $ids AS id
MATCH (n:Stakeholder {id: id})
CALL (n) {
  MATCH (n)-[r]-(other)
  WITH DISTINCT n, r, coalesce(r.at, r.since) AS date
  WHERE ($types IS NULL OR type(r) IN $types)
    AND ($direction = 'BOTH'
         OR ($direction = 'OUT' AND startNode(r) = n)
         OR ($direction = 'IN' AND endNode(r) = n))
    AND (date IS NULL
         OR (($until IS NULL OR date < $until)
             AND ($since IS NULL OR r.at IS NULL OR r.at >= $since)))
  RETURN count(r) AS total
}
CALL (n) {
  MATCH (n)-[r]-(other)
  WITH DISTINCT n, r, other, coalesce(r.at, r.since) AS date
  WHERE ($types IS NULL OR type(r) IN $types)
    AND ($direction = 'BOTH'
         OR ($direction = 'OUT' AND startNode(r) = n)
         OR ($direction = 'IN' AND endNode(r) = n))
    AND (date IS NULL
         OR (($until IS NULL OR date < $until)
             AND ($since IS NULL OR r.at IS NULL OR r.at >= $since)))
    AND ($afterId IS NULL
         OR ($afterDate IS NULL AND date IS NULL AND r.id > $afterId)
         OR ($afterDate IS NOT NULL
             AND (date IS NULL OR date < $afterDate
                  OR (date = $afterDate AND r.id > $afterId))))
  WITH n, r, other, date
  ORDER BY date IS NULL, date DESC, r.id
  LIMIT $first + 1
  RETURN collect({relation: r, other: other, out: startNode(r) = n, date: toString(date)}) AS page
}
RETURN n, total, page;
