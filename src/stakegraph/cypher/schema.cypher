// The schema: uniqueness constraints and the indexes the lenses and listings use.
// Idempotent (IF NOT EXISTS): `stakegraph schema apply` and the server at start run it.
// Parameters: none. Run it whole in cypher-shell: `cypher-shell -f cypher/schema.cypher`.

// Every stakeholder has a unique id; the constraint's index is what every lens starts from.
CREATE CONSTRAINT stakeholder_id IF NOT EXISTS
FOR (n:Stakeholder) REQUIRE n.id IS UNIQUE;

// Interaction relationships carry a unique id (removeRelation, idempotent import).
CREATE CONSTRAINT buys_id IF NOT EXISTS FOR ()-[r:BUYS]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT uses_id IF NOT EXISTS FOR ()-[r:USES]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT serves_id IF NOT EXISTS FOR ()-[r:SERVES]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT contributes_id IF NOT EXISTS FOR ()-[r:CONTRIBUTES]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT engages_id IF NOT EXISTS FOR ()-[r:ENGAGES]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT gives_feedback_id IF NOT EXISTS
FOR ()-[r:GIVES_FEEDBACK]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT refers_id IF NOT EXISTS FOR ()-[r:REFERS]-() REQUIRE r.id IS UNIQUE;

// Structural relationships carry an id too (removeRelation, export): indexed, not unique,
// because they are MERGEd on their (from, to) pair.
CREATE INDEX member_of_id IF NOT EXISTS FOR ()-[r:MEMBER_OF]-() ON (r.id);
CREATE INDEX part_of_id IF NOT EXISTS FOR ()-[r:PART_OF]-() ON (r.id);
CREATE INDEX parent_of_id IF NOT EXISTS FOR ()-[r:PARENT_OF]-() ON (r.id);

// Listings sort by (name, id) and search by name.
CREATE INDEX stakeholder_name IF NOT EXISTS FOR (n:Stakeholder) ON (n.name);
CREATE TEXT INDEX stakeholder_name_text IF NOT EXISTS FOR (n:Stakeholder) ON (n.name);

// stakeholders(filter): the listing starts from an index seek on the first of countries,
// industries, orgTypes given (reads/stakeholders).
CREATE INDEX stakeholder_country IF NOT EXISTS FOR (n:Stakeholder) ON (n.country);
CREATE INDEX stakeholder_industry IF NOT EXISTS FOR (n:Stakeholder) ON (n.industry);
CREATE INDEX stakeholder_org_type IF NOT EXISTS FOR (n:Stakeholder) ON (n.orgType);

// Kind listings.
CREATE INDEX organization_name IF NOT EXISTS FOR (n:Organization) ON (n.name);
CREATE INDEX department_name IF NOT EXISTS FOR (n:Department) ON (n.name);
CREATE INDEX person_name IF NOT EXISTS FOR (n:Person) ON (n.name);

// Lens filters on purchase properties (TRANSACTIONAL, CLIENT) and analytics by date.
CREATE INDEX buys_consideration IF NOT EXISTS FOR ()-[r:BUYS]-() ON (r.consideration);
CREATE INDEX buys_at IF NOT EXISTS FOR ()-[r:BUYS]-() ON (r.at);
CREATE INDEX engages_at IF NOT EXISTS FOR ()-[r:ENGAGES]-() ON (r.at);

// The voice of the customer (SPEC 13): satisfaction windows by feedback date, referrals
// looked up by the provider they were for (referrals, removeStakeholder of a provider).
CREATE INDEX gives_feedback_at IF NOT EXISTS FOR ()-[r:GIVES_FEEDBACK]-() ON (r.at);
CREATE INDEX refers_provider IF NOT EXISTS FOR ()-[r:REFERS]-() ON (r.providerId);

// search: full-text over name, tags (a list of strings: each is indexed), city, country and
// industry. No stop words, so that country codes such as IT or AT stay searchable.
CREATE FULLTEXT INDEX stakeholder_search IF NOT EXISTS
FOR (n:Stakeholder) ON EACH [n.name, n.tags, n.city, n.country, n.industry]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-no-stop-words'}};
