// RFM scores of provider p's TRANSACTIONAL customers (x BUYS p with consideration 'MONEY'
// or absent, x <> p) as of a reference date. Only purchases made at or before $asOf count.
//
// Parameters (cypher-shell examples):
//   :param providerId => 'initech'
//   :param asOf => datetime('2025-01-01T00:00:00Z')
//
// Columns:
//   customer     the customer node
//   recencyDays  whole days from x's last purchase to asOf
//   frequency    number of x's MONEY purchases from p
//   monetary     sum of x's amounts in `currency` (purchases in other currencies add 0)
//   currency     p's main currency: the most common one among p's MONEY purchases
//                (ties: alphabetically first); the same on every row
//   r, f, m      scores 1-5 (5 best; fewer days is better for r). With n customers and
//                b of them strictly worse on the measure, score = ceil(5 * (b + 1) / n):
//                ties share a score; with fewer than five customers not every score is
//                used, and the best one scores 5 (a lone customer is 5/5/5)
//   segment      the first row of the segment table whose R, F, M ranges all match
//                (Champions ... Lost), else 'Others'
// Rows are ordered by r + f + m descending, then name and id.
MATCH (p:Stakeholder {id: $providerId})<-[b:BUYS]-(x:Stakeholder)
  WHERE coalesce(b.consideration, 'MONEY') = 'MONEY' AND x <> p AND b.at <= $asOf
WITH p, b.currency AS currency, count(*) AS purchases
ORDER BY purchases DESC, currency
WITH p, collect(currency)[0] AS currency
MATCH (p)<-[b:BUYS]-(x:Stakeholder)
  WHERE coalesce(b.consideration, 'MONEY') = 'MONEY' AND x <> p AND b.at <= $asOf
WITH currency, x, count(b) AS frequency, max(b.at) AS lastPurchase,
     sum(CASE b.currency WHEN currency THEN b.amount ELSE 0.0 END) AS monetary
WITH currency, {customer: x, recencyDays: duration.inDays(lastPurchase, $asOf).days,
                frequency: frequency, monetary: monetary} AS row
// r: worst first (most days), b = index of the first row with the same value
ORDER BY row.recencyDays DESC
WITH currency, collect(row) AS sorted
UNWIND range(0, size(sorted) - 1) AS i
WITH currency, size(sorted) AS n, sorted[i].recencyDays AS value, min(i) AS worse,
     collect(sorted[i]) AS tied
UNWIND tied AS row
WITH currency, n, row {.*, r: toInteger(ceil(5.0 * (worse + 1) / n))} AS row
// f: worst first (fewest purchases)
ORDER BY row.frequency
WITH currency, n, collect(row) AS sorted
UNWIND range(0, n - 1) AS i
WITH currency, n, sorted[i].frequency AS value, min(i) AS worse, collect(sorted[i]) AS tied
UNWIND tied AS row
WITH currency, n, row {.*, f: toInteger(ceil(5.0 * (worse + 1) / n))} AS row
// m: worst first (least money)
ORDER BY row.monetary
WITH currency, n, collect(row) AS sorted
UNWIND range(0, n - 1) AS i
WITH currency, n, sorted[i].monetary AS value, min(i) AS worse, collect(sorted[i]) AS tied
UNWIND tied AS row
WITH currency, row {.*, m: toInteger(ceil(5.0 * (worse + 1) / n))} AS row
WITH currency, row, row.r AS r, row.f AS f, row.m AS m
WITH currency, row, r, f, m,
     [s IN [
        ['Champions', 4, 5, 4, 5, 4, 5],
        ['Loyal Customers', 2, 5, 3, 5, 3, 5],
        ['Potential Loyalist', 3, 5, 1, 3, 1, 3],
        ['New Customers', 4, 5, 1, 1, 1, 1],
        ['Promising', 3, 4, 1, 1, 1, 1],
        ['Need Attention', 2, 3, 2, 3, 2, 3],
        ['About To Sleep', 2, 3, 1, 2, 1, 2],
        ['At Risk', 1, 2, 2, 5, 2, 5],
        ["Can't Lose Them", 1, 1, 4, 5, 4, 5],
        ['Lost', 1, 2, 1, 2, 1, 2]
      ] WHERE s[1] <= r <= s[2] AND s[3] <= f <= s[4] AND s[5] <= m <= s[6] | s[0]] AS matching
WITH currency, row, r, f, m, coalesce(matching[0], 'Others') AS segment
RETURN row.customer AS customer, row.recencyDays AS recencyDays, row.frequency AS frequency,
       row.monetary AS monetary, currency, r, f, m, segment
ORDER BY r + f + m DESC, customer.name, customer.id;
