// The persona of provider p: its representative customer (SPEC 13/14), drawn from a set
// of p's customers passed in by id (e.g. every lens but PROSPECT). Departments are left
// out; people and organisations each get their own traits:
//   PERSON        AGE_BAND, COUNTRY, INTEREST, VALUE, NEED
//   ORGANIZATION  INDUSTRY, SIZE_BAND, COUNTRY, TECHNOLOGY
// (keys as in analytics/segments). For each kind and dimension, the most common value
// (ties: alphabetically first) and its share = customers of that kind holding the value /
// customers of that kind (0..1). A multi-valued property counts for each of its values; a
// customer lacking the property holds no value (it still counts in the denominator). A
// dimension nobody of that kind has a value for gives no trait.
//
// Parameters (cypher-shell examples):
//   :param providerId => 'toyco'
//   :param customerIds => ['mia', 'jonas']
//   :param asOf => datetime()         // the date AGE_BAND is counted at (null: now)
//
// Columns (one row; none when p does not exist):
//   customers  how many customers the persona was drawn from (people + organisations)
//   people, organizations  how many of each
//   traits     list of {kind, dimension, value, share}, people first, dimensions in the
//              order above
MATCH (p:Stakeholder {id: $providerId})
CALL (p) {
  UNWIND $customerIds AS customerId
  MATCH (x:Stakeholder {id: customerId})
    WHERE x <> p AND (x:Person OR x:Organization)
  RETURN collect(DISTINCT x) AS customers
}
WITH customers, size([x IN customers WHERE x:Person]) AS people,
     size([x IN customers WHERE x:Organization]) AS organizations
RETURN size(customers) AS customers, people, organizations, COLLECT {
  UNWIND customers AS x
  WITH x, CASE WHEN x:Person THEN 'PERSON' ELSE 'ORGANIZATION' END AS kind
  WITH x, kind, CASE kind
         WHEN 'PERSON' THEN ['AGE_BAND', 'COUNTRY', 'INTEREST', 'VALUE', 'NEED']
         ELSE ['INDUSTRY', 'SIZE_BAND', 'COUNTRY', 'TECHNOLOGY'] END AS dimensions
  UNWIND range(0, size(dimensions) - 1) AS position
  WITH x, kind, position, dimensions[position] AS dimension
  WITH x, kind, position, dimension, CASE dimension
           WHEN 'COUNTRY' THEN [x.country]
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
       END AS raw
  UNWIND [k IN coalesce(raw, []) WHERE k IS NOT NULL AND trim(toString(k)) <> ''] AS value
  WITH kind, position, dimension, toString(value) AS value, count(DISTINCT x) AS holders
  ORDER BY holders DESC, value
  WITH kind, position, dimension, collect({value: value, holders: holders})[0] AS top
  RETURN {kind: kind, dimension: dimension, value: top.value,
          share: toFloat(top.holders)
                 / CASE kind WHEN 'PERSON' THEN people ELSE organizations END} AS trait
  ORDER BY kind DESC, position
} AS traits;
