// Provider p's customers segmented by two or three dimensions at once (SPEC 13/14): one
// bucket per combination of keys, one key per dimension in `$by` order, with the count of
// customers and their MONEY revenue from p per currency. Keys per dimension are those of
// analytics/segments ('UNKNOWN' when the customer lacks the value); a multi-valued property
// gives every combination, so a customer can be in several buckets. RFM_SEGMENT,
// JOURNEY_STAGE and LENS keys are computed first and passed in $keys. At most 1,000
// buckets, largest first.
//
// Parameters (cypher-shell examples):
//   :param providerId => 'initech'
//   :param customerIds => ['globex', 'dana', 'springfield']
//   :param by => ['CUSTOMER_TYPE', 'COUNTRY']   // 2 or 3 distinct dimension names
//   :param asOf => datetime()                    // the date AGE_BAND is counted at
//   :param keys => {}       // dimension -> (id -> list of keys), for RFM_SEGMENT,
//                           // JOURNEY_STAGE and LENS, e.g. {LENS: {dana: ['BUYING_CENTER']}}
//
// Columns: keys (one per dimension, in `by` order), count (customers in the bucket),
//   revenue (list of {amount, currency}, ordered by currency).
// Order: count descending, then keys.
MATCH (p:Stakeholder {id: $providerId})
UNWIND $customerIds AS customerId
MATCH (x:Stakeholder {id: customerId})
  WHERE x <> p
WITH DISTINCT p, x
WITH p, x,
     [dim IN $by |
     CASE dim
       WHEN 'CUSTOMER_TYPE' THEN
         [CASE WHEN x:Person THEN 'INDIVIDUAL' WHEN x:Department THEN 'INTERNAL'
               ELSE x.orgType END]
       WHEN 'COUNTRY' THEN [x.country]
       WHEN 'REGION' THEN [x.region]
       WHEN 'CITY' THEN [x.city]
       WHEN 'INDUSTRY' THEN [x.industry]
       WHEN 'AGE_BAND' THEN
         [CASE WHEN x.birthYear IS NULL THEN null
               WHEN coalesce($asOf, datetime()).year - x.birthYear < 18 THEN '<18'
               WHEN coalesce($asOf, datetime()).year - x.birthYear < 25 THEN '18-24'
               WHEN coalesce($asOf, datetime()).year - x.birthYear < 35 THEN '25-34'
               WHEN coalesce($asOf, datetime()).year - x.birthYear < 45 THEN '35-44'
               WHEN coalesce($asOf, datetime()).year - x.birthYear < 55 THEN '45-54'
               WHEN coalesce($asOf, datetime()).year - x.birthYear < 65 THEN '55-64'
               ELSE '65+' END]
       WHEN 'SIZE_BAND' THEN
         [CASE WHEN x.employees IS NULL THEN null
               WHEN x.employees < 10 THEN '1-9' WHEN x.employees < 50 THEN '10-49'
               WHEN x.employees < 250 THEN '50-249' WHEN x.employees < 1000 THEN '250-999'
               ELSE '1000+' END]
       WHEN 'INTEREST' THEN x.interests
       WHEN 'VALUE' THEN x.values
       WHEN 'NEED' THEN x.needs
       WHEN 'TECHNOLOGY' THEN x.technologies
       ELSE $keys[dim][x.id]
     END] AS raws
WITH p, x, [raw IN raws |
             [k IN coalesce(raw, []) WHERE k IS NOT NULL AND trim(toString(k)) <> ''
              | toString(k)]] AS cleaned
WITH p, x, [keys IN cleaned | CASE size(keys) WHEN 0 THEN ['UNKNOWN'] ELSE keys END]
     AS perDimension
UNWIND perDimension[0] AS k0
UNWIND perDimension[1] AS k1
UNWIND CASE size(perDimension) WHEN 3 THEN perDimension[2] ELSE [null] END AS k2
WITH p, x, CASE WHEN k2 IS NULL THEN [k0, k1] ELSE [k0, k1, k2] END AS keys
WITH p, keys, collect(DISTINCT x) AS members
ORDER BY size(members) DESC, keys
LIMIT 1000
CALL (p, members) {
  UNWIND members AS x
  MATCH (x)-[b:BUYS]->(p)
    WHERE coalesce(b.consideration, 'MONEY') = 'MONEY'
  WITH b.currency AS currency, sum(b.amount) AS amount
  ORDER BY currency
  RETURN collect({amount: amount, currency: currency}) AS revenue
}
RETURN keys, size(members) AS count, revenue
ORDER BY count DESC, keys;
