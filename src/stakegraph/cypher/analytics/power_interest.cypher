// Power/interest grid of an organisation's buying center: the people who are MEMBER_OF the
// organisation or of one of its departments (nested, via PART_OF) with a buyingRole, and,
// when $providerId is given, whose membership scope is empty or contains it.
//   power     the highest $rolePower of the person's buying roles (0..1)
//   interest  $interestUse when the person USES the provider (any provider when
//             $providerId is null), plus $interestPerEngagement for each ENGAGES towards it
//             made in the $engagementWindowDays days up to $asOf (at most
//             $interestEngagementCap from engagement), capped at 1
//   quadrant  KEY_PLAYER (power >= $powerThreshold and interest >= $interestThreshold),
//             KEEP_SATISFIED (high power, low interest), KEEP_INFORMED (low power, high
//             interest), MONITOR (both low)
//
// Parameters (cypher-shell examples, the defaults):
//   :param organizationId => 'globex'
//   :param providerId => 'initech'          // or null: every provider
//   :param asOf => datetime('2025-01-01T00:00:00Z')
//   :param rolePower => {DECIDER: 1.0, APPROVER: 0.9, BUYER: 0.8, INFLUENCER: 0.45, CHAMPION: 0.4, GATEKEEPER: 0.3, INITIATOR: 0.3, USER: 0.2}
//   :param interestUse => 0.5
//   :param interestPerEngagement => 0.25
//   :param interestEngagementCap => 0.5
//   :param engagementWindowDays => 90
//   :param powerThreshold => 0.5
//   :param interestThreshold => 0.5
//
// Columns: person (node), roles (their buying roles, sorted), power, interest, uses
//   (boolean), recentEngagements (count), quadrant. Order: power, interest (both
//   descending), name, id. When the organisation exists but has no such member, one row
//   with a null person comes back; when no Organization has that id, no row.
MATCH (o:Organization {id: $organizationId})
OPTIONAL MATCH (x:Person)-[m:MEMBER_OF]->(unit)-[:PART_OF*0..]->(o)
  WHERE m.buyingRole IS NOT NULL
    AND ($providerId IS NULL OR m.scope IS NULL OR size(m.scope) = 0 OR $providerId IN m.scope)
    AND (unit = o OR unit:Department)
WITH x, m.buyingRole AS role
ORDER BY role
WITH x, collect(DISTINCT role) AS roles
WITH x, roles,
     reduce(best = 0.0, r IN roles |
       CASE WHEN toFloat(coalesce($rolePower[r], 0.0)) > best
            THEN toFloat(coalesce($rolePower[r], 0.0)) ELSE best END) AS power,
     CASE WHEN x IS NULL THEN false
          ELSE EXISTS { MATCH (x)-[:USES]->(q:Stakeholder)
                        WHERE $providerId IS NULL OR q.id = $providerId } END AS uses,
     CASE WHEN x IS NULL THEN 0
          ELSE COUNT { MATCH (x)-[e:ENGAGES]->(q:Stakeholder)
                       WHERE ($providerId IS NULL OR q.id = $providerId)
                         AND e.at <= $asOf
                         AND e.at >= $asOf - duration({days: $engagementWindowDays}) } END
       AS recentEngagements
WITH x, roles, power, uses, recentEngagements,
     CASE WHEN uses THEN $interestUse ELSE 0.0 END
     + CASE WHEN recentEngagements * $interestPerEngagement > $interestEngagementCap
            THEN $interestEngagementCap
            ELSE recentEngagements * $interestPerEngagement END AS interest
WITH x, roles, power, uses, recentEngagements,
     CASE WHEN interest > 1.0 THEN 1.0 ELSE toFloat(interest) END AS interest
RETURN x AS person, roles, power, interest, uses, recentEngagements,
       CASE WHEN x IS NULL THEN null
            WHEN power >= $powerThreshold AND interest >= $interestThreshold THEN 'KEY_PLAYER'
            WHEN power >= $powerThreshold THEN 'KEEP_SATISFIED'
            WHEN interest >= $interestThreshold THEN 'KEEP_INFORMED'
            ELSE 'MONITOR' END AS quadrant
ORDER BY power DESC, interest DESC, person.name, person.id;
