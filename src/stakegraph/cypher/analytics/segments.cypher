// Segmentation of a set of provider p's customers by one dimension: for each bucket, how
// many customers fall in it and the MONEY revenue they brought p, per currency. The
// customer set comes from the caller (e.g. customersOf with some lenses), as ids.
// A customer with a multi-valued property (interests, values, needs, technologies) lands
// in each of its buckets; one lacking the property lands in 'UNKNOWN'.
//   CUSTOMER_TYPE  INDIVIDUAL (Person), INTERNAL (Department), else the orgType
//                  (BUSINESS, GOVERNMENT, INSTITUTION, NONPROFIT)
//   COUNTRY, REGION, CITY, INDUSTRY   the property
//   AGE_BAND       year of asOf - birthYear: <18, 18-24, 25-34, 35-44, 45-54, 55-64, 65+
//   INTEREST, VALUE, NEED, TECHNOLOGY the list properties interests, values, needs,
//                  technologies
//   SIZE_BAND      employees: 1-9 (also 0), 10-49, 50-249, 250-999, 1000+
//   RFM_SEGMENT, JOURNEY_STAGE, LENS  computed beforehand and passed in $keys
//
// Parameters (cypher-shell examples):
//   :param providerId => 'initech'
//   :param customerIds => ['globex', 'dana']
//   :param by => 'COUNTRY'
//   :param asOf => datetime('2025-01-01T00:00:00Z')  // the date AGE_BAND is counted at
//                                                     // (null: now)
//   :param keys => {}               // id -> list of bucket keys, for RFM_SEGMENT,
//                                   // JOURNEY_STAGE and LENS, e.g. {globex: ['Champions']}
//
// Columns: key (bucket), count (customers in it), revenue (list of {amount, currency},
//   ordered by currency; MONEY purchases of those customers from p, never converted).
// Order: count descending, then key.
MATCH (p:Stakeholder {id: $providerId})
UNWIND $customerIds AS customerId
MATCH (x:Stakeholder {id: customerId})
  WHERE x <> p
WITH DISTINCT p, x
WITH p, x,
     CASE $by
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
       ELSE $keys[x.id]
     END AS raw
WITH p, x,
     [k IN coalesce(raw, []) WHERE k IS NOT NULL AND trim(toString(k)) <> ''] AS keys
UNWIND CASE size(keys) WHEN 0 THEN ['UNKNOWN'] ELSE keys END AS key
WITH p, toString(key) AS key, collect(DISTINCT x) AS members
CALL (p, members) {
  UNWIND members AS x
  MATCH (x)-[b:BUYS]->(p)
    WHERE coalesce(b.consideration, 'MONEY') = 'MONEY'
  WITH b.currency AS currency, sum(b.amount) AS amount
  ORDER BY currency
  RETURN collect({amount: amount, currency: currency}) AS revenue
}
RETURN key, size(members) AS count, revenue
ORDER BY count DESC, key;
