// Detractors among provider p's most valuable customers: of the $limit customers with
// the highest lifetime revenue from p (MONEY purchases, consideration MONEY or absent, in
// p's main currency: the most common one among its MONEY purchases, ties alphabetically
// first; other currencies are not converted, so they do not count), those whose latest
// nps for p is 0-6 (latest by `at`, undated ones earliest, ties by id). Accounts to call.
// Parameters:
//   $providerId  string, required: the provider p                          e.g. 'toyco'
//   $limit       integer, optional: how many top customers to look at; null for 20
//                                                                           e.g. 20
// Returns one row per detractor, most valuable first:
//   valueRank    its rank among p's customers by revenue (1 = the most valuable)
//   customer     the customer's name
//   customerId   its id
//   revenue      its lifetime revenue from p in `currency`
//   currency     p's main currency
//   purchases    its MONEY purchases from p in that currency
//   latestNps    its latest nps for p (0-6)
//   comment      the comment given with it, if any
//   answeredAt   when (null when undated)
MATCH (p:Stakeholder {id: $providerId})<-[b:BUYS]-(x:Stakeholder)
WHERE x <> p AND coalesce(b.consideration, 'MONEY') = 'MONEY'
WITH p, b.currency AS currency, count(*) AS used
ORDER BY used DESC, currency
WITH p, collect(currency)[0] AS currency
MATCH (p)<-[b:BUYS]-(x:Stakeholder)
WHERE x <> p AND coalesce(b.consideration, 'MONEY') = 'MONEY' AND b.currency = currency
WITH p, currency, x, sum(b.amount) AS revenue, count(b) AS purchases
ORDER BY revenue DESC, x.name, x.id
WITH p, currency, collect({x: x, revenue: revenue, purchases: purchases}) AS ranked
UNWIND range(0, size(ranked) - 1) AS i
WITH p, currency, ranked[i] AS top, i + 1 AS valueRank
WHERE valueRank <= coalesce($limit, 20)
WITH p, currency, top.x AS x, top.revenue AS revenue, top.purchases AS purchases, valueRank
MATCH (x)-[f:GIVES_FEEDBACK]->(p)
WHERE f.nps IS NOT NULL
WITH currency, x, revenue, purchases, valueRank, f
ORDER BY f.at IS NULL DESC, f.at, f.id
WITH currency, x, revenue, purchases, valueRank, last(collect(f)) AS latest
WHERE latest.nps <= 6
RETURN valueRank, x.name AS customer, x.id AS customerId, revenue, currency, purchases,
       latest.nps AS latestNps, latest.comment AS comment, latest.at AS answeredAt
ORDER BY valueRank;
