// The customers of provider p in one bucket of `segments` (segmentMembers): the same
// customers, dimension and bucket keys as analytics/segments (the passage up to `AS keys`
// is word for word the same: cypher/README.md, "One passage, one text"), one keyset page
// of them in (name, id) order.
//   CUSTOMER_TYPE  INDIVIDUAL (Person), INTERNAL (Department), else the orgType
//   COUNTRY, REGION, CITY, INDUSTRY   the property
//   AGE_BAND       year of asOf - birthYear: <18, 18-24, 25-34, 35-44, 45-54, 55-64, 65+
//   INTEREST, VALUE, NEED, TECHNOLOGY the list properties (a customer is in each bucket)
//   SIZE_BAND      employees: 1-9 (also 0), 10-49, 50-249, 250-999, 1000+
//   RFM_SEGMENT, JOURNEY_STAGE, LENS  computed beforehand and passed in $keys
//   a customer without a value is in 'UNKNOWN'; keys are compared exactly (case-sensitive)
//
// Parameters (cypher-shell examples):
//   :param providerId => 'initech'
//   :param customerIds => ['globex', 'dana']   // p's customers (from the lens files)
//   :param by => 'COUNTRY'
//   :param key => 'US'                        // the bucket, as segments names it
//   :param asOf => datetime('2025-01-01T00:00:00Z')  // the date AGE_BAND is counted at
//                                                     // (null: now)
//   :param keys => {}               // id -> list of bucket keys, for RFM_SEGMENT,
//                                   // JOURNEY_STAGE and LENS, e.g. {globex: ['Champions']}
//   :param afterName => null        // the keyset cursor: the last (name, id) seen, or null
//   :param afterId => null
//   :param first => 50              // the page size
//
// Columns (one row): total (customers in the bucket), page (list of nodes after the
//   cursor, at most $first), hasNext (whether more follow).
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
WITH x, [k IN CASE size(keys) WHEN 0 THEN ['UNKNOWN'] ELSE keys END | toString(k)] AS keys
WHERE $key IN keys
WITH x
ORDER BY x.name, x.id
WITH collect(x) AS members
WITH size(members) AS total,
     [m IN members WHERE $afterName IS NULL OR m.name > $afterName
        OR (m.name = $afterName AND m.id > $afterId)] AS rest
RETURN total, rest[0..$first] AS page, size(rest) > $first AS hasNext;
