// Lifetime value of customer x for provider p, one row per currency (never converted).
// Only x's MONEY purchases from p count (x BUYS p, consideration 'MONEY' or absent, x <> p).
//
// Parameters (cypher-shell examples):
//   :param customerId => 'globex'
//   :param providerId => 'initech'
//   :param retentionRate => 0.8     // r in 0..1, or null (then retentionValue is null)
//   :param discountRate => 0.1      // d >= 0, or null (then retentionValue is null)
//
// Columns:
//   currency            ISO 4217 code of the purchases in this row
//   historicalRevenue   sum of the amounts paid
//   purchaseCount       number of purchases
//   firstPurchase       `at` of the first purchase; lastPurchase: of the last one
//   averageOrderValue   AOV = historicalRevenue / purchaseCount
//   purchasesPerYear    purchaseCount / max(1, years from first to last purchase),
//                       years = days between them / 365.25
//   lifespanYears       p.expectedLifespanYears, or 3 when p has none (lifespanIsDefault)
//   grossMargin         p.grossMargin, or 1.0 when p has none (grossMarginIsDefault)
//   predictedValue      AOV x purchasesPerYear x lifespanYears x grossMargin
//   annualMargin        m = AOV x purchasesPerYear x grossMargin (margin per year)
//   retentionValue      m x r / (1 + d - r), null unless both rates are given
// When both stakeholders exist but x never paid p money, one row comes back with a null
// currency and purchaseCount 0; when either does not exist, no row comes back.
MATCH (x:Stakeholder {id: $customerId}), (p:Stakeholder {id: $providerId})
OPTIONAL MATCH (x)-[b:BUYS]->(p)
  WHERE coalesce(b.consideration, 'MONEY') = 'MONEY' AND x <> p
WITH p, b.currency AS currency, count(b) AS purchaseCount, sum(b.amount) AS historicalRevenue,
     min(b.at) AS firstPurchase, max(b.at) AS lastPurchase
WITH p, currency, purchaseCount, historicalRevenue, firstPurchase, lastPurchase,
     CASE purchaseCount WHEN 0 THEN 0.0 ELSE historicalRevenue / purchaseCount END AS averageOrderValue,
     CASE purchaseCount WHEN 0 THEN 0.0
       ELSE duration.inDays(firstPurchase, lastPurchase).days / 365.25 END AS years,
     coalesce(p.expectedLifespanYears, 3) AS lifespanYears,
     coalesce(p.grossMargin, 1.0) AS grossMargin
WITH currency, purchaseCount, historicalRevenue, firstPurchase, lastPurchase, averageOrderValue,
     lifespanYears, grossMargin, p.expectedLifespanYears IS NULL AS lifespanIsDefault,
     p.grossMargin IS NULL AS grossMarginIsDefault,
     purchaseCount / CASE WHEN years > 1.0 THEN years ELSE 1.0 END AS purchasesPerYear
WITH *, averageOrderValue * purchasesPerYear * grossMargin AS annualMargin
RETURN currency, historicalRevenue, purchaseCount, firstPurchase, lastPurchase,
       averageOrderValue, purchasesPerYear, lifespanYears, lifespanIsDefault,
       grossMargin, grossMarginIsDefault,
       averageOrderValue * purchasesPerYear * lifespanYears * grossMargin AS predictedValue,
       annualMargin,
       CASE WHEN $retentionRate IS NULL OR $discountRate IS NULL THEN null
         ELSE annualMargin * $retentionRate / (1 + $discountRate - $retentionRate) END AS retentionValue
ORDER BY currency;
