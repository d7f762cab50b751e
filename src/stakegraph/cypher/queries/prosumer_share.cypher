// Prosumer share of each platform: of the stakeholders who use or buy from a platform
// (anything that receives CONTRIBUTES), how many also contribute to it (the
// COLLABORATIVE lens).
// Parameters: none.
// Returns one row per platform, highest share first:
//   platform       the platform's name
//   platformId     its id
//   contributors   how many stakeholders contribute to it
//   users          how many use it or buy from it
//   prosumers      how many both contribute and use or buy
//   prosumerShare  prosumers / users, rounded to 3 decimals (0.0 without users)
MATCH (:Stakeholder)-[:CONTRIBUTES]->(platform:Stakeholder)
WITH DISTINCT platform
CALL (platform) {
  MATCH (c:Stakeholder)-[:CONTRIBUTES]->(platform)
  WHERE c <> platform
  RETURN count(DISTINCT c) AS contributors
}
CALL (platform) {
  OPTIONAL MATCH (u:Stakeholder)-[:USES|BUYS]->(platform)
  WHERE u <> platform
  WITH DISTINCT u
  RETURN count(u) AS users,
         count(CASE WHEN EXISTS { (u)-[:CONTRIBUTES]->(platform) } THEN u END) AS prosumers
}
RETURN platform.name AS platform, platform.id AS platformId, contributors, users, prosumers,
       CASE users WHEN 0 THEN 0.0 ELSE round(toFloat(prosumers) / users, 3) END AS prosumerShare
ORDER BY prosumerShare DESC, platform, platformId;
