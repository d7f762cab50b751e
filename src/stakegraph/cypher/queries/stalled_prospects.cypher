// Stalled prospects of provider p: stakeholders who engaged with p, never bought from it
// (the PROSPECT lens), and have not engaged for at least $days days.
// Parameters:
//   $providerId  string, required: the provider p                          e.g. 'acme'
//   $asOf        datetime, optional: the day to count from; null for now   e.g. '2024-09-01T00:00:00Z'
//   $days        integer, required: days of silence that count as stalled  e.g. 30
// Returns one row per stalled prospect, longest silent first:
//   prospect        the prospect's name
//   prospectId      its id
//   furthestStage   the furthest ENGAGES stage reached (AWARENESS < CONSIDERATION < INTENT
//                   < ADVOCACY)
//   lastChannel     the channel of the latest engagement
//   lastEngagedAt   when it last engaged (datetime)
//   daysSilent      whole days from lastEngagedAt to $asOf
MATCH (p:Stakeholder {id: $providerId})
MATCH (x:Stakeholder)-[e:ENGAGES]->(p)
WHERE x <> p AND NOT EXISTS { (x)-[:BUYS]->(p) }
WITH x, e ORDER BY e.at DESC
WITH x, collect(e) AS engagements, coalesce(datetime($asOf), datetime()) AS asOf
WITH x, asOf, engagements[0] AS latest,
     [stage IN ['ADVOCACY', 'INTENT', 'CONSIDERATION', 'AWARENESS']
      WHERE any(e IN engagements WHERE e.stage = stage)][0] AS furthestStage
WITH x, furthestStage, latest, duration.inDays(latest.at, asOf).days AS daysSilent
WHERE daysSilent >= $days
RETURN x.name AS prospect, x.id AS prospectId, furthestStage, latest.channel AS lastChannel,
       latest.at AS lastEngagedAt, daysSilent
ORDER BY daysSilent DESC, prospect, prospectId;
