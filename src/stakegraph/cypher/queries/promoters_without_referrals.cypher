// Promoters of provider p who never referred anyone to it: stakeholders whose latest
// feedback score for p is 9 or 10 (latest by `at`, undated ones earliest, ties by id),
// and who made no referral for p (no REFERS with providerId = p). The easiest referrals
// to ask for.
// Parameters:
//   $providerId  string, required: the provider p                          e.g. 'toyco'
// Returns one row per such promoter, highest score first:
//   promoter     the promoter's name
//   promoterId   its id
//   latestNps    its latest nps for p (9 or 10)
//   answeredAt   when it gave that score (null when undated)
//   channel      where it gave it
//   responses    how many pieces of feedback it gave p in all
MATCH (p:Stakeholder {id: $providerId})
MATCH (x:Stakeholder)-[f:GIVES_FEEDBACK]->(p)
WHERE x <> p
WITH p, x, f
ORDER BY f.at IS NULL DESC, f.at, f.id
WITH p, x, collect(f) AS given
WITH p, x, size(given) AS responses, [f IN given WHERE f.nps IS NOT NULL] AS scored
WHERE size(scored) > 0 AND last(scored).nps >= 9
  AND NOT EXISTS { MATCH (x)-[r:REFERS]->(:Stakeholder) WHERE r.providerId = p.id }
WITH x, responses, last(scored) AS latest
RETURN x.name AS promoter, x.id AS promoterId, latest.nps AS latestNps,
       latest.at AS answeredAt, latest.channel AS channel, responses
ORDER BY latestNps DESC, promoter, promoterId;
