"""Every GraphQL name SPEC defines is served as SPEC writes it (names are public API).

SPEC_SDL below is the SPEC's own GraphQL (sections 4, 7, 9, 11, 13, with the additions of
section 14), each `...` written out. The served schema, read by introspection over HTTP
from the app on the real Neo4j, must have every type, interface, field, argument (type and
default) and enum value in it, with the same type and nullability. The schema may have
more (fields, arguments, types) than SPEC names.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from graphql import (
    EnumTypeDefinitionNode,
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLInterfaceType,
    GraphQLObjectType,
    GraphQLSchema,
    InputObjectTypeDefinitionNode,
    InterfaceTypeDefinitionNode,
    ObjectTypeDefinitionNode,
    ScalarTypeDefinitionNode,
    build_client_schema,
    get_introspection_query,
    parse,
    print_ast,
)

from tests.gql import GQL

SPEC_SDL = """
scalar DateTime
scalar JSON

interface Stakeholder { id: ID! name: String! kind: StakeholderKind! roles: [Role!]!
  country: String region: String city: String tags: [String!]!
  relations(types: [RelationType!], direction: Direction = BOTH, since: DateTime,
            until: DateTime, first: Int = 50, after: String): RelationConnection!
  relationCounts: [RelationCount!]! }
type Organization implements Stakeholder { id: ID! name: String! kind: StakeholderKind!
  roles: [Role!]! country: String region: String city: String tags: [String!]!
  departments: [Department!]! members: [Membership!]! }
type Department implements Stakeholder { id: ID! name: String! kind: StakeholderKind!
  roles: [Role!]! country: String region: String city: String tags: [String!]!
  partOf: Stakeholder departments: [Department!]! members: [Membership!]! }
type Person implements Stakeholder { id: ID! name: String! kind: StakeholderKind!
  roles: [Role!]! country: String region: String city: String tags: [String!]!
  memberships: [Membership!]! parents: [Person!]! children: [Person!]! }

type Query {
  stakeholder(id: ID!): Stakeholder
  stakeholders(kind: StakeholderKind, search: String, first: Int = 50, after: String,
               filter: StakeholderFilter, orderBy: StakeholderOrder = NAME): StakeholderConnection!
  customersOf(providerId: ID!, lenses: [Lens!], except: [Lens!], first: Int = 50, after: String,
              offering: String, since: DateTime, until: DateTime): CustomerConnection!
  providersOf(customerId: ID!, lenses: [Lens!], except: [Lens!], first: Int = 50, after: String,
              offering: String, since: DateTime, until: DateTime): CustomerConnection!
  explain(customerId: ID!, providerId: ID!): Verdict!
  buyingCenter(organizationId: ID!, providerId: ID): BuyingCenter!
  customerMap(providerId: ID!): CustomerMap!
  mutualCustomers(stakeholderId: ID!): [Stakeholder!]!
  lifetimeValue(customerId: ID!, providerId: ID!, retentionRate: Float,
                discountRate: Float): [LifetimeValue!]!
  rfm(providerId: ID!, asOf: DateTime): [RfmScore!]!
  journeyStage(customerId: ID!, providerId: ID!): JourneyStage!
  segments(providerId: ID!, by: SegmentDimension!, lenses: [Lens!]): [SegmentBucket!]!
  leads(providerId: ID!, asOf: DateTime, first: Int = 50): [Lead!]!
  powerInterest(organizationId: ID!, providerId: ID): [PowerInterestEntry!]!
  relation(id: ID!): Relation
  neighbourhood(id: ID!, depth: Int = 1, types: [RelationType!], limit: Int = 200): Subgraph!
  search(text: String!, kinds: [StakeholderKind!], first: Int = 20): [SearchHit!]!
  providerSummary(providerId: ID!): ProviderSummary!
  customerChanges(providerId: ID!, from: DateTime!, to: DateTime!,
                  lenses: [Lens!]): CustomerChanges!
  segmentMembers(providerId: ID!, by: SegmentDimension!, key: String!, lenses: [Lens!],
                 first: Int = 50, after: String): StakeholderConnection!
  libraryQueries: [LibraryQuery!]!
  runLibraryQuery(name: String!, params: JSON): QueryResult!
  journey(customerId: ID!, providerId: ID!): [Touchpoint!]!
  satisfaction(providerId: ID!, since: DateTime, until: DateTime,
               by: SegmentDimension): [SatisfactionBucket!]!
  referrals(providerId: ID!, first: Int = 50): [ReferrerEntry!]!
  persona(providerId: ID!, lenses: [Lens!]): Persona!
  crossSegments(providerId: ID!, by: [SegmentDimension!]!,
                lenses: [Lens!]): [CrossSegmentBucket!]!
}
type PageInfo { hasNextPage: Boolean! endCursor: String }
type StakeholderConnection { edges: [StakeholderEdge!]! pageInfo: PageInfo! totalCount: Int! }
type StakeholderEdge { cursor: String! node: Stakeholder! }
type CustomerConnection { edges: [CustomerEdge!]! pageInfo: PageInfo! totalCount: Int! }
type CustomerEdge { cursor: String! node: CustomerRelation! }
type CustomerRelation { customer: Stakeholder! provider: Stakeholder! lenses: [Lens!]!
  evidence: [Evidence!]! }
type Evidence { lens: Lens! summary: String! path: [PathStep!]! }
type PathStep { from: Stakeholder! type: RelationType! to: Stakeholder! relationId: ID
  relation: Relation }
type Verdict { customer: Stakeholder! provider: Stakeholder! isCustomer: Boolean!
  lenses: [LensVerdict!]! }
type LensVerdict { lens: Lens! holds: Boolean! evidence: [Evidence!]! }
type BuyingCenter { organization: Stakeholder! members: [Membership!]!
  coveredRoles: [BuyingRole!]! missingRoles: [BuyingRole!]! singleThreaded: Boolean! }
type Membership { person: Person! of: Stakeholder! title: String buyingRole: BuyingRole }
type CustomerMap { provider: Stakeholder! current: [CustomerRelation!]!
  potential: [CustomerRelation!]! }

type Mutation {
  upsertOrganization(input: OrganizationInput!): Organization!
  upsertDepartment(input: DepartmentInput!): Department!
  upsertPerson(input: PersonInput!): Person!
  addMembership(input: MembershipInput!): Membership!
  addParentOf(parentId: ID!, childId: ID!): Person!
  recordPurchase(input: PurchaseInput!): Relation!
  recordUse(input: UseInput!): Relation!
  recordService(input: ServiceInput!): Relation!
  recordContribution(input: ContributionInput!): Relation!
  recordEngagement(input: EngagementInput!): Relation!
  recordFeedback(input: FeedbackInput!): Relation!
  recordReferral(input: ReferralInput!): Relation!
  removeRelation(id: ID!): Boolean!
  removeStakeholder(id: ID!): Boolean!
  removeMembership(personId: ID!, ofId: ID!): Boolean!
  removeParentOf(parentId: ID!, childId: ID!): Boolean!
}

interface Relation { id: ID! type: RelationType! from: Stakeholder! to: Stakeholder!
  createdAt: DateTime }
type Purchase implements Relation { id: ID! type: RelationType! from: Stakeholder!
  to: Stakeholder! createdAt: DateTime offering: String! amount: Float! currency: String!
  at: DateTime kind: PurchaseKind! consideration: Consideration! }
type Use implements Relation { id: ID! type: RelationType! from: Stakeholder!
  to: Stakeholder! createdAt: DateTime offering: String since: DateTime }
type Service implements Relation { id: ID! type: RelationType! from: Stakeholder!
  to: Stakeholder! createdAt: DateTime offering: String since: DateTime ongoing: Boolean! }
type Contribution implements Relation { id: ID! type: RelationType! from: Stakeholder!
  to: Stakeholder! createdAt: DateTime what: String at: DateTime }
type Engagement implements Relation { id: ID! type: RelationType! from: Stakeholder!
  to: Stakeholder! createdAt: DateTime stage: EngagementStage! channel: String at: DateTime }
type MemberOf implements Relation { id: ID! type: RelationType! from: Stakeholder!
  to: Stakeholder! createdAt: DateTime title: String buyingRole: BuyingRole scope: [ID!]! }
type PartOf implements Relation { id: ID! type: RelationType! from: Stakeholder!
  to: Stakeholder! createdAt: DateTime }
type ParentOf implements Relation { id: ID! type: RelationType! from: Stakeholder!
  to: Stakeholder! createdAt: DateTime }
type Feedback implements Relation { id: ID! type: RelationType! from: Stakeholder!
  to: Stakeholder! createdAt: DateTime }
type Referral implements Relation { id: ID! type: RelationType! from: Stakeholder!
  to: Stakeholder! createdAt: DateTime provider: Stakeholder! }
type RelationConnection { edges: [RelationEdge!]! pageInfo: PageInfo! totalCount: Int! }
type RelationEdge { cursor: String! node: Relation! }
type RelationCount { type: RelationType! direction: Direction! count: Int! }

type Subgraph { nodes: [Stakeholder!]! relations: [Relation!]! truncated: Boolean! }
type SearchHit { stakeholder: Stakeholder! score: Float! matched: [String!]! }
type ProviderSummary { provider: Stakeholder! customersByLens: [LensCount!]!
  lensCombinations: [LensCombination!]!
  revenue: [Money!]! purchaseCount: Int! firstPurchase: DateTime lastPurchase: DateTime
  offerings: [OfferingSummary!]! }
type LensCombination { lenses: [Lens!]! count: Int! }
type LensCount { lens: Lens! count: Int! }
type OfferingSummary { offering: String! customers: Int! users: Int! revenue: [Money!]! }
type CustomerChanges { gained: [CustomerRelation!]! lost: [CustomerRelation!]! kept: Int! }
input StakeholderFilter { kinds: [StakeholderKind!] roles: [Role!] orgTypes: [OrgType!]
  countries: [String!] tags: [String!] industries: [String!] }

type LifetimeValue { currency: String! historicalRevenue: Float! purchaseCount: Int!
  firstPurchase: DateTime lastPurchase: DateTime averageOrderValue: Float!
  purchasesPerYear: Float! predictedValue: Float! retentionValue: Float
  assumptions: [String!]! }
type RfmScore { customer: Stakeholder! recencyDays: Int! frequency: Int! monetary: Float!
  r: Int! f: Int! m: Int! segment: String! }
type SegmentBucket { key: String! count: Int! revenue: [Money!]! }
type Money { amount: Float! currency: String! }
type Lead { prospect: Stakeholder! score: Float! fit: Float! engagement: Float!
  qualified: Boolean! reasons: [String!]! }
type PowerInterestEntry { person: Person! power: Float! interest: Float!
  quadrant: Quadrant! }

type LibraryQuery { name: String! description: String! parameters: [LibraryParameter!]! }
type LibraryParameter { name: String! description: String! required: Boolean! }
type QueryResult { columns: [String!]! rows: [[JSON]]! truncated: Boolean! }

input FeedbackInput { id: ID customerId: ID! providerId: ID! at: DateTime nps: Int csat: Int
  comment: String offering: String channel: String }
input ReferralInput { id: ID referrerId: ID! referredId: ID! providerId: ID! at: DateTime
  channel: String }
type Touchpoint { at: DateTime relation: Relation! stage: JourneyStage! channel: String }
type SatisfactionBucket { key: String! nps: Float csatAverage: Float responses: Int!
  respondents: Int! }
type ReferrerEntry { referrer: Stakeholder! referred: [Stakeholder!]!
  converted: [Stakeholder!]! conversionRate: Float! }
type Persona { customers: Int! traits: [PersonaTrait!]! }
type PersonaTrait { kind: StakeholderKind! dimension: SegmentDimension! value: String!
  share: Float! }
type CrossSegmentBucket { keys: [String!]! count: Int! revenue: [Money!]! }

enum Lens { TRANSACTIONAL EXCHANGE BUYING_CENTER END_USER INTERNAL BENEFICIARY COLLABORATIVE
  PROSPECT CLIENT REPEAT }
enum StakeholderKind { ORGANIZATION DEPARTMENT PERSON }
enum Role { BUYING_CENTER_MEMBER END_USER PARENT PROSUMER }
enum RelationType { BUYS USES SERVES CONTRIBUTES ENGAGES MEMBER_OF PART_OF PARENT_OF
  GIVES_FEEDBACK REFERS }
enum OrgType { BUSINESS GOVERNMENT INSTITUTION NONPROFIT }
enum PurchaseKind { ONE_OFF SUBSCRIPTION CONTRACT MEMBERSHIP }
enum Consideration { MONEY IN_KIND DATA ATTENTION NONE }
enum EngagementStage { AWARENESS CONSIDERATION INTENT ADVOCACY }
enum BuyingRole { INITIATOR USER INFLUENCER DECIDER APPROVER BUYER GATEKEEPER CHAMPION }
enum Direction { OUT IN BOTH }
enum StakeholderOrder { NAME CREATED_AT UPDATED_AT }
enum JourneyStage { NONE AWARENESS CONSIDERATION INTENT PURCHASE RETENTION ADVOCACY }
enum SegmentDimension { CUSTOMER_TYPE COUNTRY REGION CITY AGE_BAND INTEREST VALUE NEED
  RFM_SEGMENT JOURNEY_STAGE LENS INDUSTRY SIZE_BAND TECHNOLOGY }
enum Quadrant { KEY_PLAYER KEEP_SATISFIED KEEP_INFORMED MONITOR }
"""

# Names SPEC gives without their GraphQL types: in a comment of section 4, the property
# tables of section 2, or the prose of sections 11 and 14.
SPEC_NAMES: dict[str, tuple[str, ...]] = {
    "Organization": (
        "orgType",
        "industry",
        "employees",
        "annualRevenue",
        "technologies",
        "grossMargin",
        "expectedLifespanYears",
    ),
    "Person": ("birthYear", "interests", "values", "needs"),
    "Feedback": ("customer", "provider", "nps", "csat", "comment", "offering", "channel", "at"),
    "Referral": ("at", "channel"),
    "LibraryParameter": ("example", "type"),
    "OrganizationInput": ("id", "name", "orgType"),
    "DepartmentInput": ("id", "name", "partOfId"),
    "PersonInput": ("id", "name"),
    "MembershipInput": ("personId", "ofId", "title", "buyingRole", "scope"),
    "PurchaseInput": (
        "buyerId",
        "sellerId",
        "offering",
        "amount",
        "currency",
        "at",
        "kind",
        "consideration",
    ),
    "UseInput": ("userId", "providerId", "offering", "since"),
    "ServiceInput": ("providerId", "recipientId", "offering", "since", "ongoing"),
    "ContributionInput": ("contributorId", "platformId", "what", "at"),
    "EngagementInput": ("prospectId", "providerId", "stage", "channel", "at"),
}


@dataclass
class Served:
    schema: GraphQLSchema
    defaults: dict[str, str | None]  # "Type.field(arg)": its default as introspection says


def served(gql: GQL) -> Served:
    data = gql.query(get_introspection_query(descriptions=False))
    defaults = {
        f"{kind['name']}.{field['name']}({arg['name']})": arg["defaultValue"]
        for kind in data["__schema"]["types"]
        for field in kind.get("fields") or ()
        for arg in field["args"]
    }
    return Served(build_client_schema(data), defaults)  # type: ignore[arg-type]


def default_of(node: Any) -> str | None:
    return None if node.default_value is None else print_ast(node.default_value)


def mismatches(served: Served, spec: str = SPEC_SDL) -> list[str]:
    """Every way the schema differs from `spec` (SDL) and SPEC_NAMES; empty when none."""
    schema = served.schema
    found: list[str] = []
    for definition in parse(spec).definitions:
        name = definition.name.value  # type: ignore[attr-defined]
        kind = schema.get_type(name)
        if kind is None:
            found.append(f"{name}: missing")
            continue
        if isinstance(definition, ScalarTypeDefinitionNode):
            continue
        if isinstance(definition, EnumTypeDefinitionNode):
            assert isinstance(kind, GraphQLEnumType), name
            spec_values = {v.name.value for v in definition.values or ()}
            if spec_values != set(kind.values):
                found.append(f"{name}: values {sorted(kind.values)} != SPEC {sorted(spec_values)}")
            continue
        if isinstance(definition, InputObjectTypeDefinitionNode):
            if not isinstance(kind, GraphQLInputObjectType):
                found.append(f"{name}: not an input type")
                continue
            for spec_field in definition.fields or ():
                field_name = spec_field.name.value
                input_field = kind.fields.get(field_name)
                if input_field is None:
                    found.append(f"{name}.{field_name}: missing")
                elif str(input_field.type) != print_ast(spec_field.type):
                    found.append(f"{name}.{field_name}: {input_field.type} != SPEC")
            continue
        assert isinstance(definition, ObjectTypeDefinitionNode | InterfaceTypeDefinitionNode)
        wanted = (
            GraphQLInterfaceType
            if isinstance(definition, InterfaceTypeDefinitionNode)
            else (GraphQLObjectType)
        )
        if not isinstance(kind, wanted):
            found.append(f"{name}: not {wanted.__name__}")
            continue
        served_interfaces = {i.name for i in kind.interfaces}
        for interface in definition.interfaces or ():
            if interface.name.value not in served_interfaces:
                found.append(f"{name}: does not implement {interface.name.value}")
        for spec_field in definition.fields or ():
            field_name = spec_field.name.value
            field = kind.fields.get(field_name)
            if field is None:
                found.append(f"{name}.{field_name}: missing")
                continue
            if str(field.type) != print_ast(spec_field.type):
                found.append(
                    f"{name}.{field_name}: {field.type} != SPEC {print_ast(spec_field.type)}"
                )
            for spec_arg in spec_field.arguments or ():
                arg_name = spec_arg.name.value
                where = f"{name}.{field_name}({arg_name})"
                arg = field.args.get(arg_name)
                if arg is None:
                    found.append(f"{where}: missing")
                    continue
                if str(arg.type) != print_ast(spec_arg.type):
                    found.append(f"{where}: {arg.type} != SPEC {print_ast(spec_arg.type)}")
                spec_default = default_of(spec_arg)
                if spec_default is not None and served.defaults[where] != spec_default:
                    found.append(
                        f"{where}: default {served.defaults[where]} != SPEC {spec_default}"
                    )
    for name, fields in SPEC_NAMES.items():
        kind = schema.get_type(name)
        present = getattr(kind, "fields", {}) if kind is not None else {}
        found += [f"{name}.{f}: missing" for f in fields if f not in present]
    return found


def test_every_graphql_name_spec_defines_is_served_as_spec_writes_it(gql: GQL) -> None:
    assert mismatches(served(gql)) == []


def test_the_check_finds_a_difference(gql: GQL) -> None:
    changed = (
        SPEC_SDL.replace("depth: Int = 1,", "depth: Int = 2,")
        .replace("enum Quadrant { KEY_PLAYER", "enum Quadrant { LAGGARD KEY_PLAYER")
        .replace("relationId: ID", "relationId: ID!")
        .replace("type Money {", "type Money { rate: Float!")
    )
    assert sorted(mismatches(served(gql), changed)) == [
        "Money.rate: missing",
        "PathStep.relationId: ID != SPEC ID!",
        "Quadrant: values ['KEEP_INFORMED', 'KEEP_SATISFIED', 'KEY_PLAYER', 'MONITOR'] != "
        "SPEC ['KEEP_INFORMED', 'KEEP_SATISFIED', 'KEY_PLAYER', 'LAGGARD', 'MONITOR']",
        "Query.neighbourhood(depth): default 1 != SPEC 2",
    ]
