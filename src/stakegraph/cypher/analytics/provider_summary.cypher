// Summary of provider p (providerSummary): how many customers each lens finds, which exact
// sets of lenses occur, p's MONEY revenue, and p's offerings. Which lenses hold for whom is
// not decided here: it comes from the lens files (customersOf with every lens), as
// $customers; this file only counts them and reads the purchases and uses behind them.
// The server runs it after the lens files in the same statement, $customers being their
// answer (graph/analytics.py).
//   customersByLens   per lens, the customers in $customers for which it holds
//   lensCombinations  per exact set of lenses, how many customers have exactly that set
//   revenue, purchaseCount, firstPurchase, lastPurchase: from the MONEY purchases from p
//                     (consideration MONEY or none) of its TRANSACTIONAL customers: the
//                     sum of lifetimeValue over them
//   offerings         per offering on a purchase from or a use of p: customers = EXCHANGE
//                     customers who bought it, users = END_USER customers who use it,
//                     revenue = its MONEY purchases
// Parameters (cypher-shell examples):
//   :param providerId => 'initech'
//   :param customers => [{id: 'globex', lenses: ['TRANSACTIONAL', 'EXCHANGE', 'BENEFICIARY']}]
//                  // p's customers under every lens and the lenses that hold for each,
//                  // as customersOf answers them (list of maps {id, lenses})
// Returns one row (none when p does not exist):
//   provider          the provider p (node)
//   customersByLens   list of {lens, count}: all ten lenses in catalogue order, zeros kept
//   lensCombinations  list of {lenses, count}: largest first, then by the lenses' text
//   revenue           list of {amount, currency}, ordered by currency, never converted
//   purchaseCount     MONEY purchases, every currency together
//   firstPurchase     the earliest `at` among them (null when none is dated)
//   lastPurchase      the latest `at` among them
//   offerings         list of {offering, customers, users, revenue}: most customers first,
//                     then by offering
MATCH (p:Stakeholder {id: $providerId})
WITH p, $customers AS held,
     ['TRANSACTIONAL', 'EXCHANGE', 'BUYING_CENTER', 'END_USER', 'INTERNAL', 'BENEFICIARY',
      'COLLABORATIVE', 'PROSPECT', 'CLIENT', 'REPEAT'] AS catalogue
WITH p, held, catalogue,
     [lens IN catalogue | {lens: lens, count: size([c IN held WHERE lens IN c.lenses])}]
       AS customersByLens
CALL (held, catalogue) {
  UNWIND held AS c
  WITH [lens IN catalogue WHERE lens IN c.lenses] AS lenses
  WITH lenses, count(*) AS count
  ORDER BY count DESC, reduce(text = '', lens IN lenses | text + lens + ' ')
  RETURN collect({lenses: lenses, count: count}) AS lensCombinations
}
CALL (p, held) {
  UNWIND held AS c
  WITH c WHERE 'TRANSACTIONAL' IN c.lenses
  MATCH (x:Stakeholder {id: c.id})-[b:BUYS]->(p)
  WHERE x <> p AND coalesce(b.consideration, 'MONEY') = 'MONEY'
  WITH b.currency AS currency, sum(b.amount) AS amount, count(b) AS purchases,
       min(b.at) AS first, max(b.at) AS last
  ORDER BY currency
  RETURN collect({amount: amount, currency: currency}) AS revenue,
         sum(purchases) AS purchaseCount, min(first) AS firstPurchase, max(last) AS lastPurchase
}
CALL (p, held) {
  UNWIND held AS c
  WITH c WHERE 'EXCHANGE' IN c.lenses OR 'END_USER' IN c.lenses
  MATCH (x:Stakeholder {id: c.id})-[r:BUYS|USES]->(p)
  WHERE x <> p AND r.offering IS NOT NULL
    AND CASE type(r) WHEN 'BUYS' THEN 'EXCHANGE' IN c.lenses ELSE 'END_USER' IN c.lenses END
  WITH r.offering AS offering,
       collect(DISTINCT CASE type(r) WHEN 'BUYS' THEN x END) AS buyers,
       collect(DISTINCT CASE type(r) WHEN 'USES' THEN x END) AS users,
       collect(CASE WHEN type(r) = 'BUYS' AND coalesce(r.consideration, 'MONEY') = 'MONEY'
                    THEN r END) AS money
  CALL (money) {
    UNWIND money AS b
    WITH b.currency AS currency, sum(b.amount) AS amount
    ORDER BY currency
    RETURN collect({amount: amount, currency: currency}) AS revenue
  }
  WITH offering, size(buyers) AS customers, size(users) AS users, revenue
  ORDER BY customers DESC, offering
  RETURN collect({offering: offering, customers: customers, users: users, revenue: revenue})
         AS offerings
}
RETURN p AS provider, customersByLens, lensCombinations, revenue, purchaseCount,
       firstPurchase, lastPurchase, offerings;
