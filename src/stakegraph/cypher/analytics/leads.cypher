// Lead scoring of provider p's prospects (x ENGAGES p and no x BUYS p, x <> p), best first.
//   score = fit (0-50) + engagement (0-50); qualified when score >= $qualifiedAt.
// Fit: how well x matches p's ideal customer profile (ICP) on four dimensions: INDUSTRY,
//   SIZE_BAND (employees 1-9, 10-49, 50-249, 250-999, 1000+), COUNTRY, TECHNOLOGY.
//   The ICP is explicit when p has any of the list properties icpIndustries, icpSizeBands,
//   icpCountries, icpTechnologies; otherwise it is derived: per dimension, the
//   $icpTopValues values held by most of p's TRANSACTIONAL customers (ties alphabetical).
//   A stakeholder's traits are its own properties together with those of its home
//   organisations (MEMBER_OF / PART_OF upwards). A dimension matches when any trait is in
//   the ICP; fit = 50 x (weights of matching dimensions) / (weights of the dimensions the
//   ICP fills), with weights from $fitWeights; no ICP at all gives fit 0.
// Engagement: sum over x's ENGAGES to p made at or before $asOf of
//   $stageWeights[stage] x 0.5 ^ (age in days / $halfLifeDays), capped at 50.
//
// Parameters (cypher-shell examples, the defaults):
//   :param providerId => 'initech'
//   :param asOf => datetime('2025-01-01T00:00:00Z')
//   :param first => 50
//   :param stageWeights => {AWARENESS: 5.0, CONSIDERATION: 10.0, INTENT: 20.0, ADVOCACY: 10.0}
//   :param halfLifeDays => 30.0
//   :param fitWeights => {INDUSTRY: 1.0, SIZE_BAND: 1.0, COUNTRY: 1.0, TECHNOLOGY: 1.0}
//   :param icpTopValues => 3
//   :param qualifiedAt => 60.0
//
// Columns: prospect (node), score, fit, engagement (floats), qualified (boolean),
//   reasons (list of sentences: the fit per dimension, the engagement per stage, the verdict).
// Order: score descending, then name and id; at most $first rows.
MATCH (p:Stakeholder {id: $providerId})
CALL (p) {
  MATCH (c:Stakeholder)-[b:BUYS]->(p)
    WHERE coalesce(b.consideration, 'MONEY') = 'MONEY' AND c <> p
  WITH DISTINCT c
  OPTIONAL MATCH (c)-[:MEMBER_OF|PART_OF*]->(home:Organization)
  WITH c, [c] + collect(DISTINCT home) AS profile
  UNWIND
    [n IN profile WHERE n.industry IS NOT NULL | ['INDUSTRY', n.industry]]
    + [n IN profile WHERE n.employees IS NOT NULL | ['SIZE_BAND',
        CASE WHEN n.employees < 10 THEN '1-9' WHEN n.employees < 50 THEN '10-49'
             WHEN n.employees < 250 THEN '50-249' WHEN n.employees < 1000 THEN '250-999'
             ELSE '1000+' END]]
    + [n IN profile WHERE n.country IS NOT NULL | ['COUNTRY', n.country]]
    + reduce(ts = [], n IN profile | ts + [t IN coalesce(n.technologies, []) | ['TECHNOLOGY', t]])
    AS trait
  WITH trait[0] AS dimension, trait[1] AS value, count(DISTINCT c) AS holders
  ORDER BY holders DESC, value
  WITH dimension, collect(value)[..$icpTopValues] AS values
  RETURN collect({dimension: dimension, values: values}) AS derived
}
WITH p, derived,
     COUNT { MATCH (c:Stakeholder)-[b:BUYS]->(p)
               WHERE coalesce(b.consideration, 'MONEY') = 'MONEY' AND c <> p
             RETURN DISTINCT c } AS customers,
     p.icpIndustries IS NOT NULL OR p.icpSizeBands IS NOT NULL
       OR p.icpCountries IS NOT NULL OR p.icpTechnologies IS NOT NULL AS explicit
WITH p, customers, explicit,
     CASE WHEN explicit THEN [
         {dimension: 'INDUSTRY', values: coalesce(p.icpIndustries, [])},
         {dimension: 'SIZE_BAND', values: coalesce(p.icpSizeBands, [])},
         {dimension: 'COUNTRY', values: coalesce(p.icpCountries, [])},
         {dimension: 'TECHNOLOGY', values: coalesce(p.icpTechnologies, [])}]
       ELSE [d IN ['INDUSTRY', 'SIZE_BAND', 'COUNTRY', 'TECHNOLOGY'] |
         {dimension: d, values: coalesce([e IN derived WHERE e.dimension = d | e.values][0], [])}]
     END AS icp
WITH p, customers, explicit,
     [d IN icp WHERE size(d.values) > 0 |
       d {.*, weight: toFloat(coalesce($fitWeights[d.dimension], 0.0))}] AS icp
WITH p, customers, explicit, icp, reduce(t = 0.0, d IN icp | t + d.weight) AS totalWeight
// the prospects and their traits
MATCH (x:Stakeholder)-[:ENGAGES]->(p)
  WHERE x <> p AND NOT EXISTS { (x)-[:BUYS]->(p) }
WITH DISTINCT p, customers, explicit, icp, totalWeight, x
OPTIONAL MATCH (x)-[:MEMBER_OF|PART_OF*]->(home:Organization)
WITH p, customers, explicit, icp, totalWeight, x, [x] + collect(DISTINCT home) AS profile
WITH p, customers, explicit, icp, totalWeight, x,
     [n IN profile WHERE n.industry IS NOT NULL | ['INDUSTRY', n.industry]]
     + [n IN profile WHERE n.employees IS NOT NULL | ['SIZE_BAND',
         CASE WHEN n.employees < 10 THEN '1-9' WHEN n.employees < 50 THEN '10-49'
              WHEN n.employees < 250 THEN '50-249' WHEN n.employees < 1000 THEN '250-999'
              ELSE '1000+' END]]
     + [n IN profile WHERE n.country IS NOT NULL | ['COUNTRY', n.country]]
     + reduce(ts = [], n IN profile | ts + [t IN coalesce(n.technologies, []) | ['TECHNOLOGY', t]])
     AS traits
WITH p, customers, explicit, icp, totalWeight, x,
     [d IN icp | d {.*,
       held: reduce(u = [], t IN traits |
               CASE WHEN t[0] <> d.dimension OR t[1] IN u THEN u ELSE u + t[1] END)}] AS checks
WITH p, customers, explicit, totalWeight, x,
     [c IN checks | c {.*, matched: [v IN c.held WHERE v IN c.values],
                        points: CASE WHEN totalWeight = 0 THEN 0.0
                                     ELSE 50.0 * c.weight / totalWeight END}] AS checks
WITH p, customers, explicit, x, checks,
     reduce(s = 0.0, c IN [c IN checks WHERE size(c.matched) > 0] | s + c.points) AS fit
// engagement, decayed to asOf
CALL (x, p) {
  MATCH (x)-[e:ENGAGES]->(p)
    WHERE e.at <= $asOf
  WITH e.stage AS stage, count(e) AS times,
       sum(toFloat(coalesce($stageWeights[e.stage], 0.0))
           * 0.5 ^ (duration.inSeconds(e.at, $asOf).seconds / 86400.0 / $halfLifeDays)) AS points
  ORDER BY points DESC, stage
  RETURN sum(points) AS rawEngagement,
         collect(stage + ' x' + toString(times) + ' (' + toString(round(points, 1)) + ')')
           AS engagementParts
}
WITH x, customers, explicit, checks, fit, engagementParts,
     CASE WHEN rawEngagement > 50.0 THEN 50.0 ELSE toFloat(rawEngagement) END AS engagement
WITH x, customers, explicit, checks, fit, engagementParts, engagement, fit + engagement AS score
RETURN x AS prospect, score, fit, engagement, score >= $qualifiedAt AS qualified,
  [CASE WHEN size(checks) = 0
     THEN 'fit 0 of 50: no ideal customer profile (none set on the provider, none derivable from its '
          + toString(customers) + ' paying customers)'
     ELSE 'fit ' + toString(round(fit, 1)) + ' of 50 against the '
          + CASE WHEN explicit THEN 'explicit ideal customer profile'
                 ELSE 'ideal customer profile derived from ' + toString(customers)
                      + ' paying customers' END
   END]
  + [c IN checks |
      replace(toLower(c.dimension), '_', ' ') + ' '
      + CASE
          WHEN size(c.matched) > 0
            THEN reduce(s = '', v IN c.matched | s + CASE s WHEN '' THEN '' ELSE ', ' END + v)
                 + ' matches (+' + toString(round(c.points, 1)) + ')'
          WHEN size(c.held) = 0 THEN 'unknown (profile: '
                 + reduce(s = '', v IN c.values | s + CASE s WHEN '' THEN '' ELSE ', ' END + v) + ')'
          ELSE reduce(s = '', v IN c.held | s + CASE s WHEN '' THEN '' ELSE ', ' END + v)
               + ' not in profile ('
               + reduce(s = '', v IN c.values | s + CASE s WHEN '' THEN '' ELSE ', ' END + v) + ')'
        END]
  + ['engagement ' + toString(round(engagement, 1)) + ' of 50'
     + CASE WHEN size(engagementParts) = 0 THEN ': no engagement up to the reference date'
            ELSE ' from ' + reduce(s = '', v IN engagementParts
                                   | s + CASE s WHEN '' THEN '' ELSE ', ' END + v)
                 + ', decayed with a '
                 + CASE WHEN $halfLifeDays = toInteger($halfLifeDays) THEN toString(toInteger($halfLifeDays))
                        ELSE toString($halfLifeDays) END + '-day half-life' END]
  + ['score ' + toString(round(score, 1))
     + CASE WHEN score >= $qualifiedAt THEN ' reaches ' ELSE ' is below ' END
     + CASE WHEN $qualifiedAt = toInteger($qualifiedAt) THEN toString(toInteger($qualifiedAt))
            ELSE toString($qualifiedAt) END + ': ' + CASE WHEN score >= $qualifiedAt THEN 'qualified'
                                           ELSE 'not qualified' END] AS reasons
ORDER BY score DESC, prospect.name, prospect.id
LIMIT $first;
