"""The API's manual: a description for every schema element that has none in the code.

GraphiQL's docs pane shows these. Descriptions written in the code (`description=` on a
Strawberry type, field, argument or enum value) win; this table describes the rest, by
schema coordinate:

    "Type"                  an object, interface, input, enum or scalar
    "Type.field"            a field of an object or interface, or an input field
    "Type.field(argument)"  an argument
    "Enum.VALUE"            an enum value
    "*Suffix.field"         that field of every type whose name ends in Suffix (the
                            paging fields of every *Connection and *Edge)

A field of an object that has no description of its own takes its interface's (so
`Organization.name` reads like `Stakeholder.name`). `describe` applies the table to a
built schema; tests/test_descriptions.py walks the introspection result and fails on any
element left without a description, and on any entry here that names nothing.
"""

from __future__ import annotations

from graphql import (
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLInterfaceType,
    GraphQLObjectType,
    GraphQLSchema,
)

_PAGE_FIRST = "How many to return on this page (at most 500)."
_PAGE_AFTER = "The `endCursor` of the previous page; absent = the first page."
_NEW_ID = (
    "The stakeholder's id (1-128 characters of letters, digits and `_.:-`): creates it, or "
    "updates the one with this id. Absent = a new id is generated."
)
_REL_ID = (
    "The relationship's id; recording the same id again updates that relationship. "
    "Absent = a new id is generated."
)
_COUNTRY = "ISO 3166-1 alpha-2 country code, e.g. `DE`."
_TAGS = 'Free labels for grouping and search, e.g. `["enterprise", "emea"]`.'
_CURRENCY = "ISO 4217 currency code, e.g. `EUR`."

DESCRIPTIONS: dict[str, str] = {
    # ------------------------------------------------------------------ scalars, roots
    "Query": (
        "Read the stakeholder graph: who counts as whose customer under which lens, with "
        "the evidence, plus buying centers, customer analytics and the graph around a node."
    ),
    "Mutation": (
        "Write the stakeholder graph: stakeholders, memberships and the relationships the "
        "lenses read. Each mutation is one transaction and keeps role labels true; one that "
        "fails writes nothing."
    ),
    # ------------------------------------------------------------------ queries
    "Query.stakeholder(id)": "The stakeholder's id.",
    "Query.stakeholders(first)": _PAGE_FIRST,
    "Query.stakeholders(after)": _PAGE_AFTER,
    "Query.customersOf(providerId)": "The provider whose customers are listed.",
    "Query.customersOf(first)": _PAGE_FIRST,
    "Query.customersOf(after)": _PAGE_AFTER,
    "Query.providersOf(customerId)": "The stakeholder whose providers are listed.",
    "Query.providersOf(first)": _PAGE_FIRST,
    "Query.providersOf(after)": _PAGE_AFTER,
    "Query.explain(customerId)": "The stakeholder that may be a customer.",
    "Query.explain(providerId)": "The provider it may be a customer of.",
    "Query.buyingCenter(organizationId)": "The buying organisation.",
    "Query.buyingCenter(providerId)": (
        "Only memberships whose scope covers purchases from this provider (an empty scope "
        "covers every provider); absent = every membership."
    ),
    "Query.customerMap(providerId)": "The provider whose customers and prospects are mapped.",
    "Query.mutualCustomers(stakeholderId)": (
        "The stakeholder whose two-way customer relationships are listed."
    ),
    "Query.lifetimeValue(customerId)": "The customer whose value is computed.",
    "Query.lifetimeValue(providerId)": "The provider the value is for.",
    "Query.lifetimeValue(retentionRate)": (
        "Share of customers kept per year, 0..1; with `discountRate` it adds `retentionValue`."
    ),
    "Query.lifetimeValue(discountRate)": (
        "Yearly discount rate, e.g. 0.1; with `retentionRate` it adds `retentionValue`."
    ),
    "Query.rfm(providerId)": "The provider whose TRANSACTIONAL customers are scored.",
    "Query.rfm(asOf)": "The reference date recency is counted from; absent = now.",
    "Query.journeyStage(customerId)": "The stakeholder on the journey.",
    "Query.journeyStage(providerId)": "The provider the journey leads to.",
    "Query.segments(providerId)": "The provider whose customers are segmented.",
    "Query.segments(by)": "The dimension to group the customers by.",
    "Query.leads(providerId)": "The provider whose prospects are scored.",
    "Query.leads(asOf)": "The reference date engagement decays towards; absent = now.",
    "Query.leads(first)": "How many leads to return, best first.",
    "Query.powerInterest(organizationId)": "The account whose buying center is placed.",
    "Query.powerInterest(providerId)": (
        "Only memberships scoped to this provider count, and interest comes from use of and "
        "engagement with it; absent = every membership and provider."
    ),
    # ------------------------------------------------------------------ stakeholders
    "Stakeholder.id": "Unique id, chosen by the client or generated (1-128 of `[A-Za-z0-9_.:-]`).",
    "Stakeholder.name": "Display name.",
    "Stakeholder.kind": "Whether this is an organisation, a department or a person.",
    "Stakeholder.roles": (
        "Role labels that follow from the relationships (e.g. END_USER for anyone who "
        "uses an offering); kept up to date by every write."
    ),
    "Stakeholder.country": _COUNTRY,
    "Stakeholder.region": "Region or state, free text.",
    "Stakeholder.city": "City, free text.",
    "Stakeholder.tags": _TAGS,
    "Stakeholder.createdAt": "When the stakeholder was first written.",
    "Stakeholder.updatedAt": "When the stakeholder was last written.",
    "StakeholderKind": "The three kinds of stakeholder node.",
    "StakeholderKind.ORGANIZATION": (
        "A company, public body, institution or nonprofit: buys, sells and is the home of "
        "its departments and members."
    ),
    "StakeholderKind.DEPARTMENT": (
        "A unit inside an organisation (PART_OF it or of another department); internal "
        "customers are departments served by their own organisation."
    ),
    "StakeholderKind.PERSON": (
        "An individual: a consumer, a parent, an end user or a member of a buying center."
    ),
    "Role.BUYING_CENTER_MEMBER": "A person with a buying role in an organisation's buying center.",
    "Role.END_USER": "A stakeholder that uses some provider's offering (has a USES).",
    "Role.PARENT": "A person recorded as the parent of another (PARENT_OF).",
    "Role.PROSUMER": (
        "A stakeholder that contributes to a platform it also uses or buys from (a creator)."
    ),
    "Organization": (
        "A company, public body, institution or nonprofit, with its firmographics and, as a "
        "provider, its ideal customer profile (ICP) for lead scoring."
    ),
    "Organization.orgType": "Business, government, institution or nonprofit.",
    "Organization.industry": "The industry it works in, free text, e.g. `Software`.",
    "Organization.employees": "Head count; sets its SIZE_BAND segment.",
    "Organization.annualRevenue": "Yearly revenue, in its own reporting currency.",
    "Organization.technologies": "Technologies it uses (technographic segmentation, ICP fit).",
    "Organization.grossMargin": (
        "Its gross margin as a provider, 0..1; used by predicted lifetime value (default 1.0)."
    ),
    "Organization.expectedLifespanYears": (
        "How many years a customer relationship is expected to last; used by predicted "
        "lifetime value (default 3)."
    ),
    "Organization.icpIndustries": (
        "Ideal customer profile: industries that fit. Empty = derived from its "
        "TRANSACTIONAL customers."
    ),
    "Organization.icpSizeBands": (
        "Ideal customer profile: size bands that fit (1-9, 10-49, 50-249, 250-999, 1000+)."
    ),
    "Organization.icpCountries": "Ideal customer profile: countries that fit (ISO codes).",
    "Organization.icpTechnologies": "Ideal customer profile: technologies that fit.",
    "Department": (
        "A unit of an organisation (PART_OF it, or of another department). Its members "
        "count in the organisation's buying center."
    ),
    "Person": (
        "An individual: consumer, end user, parent, or member of an organisation's buying "
        "center, with demographic and psychographic properties for segmentation."
    ),
    "Person.birthYear": "Year of birth; sets the AGE_BAND segment.",
    "Person.interests": "Interests (psychographic segmentation, INTEREST).",
    "Person.values": "Values the person holds (psychographic segmentation, VALUE).",
    "Person.needs": "Needs the person has (needs-based segmentation, NEED).",
    "OrgType": "What kind of organisation it is (also a CUSTOMER_TYPE segment).",
    "OrgType.BUSINESS": "A company.",
    "OrgType.GOVERNMENT": "A public authority.",
    "OrgType.INSTITUTION": "A school, hospital, university or similar institution.",
    "OrgType.NONPROFIT": "A charity, association or other nonprofit.",
    # ------------------------------------------------------------------ paging
    "StakeholderConnection": "One page of stakeholders, ordered by name then id.",
    "StakeholderEdge": "One stakeholder on a page, with its cursor.",
    "CustomerConnection": "One page of customer relationships, ordered by name then id.",
    "CustomerEdge": "One customer relationship on a page, with its cursor.",
    "*Connection.edges": "The items of this page, each with its cursor.",
    "*Connection.pageInfo": "Whether another page follows, and the cursor to ask for it.",
    "*Connection.totalCount": "How many items there are over all pages.",
    "*Edge.cursor": "Opaque position of this item: pass it as `after` to continue from here.",
    "*Edge.node": "The item.",
    "PageInfo": "Where a page ends and whether another follows.",
    "PageInfo.hasNextPage": "True when another page follows this one.",
    "PageInfo.endCursor": "Pass as `after` to get the next page; null on an empty page.",
    # ------------------------------------------------------------------ lenses, evidence
    "Lens.TRANSACTIONAL": "x bought from p and paid money (a BUYS with consideration MONEY).",
    "Lens.EXCHANGE": "x bought from p with any consideration: money, in kind, data, attention.",
    "Lens.BUYING_CENTER": (
        "x is a person with a buying role in an organisation (or one of its departments) "
        "that bought from p, and the membership's scope covers p."
    ),
    "Lens.END_USER": "x uses p's offering, whoever paid for it (a child playing with a toy).",
    "Lens.INTERNAL": "x receives from p (served, uses or buys) and both share a home organisation.",
    "Lens.BENEFICIARY": "x receives something p offers, paid or not: p serves x, x uses or buys.",
    "Lens.COLLABORATIVE": "x contributes to p and also uses or buys from it: a prosumer.",
    "Lens.PROSPECT": "x engages with p but has not bought: a potential customer.",
    "Lens.CLIENT": (
        "An ongoing arrangement: a subscription, contract or membership purchase, or an "
        "ongoing service."
    ),
    "Lens.REPEAT": "x bought from p at least twice: a repeat or loyal patron.",
    "CustomerRelation": (
        "One customer-provider pair with every asked lens that holds, and the evidence for each."
    ),
    "CustomerRelation.customer": "The stakeholder that counts as a customer.",
    "CustomerRelation.provider": "The provider it is a customer of.",
    "CustomerRelation.lenses": "The lenses (of those asked) under which it is a customer.",
    "CustomerRelation.evidence": "For each lens that holds, the paths that make it hold.",
    "Evidence.lens": "The lens this evidence supports.",
    "Evidence.summary": (
        "One plain-English sentence, e.g. \"Globex bought 'CRM suite' from Initech (CONTRACT, "
        '120000 USD, 2024-03-01)".'
    ),
    "Evidence.path": "The relationships walked, in order, from the customer's side.",
    "PathStep.from": "Where the relationship starts.",
    "PathStep.type": "The relationship's type.",
    "PathStep.to": "Where the relationship ends.",
    "PathStep.relationId": (
        "The relationship's id (usable with `removeRelation`); null when the stored "
        "relationship has none."
    ),
    "Verdict": 'Every lens\'s verdict on one customer-provider pair: the answer to "why?".',
    "Verdict.customer": "The stakeholder examined as a customer.",
    "Verdict.provider": "The provider examined.",
    "Verdict.isCustomer": "True when any lens other than PROSPECT holds.",
    "Verdict.lenses": "All ten lenses, each with whether it holds and its evidence.",
    "LensVerdict": "Whether one lens holds for a pair, and why.",
    "LensVerdict.lens": "The lens.",
    "LensVerdict.holds": "Whether the lens holds for the pair.",
    "LensVerdict.evidence": "The paths that make it hold; empty when it does not.",
    "CustomerMap": "A provider's customers and prospects, side by side.",
    "CustomerMap.provider": "The provider.",
    "CustomerMap.current": "Customers under any lens but PROSPECT.",
    "CustomerMap.potential": "Prospects: engaged, not yet buying.",
    # ------------------------------------------------------------------ relationships
    "RelationType": "The relationship types of the graph, named as in Neo4j.",
    "RelationType.BUYS": "buyer -> seller: one purchase (offering, amount, currency, at, kind).",
    "RelationType.USES": "user -> provider: uses an offering (since).",
    "RelationType.SERVES": "provider -> recipient: serves it, paid or not (since, ongoing).",
    "RelationType.CONTRIBUTES": "contributor -> platform: contributes content or work (what, at).",
    "RelationType.ENGAGES": "prospect -> provider: an engagement at a funnel stage (channel, at).",
    "RelationType.GIVES_FEEDBACK": (
        "customer -> provider: feedback (nps 0-10, csat 1-5, comment, offering, channel, at)."
    ),
    "RelationType.REFERS": (
        "referrer -> referred: a referral for the provider named by providerId (channel, at)."
    ),
    "RelationType.MEMBER_OF": (
        "person -> organisation or department: membership, with title and buying role."
    ),
    "RelationType.PART_OF": "department -> organisation or department: structure.",
    "RelationType.PARENT_OF": "person -> person: parent and child.",
    "Membership": "A person's membership in an organisation or department.",
    "Membership.person": "The member (a person).",
    "Membership.of": "The organisation or department.",
    "Membership.title": "Job title, free text.",
    "Membership.buyingRole": "The person's role in buying decisions; null = none.",
    "BuyingCenter": (
        "Everyone on the buying side of an organisation, departments included, and which "
        "buying roles are covered."
    ),
    "BuyingCenter.organization": "The buying organisation.",
    "BuyingCenter.members": "Its members and its departments' members, with their roles.",
    "BuyingCenter.coveredRoles": "Buying roles some member holds.",
    "BuyingCenter.missingRoles": "Buying roles no member holds.",
    "BuyingCenter.singleThreaded": (
        "True when at most one person holds a buying role: the account hangs on one contact."
    ),
    "BuyingRole": "A role in a B2B buying decision.",
    "BuyingRole.INITIATOR": "Starts the purchase by raising the need.",
    "BuyingRole.USER": "Will use what is bought.",
    "BuyingRole.INFLUENCER": "Shapes the requirements or the choice.",
    "BuyingRole.DECIDER": "Makes the final choice.",
    "BuyingRole.APPROVER": "Signs off the decision or the budget.",
    "BuyingRole.BUYER": "Handles procurement and the terms.",
    "BuyingRole.GATEKEEPER": "Controls the information and access that reach the center.",
    "BuyingRole.CHAMPION": "Sells internally for the vendor.",
    "PurchaseKind": "How a purchase is arranged; all but ONE_OFF make the buyer a CLIENT.",
    "PurchaseKind.ONE_OFF": "A single transaction.",
    "PurchaseKind.SUBSCRIPTION": "A recurring subscription.",
    "PurchaseKind.CONTRACT": "A contract over a period.",
    "PurchaseKind.MEMBERSHIP": "A membership.",
    "Consideration": (
        "What the buyer gave in return; MONEY counts as TRANSACTIONAL, any counts as EXCHANGE."
    ),
    "Consideration.MONEY": "Paid with money.",
    "Consideration.IN_KIND": "Paid with goods or services.",
    "Consideration.DATA": "Paid with data about the buyer.",
    "Consideration.ATTENTION": "Paid with attention, e.g. watching ads.",
    "Consideration.NONE": "Nothing given in return.",
    "EngagementStage": "How far a prospect's engagement has gone, in funnel order.",
    "EngagementStage.AWARENESS": "Knows the provider.",
    "EngagementStage.CONSIDERATION": "Considers the offering.",
    "EngagementStage.INTENT": "Intends to buy.",
    "EngagementStage.ADVOCACY": "Recommends the provider (moves a customer's journey to ADVOCACY).",
    # ------------------------------------------------------------------ analytics
    "LifetimeValue.currency": _CURRENCY,
    "LifetimeValue.historicalRevenue": "Sum of the customer's MONEY purchases in this currency.",
    "LifetimeValue.purchaseCount": "How many MONEY purchases in this currency.",
    "LifetimeValue.firstPurchase": "The first of those purchases.",
    "LifetimeValue.lastPurchase": "The last of those purchases.",
    "LifetimeValue.averageOrderValue": "historicalRevenue / purchaseCount (AOV).",
    "LifetimeValue.purchasesPerYear": "purchaseCount / max(1, years from first to last purchase).",
    "RfmScore.customer": "The customer scored.",
    "RfmScore.recencyDays": "Days from the last purchase to the reference date.",
    "RfmScore.frequency": "How many purchases.",
    "RfmScore.r": "Recency score 1-5 by quintile (5 = most recent).",
    "RfmScore.f": "Frequency score 1-5 by quintile (5 = most purchases).",
    "RfmScore.m": "Monetary score 1-5 by quintile (5 = most money).",
    "RfmScore.segment": (
        "The RFM segment: Champions, Loyal Customers, Potential Loyalist, New Customers, "
        "Promising, Need Attention, About To Sleep, At Risk, Can't Lose Them, Lost or Others."
    ),
    "JourneyStage.NONE": "No engagement and no purchase yet.",
    "JourneyStage.AWARENESS": "Furthest engagement: AWARENESS.",
    "JourneyStage.CONSIDERATION": "Furthest engagement: CONSIDERATION.",
    "JourneyStage.INTENT": "Furthest engagement: INTENT.",
    "JourneyStage.PURCHASE": "Has bought at least once.",
    "JourneyStage.RETENTION": "REPEAT or CLIENT holds: buys again or has an ongoing arrangement.",
    "JourneyStage.ADVOCACY": "A customer who also engaged at stage ADVOCACY.",
    "SegmentBucket.key": (
        "The bucket's value of the dimension (e.g. `DE`, `25-34`, `Champions`, `INDIVIDUAL`)."
    ),
    "SegmentBucket.count": "How many customers fall in this bucket.",
    "Money.amount": "The amount.",
    "Money.currency": _CURRENCY,
    "SegmentDimension.CUSTOMER_TYPE": (
        "INDIVIDUAL (a person), INTERNAL (a department), else the organisation's type: "
        "BUSINESS, GOVERNMENT, INSTITUTION, NONPROFIT."
    ),
    "SegmentDimension.COUNTRY": "Geographic: country code.",
    "SegmentDimension.REGION": "Geographic: region.",
    "SegmentDimension.CITY": "Geographic: city.",
    "SegmentDimension.AGE_BAND": "Demographic: age band from a person's birth year.",
    "SegmentDimension.INTEREST": "Psychographic: each of a person's interests.",
    "SegmentDimension.VALUE": "Psychographic: each of a person's values.",
    "SegmentDimension.NEED": "Needs-based: each of a person's needs.",
    "SegmentDimension.RFM_SEGMENT": "Behavioral: the customer's RFM segment.",
    "SegmentDimension.JOURNEY_STAGE": "Behavioral: the customer's journey stage.",
    "SegmentDimension.LENS": "Behavioral: each lens under which it is a customer.",
    "SegmentDimension.INDUSTRY": "Firmographic: an organisation's industry.",
    "SegmentDimension.SIZE_BAND": (
        "Firmographic: employees in 1-9, 10-49, 50-249, 250-999 or 1000+."
    ),
    "SegmentDimension.TECHNOLOGY": "Technographic: each technology an organisation uses.",
    "Lead.prospect": "The prospect scored.",
    "Lead.score": "fit + engagement, 0-100.",
    "Lead.fit": "How well the prospect matches the provider's ideal customer profile, 0-50.",
    "Lead.engagement": (
        "Engagement by stage (AWARENESS < CONSIDERATION < INTENT), decaying with a 30-day "
        "half-life, 0-50."
    ),
    "Lead.qualified": "True from a score of 60 (a server setting).",
    "Lead.reasons": "The breakdown behind the score, in words.",
    "PowerInterestEntry.person": "The buying-center member.",
    "PowerInterestEntry.power": "Power from the buying role (DECIDER, APPROVER, BUYER high), 0..1.",
    "PowerInterestEntry.interest": "Interest from use and recent engagement, 0..1.",
    "PowerInterestEntry.quadrant": "The grid cell that power and interest place the person in.",
    "Quadrant.KEY_PLAYER": "High power, high interest: manage closely.",
    "Quadrant.KEEP_SATISFIED": "High power, low interest: keep satisfied.",
    "Quadrant.KEEP_INFORMED": "Low power, high interest: keep informed.",
    "Quadrant.MONITOR": "Low power, low interest: monitor.",
    # ------------------------------------------------------------------ mutations
    "Mutation.upsertOrganization(input)": (
        "The organisation's properties; on an update, a field left out stays as stored and "
        "a field given as null is removed."
    ),
    "Mutation.upsertDepartment(input)": "The department's properties and where it belongs.",
    "Mutation.upsertPerson(input)": "The person's properties.",
    "Mutation.addMembership(input)": "Who is a member of what, with title and buying role.",
    "Mutation.addParentOf(parentId)": "The parent (a person), e.g. the one who buys the toy.",
    "Mutation.addParentOf(childId)": "The child (a person), e.g. the one who plays with it.",
    "Mutation.recordPurchase(input)": (
        "One purchase (a BUYS from buyer to seller): it can make the buyer a TRANSACTIONAL, "
        "EXCHANGE, CLIENT or REPEAT customer, and the buyer's buying center BUYING_CENTER ones."
    ),
    "Mutation.recordUse(input)": "Who uses whose offering (a USES): makes the user an END_USER.",
    "Mutation.recordService(input)": (
        "Who serves whom (a SERVES): makes the recipient a BENEFICIARY, a CLIENT when ongoing."
    ),
    "Mutation.recordContribution(input)": (
        "Who contributes to which platform (a CONTRIBUTES): with use or purchase, COLLABORATIVE."
    ),
    "Mutation.recordEngagement(input)": (
        "A prospect's engagement with a provider (an ENGAGES): PROSPECT until a purchase."
    ),
    "Mutation.recordFeedback(input)": (
        "A customer's feedback to a provider (a GIVES_FEEDBACK): at least one of nps, csat "
        "or comment; nps 9-10 from a customer moves its journey to ADVOCACY."
    ),
    "Mutation.recordReferral(input)": (
        "A referral (a REFERS): who referred whom, for which provider; it moves the "
        "referrer's journey with that provider to ADVOCACY when the referrer is its customer."
    ),
    "Mutation.removeRelation(id)": (
        "The relationship's id, as `Relation.id` or `PathStep.relationId` give it."
    ),
    "Mutation.removeStakeholder(id)": "The stakeholder's id.",
    "OrganizationInput": (
        "An organisation to create or update: a field left out stays as stored, a field "
        "given as null is removed."
    ),
    "OrganizationInput.id": _NEW_ID,
    "OrganizationInput.name": "Display name.",
    "OrganizationInput.country": _COUNTRY,
    "OrganizationInput.region": "Region or state, free text.",
    "OrganizationInput.city": "City, free text.",
    "OrganizationInput.tags": _TAGS,
    "OrganizationInput.orgType": "Business, government, institution or nonprofit.",
    "OrganizationInput.industry": "The industry it works in, free text.",
    "OrganizationInput.employees": "Head count (>= 0).",
    "OrganizationInput.annualRevenue": "Yearly revenue (>= 0).",
    "OrganizationInput.technologies": "Technologies it uses.",
    "OrganizationInput.grossMargin": "Gross margin as a provider, 0..1.",
    "OrganizationInput.expectedLifespanYears": "Expected years of a customer relationship.",
    "OrganizationInput.icpIndustries": "Ideal customer profile: industries.",
    "OrganizationInput.icpSizeBands": "Ideal customer profile: size bands, e.g. `50-249`.",
    "OrganizationInput.icpCountries": "Ideal customer profile: country codes.",
    "OrganizationInput.icpTechnologies": "Ideal customer profile: technologies.",
    "DepartmentInput": (
        "A department to create or update: a field left out stays as stored, a field given "
        "as null is removed."
    ),
    "DepartmentInput.id": _NEW_ID,
    "DepartmentInput.name": "Display name.",
    "DepartmentInput.country": _COUNTRY,
    "DepartmentInput.region": "Region or state, free text.",
    "DepartmentInput.city": "City, free text.",
    "DepartmentInput.tags": _TAGS,
    "DepartmentInput.partOfId": (
        "Places it under this organisation or department (a department has one parent: "
        "any other PART_OF goes); absent = its place stays as it is."
    ),
    "PersonInput": (
        "A person to create or update: a field left out stays as stored, a field given as "
        "null is removed."
    ),
    "PersonInput.id": _NEW_ID,
    "PersonInput.name": "Display name.",
    "PersonInput.country": _COUNTRY,
    "PersonInput.region": "Region or state, free text.",
    "PersonInput.city": "City, free text.",
    "PersonInput.tags": _TAGS,
    "PersonInput.birthYear": "Year of birth (AGE_BAND segments).",
    "PersonInput.interests": "Interests, e.g. `cycling` (INTEREST segments).",
    "PersonInput.values": "Values, e.g. `sustainability` (VALUE segments).",
    "PersonInput.needs": "Needs, e.g. `childcare` (NEED segments).",
    "MembershipInput": "A person's membership in an organisation or department.",
    "MembershipInput.personId": "The member (a person).",
    "MembershipInput.ofId": "The organisation or department.",
    "MembershipInput.title": "Job title.",
    "MembershipInput.buyingRole": "The person's buying role; absent = none.",
    "MembershipInput.scope": (
        "The providers whose purchases this buying role takes part in; empty or absent = "
        "all of the organisation's purchases."
    ),
    "PurchaseInput": "One purchase; `at` defaults to now, `id` to a new one.",
    "PurchaseInput.id": _REL_ID,
    "PurchaseInput.buyerId": "Who buys: the stakeholder that becomes the customer.",
    "PurchaseInput.sellerId": "Who sells: the provider.",
    "PurchaseInput.offering": "What was bought, e.g. `CRM suite`.",
    "PurchaseInput.amount": "The price (>= 0), in `currency`.",
    "PurchaseInput.currency": _CURRENCY,
    "PurchaseInput.at": "When it was bought; absent = now.",
    "PurchaseInput.kind": "One-off, subscription, contract or membership.",
    "PurchaseInput.consideration": "What the buyer gave: money unless said otherwise.",
    "UseInput": "A stakeholder using a provider's offering.",
    "UseInput.id": _REL_ID,
    "UseInput.userId": "Who uses it: the stakeholder that becomes an end user.",
    "UseInput.providerId": "Whose offering it is.",
    "UseInput.offering": "What is used, e.g. `CRM suite`.",
    "UseInput.since": "When the use began; absent = undated (it counts in every window).",
    "ServiceInput": "A provider serving a recipient, paid or not.",
    "ServiceInput.id": _REL_ID,
    "ServiceInput.providerId": "Who serves: the provider.",
    "ServiceInput.recipientId": "Who is served: the stakeholder that becomes a beneficiary.",
    "ServiceInput.offering": "What is provided.",
    "ServiceInput.since": "When the service began; absent = undated (counts in every window).",
    "ServiceInput.ongoing": "True for an ongoing arrangement (makes the recipient a CLIENT).",
    "ContributionInput": "A contribution to a platform.",
    "ContributionInput.id": _REL_ID,
    "ContributionInput.contributorId": "Who contributes.",
    "ContributionInput.platformId": "The platform contributed to.",
    "ContributionInput.what": "What was contributed, e.g. `review`.",
    "ContributionInput.at": "When it was contributed; absent = undated (counts in every window).",
    "EngagementInput": "One engagement of a prospect; `at` defaults to now.",
    "EngagementInput.id": _REL_ID,
    "EngagementInput.prospectId": "Who engages: the prospect.",
    "EngagementInput.providerId": "The provider engaged with.",
    "EngagementInput.stage": "How far the engagement went.",
    "EngagementInput.channel": "Where it happened, e.g. `webinar`.",
    "EngagementInput.at": "When; absent = now.",
    "FeedbackInput": (
        "One piece of feedback from a customer to a provider (GIVES_FEEDBACK): at least one "
        "of nps, csat or comment. `id` defaults to a new one; `at` to now."
    ),
    "FeedbackInput.id": "The feedback's id; a new one when absent.",
    "FeedbackInput.customerId": "Who gives the feedback.",
    "FeedbackInput.providerId": "Whom the feedback is about.",
    "FeedbackInput.at": "When it was given; now when absent.",
    "FeedbackInput.nps": "Net Promoter score, 0-10: how likely the customer is to recommend p.",
    "FeedbackInput.csat": "Customer satisfaction score, 1-5.",
    "FeedbackInput.comment": "What the customer said, in their words.",
    "FeedbackInput.offering": "The offering the feedback is about.",
    "FeedbackInput.channel": "Where it was given, e.g. 'survey' or 'email'.",
    "ReferralInput": (
        "A referral (REFERS): the referrer pointed the referred stakeholder to a provider. "
        "`id` defaults to a new one; `at` to now."
    ),
    "ReferralInput.id": "The referral's id; a new one when absent.",
    "ReferralInput.referrerId": "Who made the referral.",
    "ReferralInput.referredId": "Who was referred; neither the referrer nor the provider.",
    "ReferralInput.providerId": "The provider the referral was for; it must exist.",
    "ReferralInput.at": "When it was made; now when absent.",
    "ReferralInput.channel": "How, e.g. 'word of mouth' or 'email'.",
}


def _object_types(schema: GraphQLSchema) -> list[GraphQLObjectType | GraphQLInterfaceType]:
    return [
        kind
        for name, kind in schema.type_map.items()
        if not name.startswith("__") and isinstance(kind, GraphQLObjectType | GraphQLInterfaceType)
    ]


def coordinates(schema: GraphQLSchema) -> dict[str, str | None]:
    """Every describable element of the schema by coordinate, with its description."""
    found: dict[str, str | None] = {}
    for name, kind in schema.type_map.items():
        if name.startswith("__"):
            continue
        found[name] = kind.description
        if isinstance(kind, GraphQLObjectType | GraphQLInterfaceType):
            for field_name, field in kind.fields.items():
                found[f"{name}.{field_name}"] = field.description
                for arg_name, arg in field.args.items():
                    found[f"{name}.{field_name}({arg_name})"] = arg.description
        elif isinstance(kind, GraphQLInputObjectType):
            for field_name, input_field in kind.fields.items():
                found[f"{name}.{field_name}"] = input_field.description
        elif isinstance(kind, GraphQLEnumType):
            for value_name, value in kind.values.items():
                found[f"{name}.{value_name}"] = value.description
    return found


def _entry(type_name: str, rest: str) -> str | None:
    """The table's text for `type_name` + `rest` (e.g. ".edges"), exact entry first."""
    exact = DESCRIPTIONS.get(type_name + rest)
    if exact is not None:
        return exact
    for key, text in DESCRIPTIONS.items():
        if key.startswith("*") and key.endswith(rest) and type_name.endswith(key[1 : -len(rest)]):
            return text
    return None


def describe(schema: GraphQLSchema) -> None:
    """Fill in the descriptions the code left out: from the table, then from interfaces."""
    for name, kind in schema.type_map.items():
        if name.startswith("__"):
            continue
        if not kind.description:
            kind.description = DESCRIPTIONS.get(name)
        if isinstance(kind, GraphQLObjectType | GraphQLInterfaceType):
            for field_name, field in kind.fields.items():
                if not field.description:
                    field.description = _entry(name, f".{field_name}")
                for arg_name, arg in field.args.items():
                    if not arg.description:
                        arg.description = DESCRIPTIONS.get(f"{name}.{field_name}({arg_name})")
        elif isinstance(kind, GraphQLInputObjectType):
            for field_name, input_field in kind.fields.items():
                if not input_field.description:
                    input_field.description = DESCRIPTIONS.get(f"{name}.{field_name}")
        elif isinstance(kind, GraphQLEnumType):
            for value_name, value in kind.values.items():
                if not value.description:
                    value.description = DESCRIPTIONS.get(f"{name}.{value_name}")
    for kind in _object_types(schema):
        for interface in kind.interfaces:
            for field_name, field in kind.fields.items():
                inherited = interface.fields.get(field_name)
                if inherited is None:
                    continue
                if not field.description:
                    field.description = inherited.description
                for arg_name, arg in field.args.items():
                    same = inherited.args.get(arg_name)
                    if not arg.description and same is not None:
                        arg.description = same.description
