// One page of every relationship, for `stakegraph export` (SPEC 8): at most $limit of
// them, however many a stakeholder has, in the order (from, type, to, id) with id-less
// relationships after the others and the element id last (it breaks every tie). Pages
// are keyset-paginated: pass a page's `after` as $after. The stakeholders are walked on
// the id index, lazily: a page reads only the stakeholders it needs, and sorts each one's
// relationships (a hub's page by page). One row with a list: the driver reads that
// about twice as fast as a row per relationship.
// Parameters:
//   $after  list or null: `after` of the previous page (null for the first page), e.g.
//           null or ['globex', 'BUYS', 'initech', false, 'b1', '4:2f1e...:12']
//   $limit  integer: the page size in relationships, e.g. 10000
// Returns one row:
//   relations  list of maps {type, from, to, properties}, properties including id and
//              createdAt; the datetimes (at, since, createdAt, updatedAt) as ISO 8601 text,
//              null when absent (the driver turns a datetime into Python slowly)
//   after      the place of the page's last relationship in the order, the $after of the
//              next page (null when the page is empty)
MATCH (a:Stakeholder)
WHERE a.id >= coalesce($after[0], '')
WITH a
ORDER BY a.id
CALL (a) {
  MATCH (a)-[r]->(b:Stakeholder)
  WITH r, b, [a.id, type(r), b.id, r.id IS NULL, coalesce(r.id, ''), elementId(r)] AS after
  WHERE $after IS NULL OR after > $after
  RETURN r, b, after
  ORDER BY after
  LIMIT $limit
}
WITH a, r, b, after
ORDER BY a.id, after  // a.id comes ordered from the index: only each a's rows are sorted
LIMIT $limit
WITH collect({type: type(r), from: a.id, to: b.id,
              properties: r {.*, at: toString(r.at), since: toString(r.since),
                             createdAt: toString(r.createdAt),
                             updatedAt: toString(r.updatedAt)}}) AS relations,
     collect(after) AS afters
RETURN relations, last(afters) AS after;
