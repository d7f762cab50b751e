// Satisfaction of provider p's respondents (SPEC 13/14): per bucket, the NPS, the CSAT
// average, the number of responses and of respondents. A respondent is a stakeholder
// x <> p with x GIVES_FEEDBACK p in the window; feedback without `at` counts in every
// window (a missing end of the window is open).
//   nps          -100..100: % promoters (9-10) - % detractors (0-6) among the bucket's
//                respondents that gave an nps, each counted once with their LATEST nps in
//                the window (latest: by `at`, undated ones earliest, ties by id); null
//                when nobody in the bucket gave an nps
//   csatAverage  the mean of every csat given in the window (each response counts);
//                null when none
//   responses    feedback relationships in the window
//   respondents  distinct stakeholders who gave them
// Buckets: 'ALL' when $by is null; otherwise the keys of analytics/segments for that
// dimension, computed for the respondents (one lacking the value lands in 'UNKNOWN'; a
// multi-valued property puts a respondent in each of its buckets). RFM_SEGMENT,
// JOURNEY_STAGE and LENS keys are computed first and passed in $keys. Empty buckets do
// not appear.
//
// Parameters (cypher-shell examples):
//   :param providerId => 'toyco'
//   :param since => null              // datetime or null: window start (inclusive)
//   :param until => null              // datetime or null: window end (exclusive)
//   :param by => null                 // a SegmentDimension name, e.g. 'COUNTRY', or null
//   :param asOf => datetime()         // the date AGE_BAND is counted at (null: now)
//   :param keys => {}                 // id -> list of keys, for RFM_SEGMENT,
//                                     // JOURNEY_STAGE and LENS
//
// Columns: key, nps, csatAverage, responses, respondents.
// Order: respondents descending, then key.
MATCH (p:Stakeholder {id: $providerId})
MATCH (x:Stakeholder)-[f:GIVES_FEEDBACK]->(p)
  WHERE x <> p
    AND (f.at IS NULL
         OR (($since IS NULL OR f.at >= $since) AND ($until IS NULL OR f.at < $until)))
WITH x, f
ORDER BY f.at IS NULL DESC, f.at, f.id
WITH x, collect(f) AS given
WITH x, size(given) AS responses,
     [f IN given WHERE f.csat IS NOT NULL | f.csat] AS csats,
     [f IN given WHERE f.nps IS NOT NULL | f.nps] AS scores
WITH x, responses, csats, CASE size(scores) WHEN 0 THEN null ELSE last(scores) END AS latestNps,
     CASE coalesce($by, 'ALL')
       WHEN 'ALL' THEN ['ALL']
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
WITH x, responses, csats, latestNps,
     [k IN coalesce(raw, []) WHERE k IS NOT NULL AND trim(toString(k)) <> ''] AS keys
UNWIND CASE size(keys) WHEN 0 THEN ['UNKNOWN'] ELSE keys END AS key
WITH toString(key) AS key, count(DISTINCT x) AS respondents, sum(responses) AS responses,
     collect(latestNps) AS npsScores, collect(csats) AS csatLists
WITH key, respondents, responses, npsScores,
     reduce(acc = [], c IN csatLists | acc + c) AS csatScores
RETURN key,
       CASE size(npsScores) WHEN 0 THEN null
         ELSE 100.0 * (size([s IN npsScores WHERE s >= 9]) - size([s IN npsScores WHERE s <= 6]))
              / size(npsScores) END AS nps,
       CASE size(csatScores) WHEN 0 THEN null
         ELSE toFloat(reduce(total = 0, c IN csatScores | total + c)) / size(csatScores)
       END AS csatAverage,
       responses, respondents
ORDER BY respondents DESC, key;
