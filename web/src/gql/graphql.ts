/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** A role in a B2B buying decision. */
export type BuyingRole =
  /** Signs off the decision or the budget. */
  | 'APPROVER'
  /** Handles procurement and the terms. */
  | 'BUYER'
  /** Sells internally for the vendor. */
  | 'CHAMPION'
  /** Makes the final choice. */
  | 'DECIDER'
  /** Controls the information and access that reach the center. */
  | 'GATEKEEPER'
  /** Shapes the requirements or the choice. */
  | 'INFLUENCER'
  /** Starts the purchase by raising the need. */
  | 'INITIATOR'
  /** Will use what is bought. */
  | 'USER';

/** What the buyer gave in return; MONEY counts as TRANSACTIONAL, any counts as EXCHANGE. */
export type Consideration =
  /** Paid with attention, e.g. watching ads. */
  | 'ATTENTION'
  /** Paid with data about the buyer. */
  | 'DATA'
  /** Paid with goods or services. */
  | 'IN_KIND'
  /** Paid with money. */
  | 'MONEY'
  /** Nothing given in return. */
  | 'NONE';

/** How far a prospect's engagement has gone, in funnel order. */
export type EngagementStage =
  /** Recommends the provider (moves a customer's journey to ADVOCACY). */
  | 'ADVOCACY'
  /** Knows the provider. */
  | 'AWARENESS'
  /** Considers the offering. */
  | 'CONSIDERATION'
  /** Intends to buy. */
  | 'INTENT';

/** One meaning of 'x is a customer of provider p': every answer names its lenses. */
export type Lens =
  /** x receives something p offers, paid or not: p serves x, x uses or buys. */
  | 'BENEFICIARY'
  /** x is a person with a buying role in an organisation (or one of its departments) that bought from p, and the membership's scope covers p. */
  | 'BUYING_CENTER'
  /** An ongoing arrangement: a subscription, contract or membership purchase, or an ongoing service. */
  | 'CLIENT'
  /** x contributes to p and also uses or buys from it: a prosumer. */
  | 'COLLABORATIVE'
  /** x uses p's offering, whoever paid for it (a child playing with a toy). */
  | 'END_USER'
  /** x bought from p with any consideration: money, in kind, data, attention. */
  | 'EXCHANGE'
  /** x receives from p (served, uses or buys) and both share a home organisation. */
  | 'INTERNAL'
  /** x engages with p but has not bought: a potential customer. */
  | 'PROSPECT'
  /** x bought from p at least twice: a repeat or loyal patron. */
  | 'REPEAT'
  /** x bought from p and paid money (a BUYS with consideration MONEY). */
  | 'TRANSACTIONAL';

/** What a library query's parameter takes. */
export type LibraryParameterType =
  /** true or false. */
  | 'BOOLEAN'
  /** ISO 8601 text, e.g. 2024-09-01T00:00:00Z (UTC when no zone). */
  | 'DATETIME'
  /** A number. */
  | 'FLOAT'
  /** A whole number. */
  | 'INTEGER'
  /** Text. */
  | 'STRING';

/** How a purchase is arranged; all but ONE_OFF make the buyer a CLIENT. */
export type PurchaseKind =
  /** A contract over a period. */
  | 'CONTRACT'
  /** A membership. */
  | 'MEMBERSHIP'
  /** A single transaction. */
  | 'ONE_OFF'
  /** A recurring subscription. */
  | 'SUBSCRIPTION';

/** A cell of the power/interest grid. */
export type Quadrant =
  /** Low power, high interest: keep informed. */
  | 'KEEP_INFORMED'
  /** High power, low interest: keep satisfied. */
  | 'KEEP_SATISFIED'
  /** High power, high interest: manage closely. */
  | 'KEY_PLAYER'
  /** Low power, low interest: monitor. */
  | 'MONITOR';

/** The relationship types of the graph, named as in Neo4j. */
export type RelationType =
  /** buyer -> seller: one purchase (offering, amount, currency, at, kind). */
  | 'BUYS'
  /** contributor -> platform: contributes content or work (what, at). */
  | 'CONTRIBUTES'
  /** prospect -> provider: an engagement at a funnel stage (channel, at). */
  | 'ENGAGES'
  /** customer -> provider: feedback (nps 0-10, csat 1-5, comment, offering, channel, at). */
  | 'GIVES_FEEDBACK'
  /** person -> organisation or department: membership, with title and buying role. */
  | 'MEMBER_OF'
  /** person -> person: parent and child. */
  | 'PARENT_OF'
  /** department -> organisation or department: structure. */
  | 'PART_OF'
  /** referrer -> referred: a referral for the provider named by providerId (channel, at). */
  | 'REFERS'
  /** provider -> recipient: serves it, paid or not (since, ongoing). */
  | 'SERVES'
  /** user -> provider: uses an offering (since). */
  | 'USES';

/** Role labels, kept true to the relationships by every write. */
export type Role =
  /** A person with a buying role in an organisation's buying center. */
  | 'BUYING_CENTER_MEMBER'
  /** A stakeholder that uses some provider's offering (has a USES). */
  | 'END_USER'
  /** A person recorded as the parent of another (PARENT_OF). */
  | 'PARENT'
  /** A stakeholder that contributes to a platform it also uses or buys from (a creator). */
  | 'PROSUMER';

/** What customers are grouped by in `segments`. */
export type SegmentDimension =
  /** Demographic: age band from a person's birth year. */
  | 'AGE_BAND'
  /** Geographic: city. */
  | 'CITY'
  /** Geographic: country code. */
  | 'COUNTRY'
  /** INDIVIDUAL (a person), INTERNAL (a department), else the organisation's type: BUSINESS, GOVERNMENT, INSTITUTION, NONPROFIT. */
  | 'CUSTOMER_TYPE'
  /** Firmographic: an organisation's industry. */
  | 'INDUSTRY'
  /** Psychographic: each of a person's interests. */
  | 'INTEREST'
  /** Behavioral: the customer's journey stage. */
  | 'JOURNEY_STAGE'
  /** Behavioral: each lens under which it is a customer. */
  | 'LENS'
  /** Needs-based: each of a person's needs. */
  | 'NEED'
  /** Geographic: region. */
  | 'REGION'
  /** Behavioral: the customer's RFM segment. */
  | 'RFM_SEGMENT'
  /** Firmographic: employees in 1-9, 10-49, 50-249, 250-999 or 1000+. */
  | 'SIZE_BAND'
  /** Technographic: each technology an organisation uses. */
  | 'TECHNOLOGY'
  /** Psychographic: each of a person's values. */
  | 'VALUE';

/** The three kinds of stakeholder node. */
export type StakeholderKind =
  /** A unit inside an organisation (PART_OF it or of another department); internal customers are departments served by their own organisation. */
  | 'DEPARTMENT'
  /** A company, public body, institution or nonprofit: buys, sells and is the home of its departments and members. */
  | 'ORGANIZATION'
  /** An individual: a consumer, a parent, an end user or a member of a buying center. */
  | 'PERSON';

export type ExploreAccountQueryVariables = Exact<{
  id: string | number;
  provider?: string | number | null | undefined;
}>;


export type ExploreAccountQuery = { stakeholder:
    | { id: string, name: string, kind: StakeholderKind, city: string | null, country: string | null }
    | { id: string, name: string, kind: StakeholderKind, city: string | null, country: string | null }
    | { id: string, name: string, kind: StakeholderKind, city: string | null, country: string | null }
   | null, providersOf: { totalCount: number, edges: Array<{ node: { provider:
          | { id: string, name: string, kind: StakeholderKind }
          | { id: string, name: string, kind: StakeholderKind }
          | { id: string, name: string, kind: StakeholderKind }
         } }> }, buyingCenter: { coveredRoles: Array<BuyingRole>, missingRoles: Array<BuyingRole>, singleThreaded: boolean, members: Array<{ title: string | null, buyingRole: BuyingRole | null, person: { id: string, name: string }, of:
        | { id: string, name: string, kind: StakeholderKind }
        | { id: string, name: string, kind: StakeholderKind }
        | { id: string, name: string, kind: StakeholderKind }
       }> }, powerInterest: Array<{ power: number, interest: number, quadrant: Quadrant, person: { id: string, name: string } }> };

export type ExploreLibraryQueryVariables = Exact<{ [key: string]: never; }>;


export type ExploreLibraryQuery = { libraryQueries: Array<{ name: string, description: string, parameters: Array<{ name: string, description: string, example: unknown, type: LibraryParameterType, required: boolean }> }> };

export type ExploreRunLibraryQueryQueryVariables = Exact<{
  name: string;
  params?: unknown;
}>;


export type ExploreRunLibraryQueryQuery = { runLibraryQuery: { columns: Array<string>, rows: Array<Array<unknown> | null>, truncated: boolean } };

export type ExploreProviderQueryVariables = Exact<{
  id: string | number;
  by: SegmentDimension;
  key?: string;
  open?: boolean;
}>;


export type ExploreProviderQuery = { stakeholder:
    | { id: string, name: string, kind: StakeholderKind, city: string | null, country: string | null }
    | { id: string, name: string, kind: StakeholderKind, city: string | null, country: string | null }
    | { id: string, name: string, kind: StakeholderKind, city: string | null, country: string | null }
   | null, providerSummary: { purchaseCount: number, firstPurchase: string | null, lastPurchase: string | null, customersByLens: Array<{ lens: Lens, count: number }>, lensCombinations: Array<{ lenses: Array<Lens>, count: number }>, revenue: Array<{ amount: number, currency: string }>, offerings: Array<{ offering: string, customers: number, users: number, revenue: Array<{ amount: number, currency: string }> }> }, segments: Array<{ key: string, count: number, revenue: Array<{ amount: number, currency: string }> }>, rfm: Array<{ segment: string, r: number, f: number, m: number, recencyDays: number, frequency: number, monetary: number, currency: string, customer:
      | { id: string, name: string }
      | { id: string, name: string }
      | { id: string, name: string }
     }>, members?: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node:
        | { id: string, name: string, kind: StakeholderKind }
        | { id: string, name: string, kind: StakeholderKind }
        | { id: string, name: string, kind: StakeholderKind }
       }> } };

export type ExploreProviderMoreQueryVariables = Exact<{
  id: string | number;
  all?: Array<Lens> | Lens | null | undefined;
  from: string;
  to: string;
  stage?: string;
  staged?: boolean;
}>;


export type ExploreProviderMoreQuery = { funnel: Array<{ key: string, count: number }>, stageMembers?: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node:
        | { id: string, name: string, kind: StakeholderKind }
        | { id: string, name: string, kind: StakeholderKind }
        | { id: string, name: string, kind: StakeholderKind }
       }> }, leads: Array<{ score: number, fit: number, engagement: number, qualified: boolean, reasons: Array<string>, prospect:
      | { id: string, name: string, kind: StakeholderKind }
      | { id: string, name: string, kind: StakeholderKind }
      | { id: string, name: string, kind: StakeholderKind }
     }>, customerChanges: { kept: number, gained: Array<{ lenses: Array<Lens>, customer:
        | { id: string, name: string, kind: StakeholderKind }
        | { id: string, name: string, kind: StakeholderKind }
        | { id: string, name: string, kind: StakeholderKind }
       }>, lost: Array<{ lenses: Array<Lens>, customer:
        | { id: string, name: string, kind: StakeholderKind }
        | { id: string, name: string, kind: StakeholderKind }
        | { id: string, name: string, kind: StakeholderKind }
       }> } };

export type ExploreSegmentsQueryVariables = Exact<{
  id: string | number;
  by: SegmentDimension;
  key?: string;
  open?: boolean;
}>;


export type ExploreSegmentsQuery = { segments: Array<{ key: string, count: number, revenue: Array<{ amount: number, currency: string }> }>, members?: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node:
        | { id: string, name: string, kind: StakeholderKind }
        | { id: string, name: string, kind: StakeholderKind }
        | { id: string, name: string, kind: StakeholderKind }
       }> } };

export type ExploreCustomerChangesQueryVariables = Exact<{
  id: string | number;
  from: string;
  to: string;
}>;


export type ExploreCustomerChangesQuery = { customerChanges: { kept: number, gained: Array<{ lenses: Array<Lens>, customer:
        | { id: string, name: string, kind: StakeholderKind }
        | { id: string, name: string, kind: StakeholderKind }
        | { id: string, name: string, kind: StakeholderKind }
       }>, lost: Array<{ lenses: Array<Lens>, customer:
        | { id: string, name: string, kind: StakeholderKind }
        | { id: string, name: string, kind: StakeholderKind }
        | { id: string, name: string, kind: StakeholderKind }
       }> } };

export type ExploreSegmentMembersQueryVariables = Exact<{
  id: string | number;
  by: SegmentDimension;
  key: string;
  lenses?: Array<Lens> | Lens | null | undefined;
  first: number;
  after?: string | null | undefined;
}>;


export type ExploreSegmentMembersQuery = { segmentMembers: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node:
        | { id: string, name: string, kind: StakeholderKind }
        | { id: string, name: string, kind: StakeholderKind }
        | { id: string, name: string, kind: StakeholderKind }
       }> } };

type StakeholderRef_Department_Fragment = { id: string, name: string, kind: StakeholderKind };

type StakeholderRef_Organization_Fragment = { id: string, name: string, kind: StakeholderKind };

type StakeholderRef_Person_Fragment = { id: string, name: string, kind: StakeholderKind };

export type StakeholderRefFragment =
  | StakeholderRef_Department_Fragment
  | StakeholderRef_Organization_Fragment
  | StakeholderRef_Person_Fragment
;

type RelationFields_Contribution_Fragment = { __typename: 'Contribution', what: string | null, at: string | null, id: string, type: RelationType, createdAt: string | null, from:
    | { id: string, name: string, kind: StakeholderKind }
    | { id: string, name: string, kind: StakeholderKind }
    | { id: string, name: string, kind: StakeholderKind }
  , to:
    | { id: string, name: string, kind: StakeholderKind }
    | { id: string, name: string, kind: StakeholderKind }
    | { id: string, name: string, kind: StakeholderKind }
   };

type RelationFields_Engagement_Fragment = { __typename: 'Engagement', stage: EngagementStage, channel: string | null, at: string | null, id: string, type: RelationType, createdAt: string | null, from:
    | { id: string, name: string, kind: StakeholderKind }
    | { id: string, name: string, kind: StakeholderKind }
    | { id: string, name: string, kind: StakeholderKind }
  , to:
    | { id: string, name: string, kind: StakeholderKind }
    | { id: string, name: string, kind: StakeholderKind }
    | { id: string, name: string, kind: StakeholderKind }
   };

type RelationFields_Feedback_Fragment = { __typename: 'Feedback', nps: number | null, csat: number | null, comment: string | null, offering: string | null, channel: string | null, at: string | null, id: string, type: RelationType, createdAt: string | null, from:
    | { id: string, name: string, kind: StakeholderKind }
    | { id: string, name: string, kind: StakeholderKind }
    | { id: string, name: string, kind: StakeholderKind }
  , to:
    | { id: string, name: string, kind: StakeholderKind }
    | { id: string, name: string, kind: StakeholderKind }
    | { id: string, name: string, kind: StakeholderKind }
   };

type RelationFields_MemberOf_Fragment = { __typename: 'MemberOf', title: string | null, buyingRole: BuyingRole | null, scope: Array<string>, id: string, type: RelationType, createdAt: string | null, from:
    | { id: string, name: string, kind: StakeholderKind }
    | { id: string, name: string, kind: StakeholderKind }
    | { id: string, name: string, kind: StakeholderKind }
  , to:
    | { id: string, name: string, kind: StakeholderKind }
    | { id: string, name: string, kind: StakeholderKind }
    | { id: string, name: string, kind: StakeholderKind }
   };

type RelationFields_ParentOf_Fragment = { __typename: 'ParentOf', id: string, type: RelationType, createdAt: string | null, from:
    | { id: string, name: string, kind: StakeholderKind }
    | { id: string, name: string, kind: StakeholderKind }
    | { id: string, name: string, kind: StakeholderKind }
  , to:
    | { id: string, name: string, kind: StakeholderKind }
    | { id: string, name: string, kind: StakeholderKind }
    | { id: string, name: string, kind: StakeholderKind }
   };

type RelationFields_PartOf_Fragment = { __typename: 'PartOf', id: string, type: RelationType, createdAt: string | null, from:
    | { id: string, name: string, kind: StakeholderKind }
    | { id: string, name: string, kind: StakeholderKind }
    | { id: string, name: string, kind: StakeholderKind }
  , to:
    | { id: string, name: string, kind: StakeholderKind }
    | { id: string, name: string, kind: StakeholderKind }
    | { id: string, name: string, kind: StakeholderKind }
   };

type RelationFields_Purchase_Fragment = { __typename: 'Purchase', amount: number, currency: string, at: string | null, kind: PurchaseKind, consideration: Consideration, id: string, type: RelationType, createdAt: string | null, Purchase_offering: string, from:
    | { id: string, name: string, kind: StakeholderKind }
    | { id: string, name: string, kind: StakeholderKind }
    | { id: string, name: string, kind: StakeholderKind }
  , to:
    | { id: string, name: string, kind: StakeholderKind }
    | { id: string, name: string, kind: StakeholderKind }
    | { id: string, name: string, kind: StakeholderKind }
   };

type RelationFields_Referral_Fragment = { __typename: 'Referral', channel: string | null, at: string | null, id: string, type: RelationType, createdAt: string | null, from:
    | { id: string, name: string, kind: StakeholderKind }
    | { id: string, name: string, kind: StakeholderKind }
    | { id: string, name: string, kind: StakeholderKind }
  , to:
    | { id: string, name: string, kind: StakeholderKind }
    | { id: string, name: string, kind: StakeholderKind }
    | { id: string, name: string, kind: StakeholderKind }
   };

type RelationFields_Service_Fragment = { __typename: 'Service', offering: string | null, since: string | null, ongoing: boolean, id: string, type: RelationType, createdAt: string | null, from:
    | { id: string, name: string, kind: StakeholderKind }
    | { id: string, name: string, kind: StakeholderKind }
    | { id: string, name: string, kind: StakeholderKind }
  , to:
    | { id: string, name: string, kind: StakeholderKind }
    | { id: string, name: string, kind: StakeholderKind }
    | { id: string, name: string, kind: StakeholderKind }
   };

type RelationFields_Use_Fragment = { __typename: 'Use', offering: string | null, since: string | null, id: string, type: RelationType, createdAt: string | null, from:
    | { id: string, name: string, kind: StakeholderKind }
    | { id: string, name: string, kind: StakeholderKind }
    | { id: string, name: string, kind: StakeholderKind }
  , to:
    | { id: string, name: string, kind: StakeholderKind }
    | { id: string, name: string, kind: StakeholderKind }
    | { id: string, name: string, kind: StakeholderKind }
   };

export type RelationFieldsFragment =
  | RelationFields_Contribution_Fragment
  | RelationFields_Engagement_Fragment
  | RelationFields_Feedback_Fragment
  | RelationFields_MemberOf_Fragment
  | RelationFields_ParentOf_Fragment
  | RelationFields_PartOf_Fragment
  | RelationFields_Purchase_Fragment
  | RelationFields_Referral_Fragment
  | RelationFields_Service_Fragment
  | RelationFields_Use_Fragment
;

export type CustomerPageFieldsFragment = { totalCount: number, edges: Array<{ cursor: string, node: { lenses: Array<Lens>, customer:
        | { id: string, name: string, kind: StakeholderKind }
        | { id: string, name: string, kind: StakeholderKind }
        | { id: string, name: string, kind: StakeholderKind }
      , evidence: Array<{ lens: Lens, summary: string, path: Array<{ type: RelationType, relationId: string | null, from:
            | { id: string, name: string, kind: StakeholderKind }
            | { id: string, name: string, kind: StakeholderKind }
            | { id: string, name: string, kind: StakeholderKind }
          , to:
            | { id: string, name: string, kind: StakeholderKind }
            | { id: string, name: string, kind: StakeholderKind }
            | { id: string, name: string, kind: StakeholderKind }
           }> }> } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } };

export type ProviderPageFieldsFragment = { totalCount: number, edges: Array<{ node: { lenses: Array<Lens>, provider:
        | { id: string, name: string, kind: StakeholderKind }
        | { id: string, name: string, kind: StakeholderKind }
        | { id: string, name: string, kind: StakeholderKind }
       } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } };

export type RelationPageFieldsFragment = { totalCount: number, edges: Array<{ node:
      | { __typename: 'Contribution', what: string | null, at: string | null, id: string, type: RelationType, createdAt: string | null, from:
          | { id: string, name: string, kind: StakeholderKind }
          | { id: string, name: string, kind: StakeholderKind }
          | { id: string, name: string, kind: StakeholderKind }
        , to:
          | { id: string, name: string, kind: StakeholderKind }
          | { id: string, name: string, kind: StakeholderKind }
          | { id: string, name: string, kind: StakeholderKind }
         }
      | { __typename: 'Engagement', stage: EngagementStage, channel: string | null, at: string | null, id: string, type: RelationType, createdAt: string | null, from:
          | { id: string, name: string, kind: StakeholderKind }
          | { id: string, name: string, kind: StakeholderKind }
          | { id: string, name: string, kind: StakeholderKind }
        , to:
          | { id: string, name: string, kind: StakeholderKind }
          | { id: string, name: string, kind: StakeholderKind }
          | { id: string, name: string, kind: StakeholderKind }
         }
      | { __typename: 'Feedback', nps: number | null, csat: number | null, comment: string | null, offering: string | null, channel: string | null, at: string | null, id: string, type: RelationType, createdAt: string | null, from:
          | { id: string, name: string, kind: StakeholderKind }
          | { id: string, name: string, kind: StakeholderKind }
          | { id: string, name: string, kind: StakeholderKind }
        , to:
          | { id: string, name: string, kind: StakeholderKind }
          | { id: string, name: string, kind: StakeholderKind }
          | { id: string, name: string, kind: StakeholderKind }
         }
      | { __typename: 'MemberOf', title: string | null, buyingRole: BuyingRole | null, scope: Array<string>, id: string, type: RelationType, createdAt: string | null, from:
          | { id: string, name: string, kind: StakeholderKind }
          | { id: string, name: string, kind: StakeholderKind }
          | { id: string, name: string, kind: StakeholderKind }
        , to:
          | { id: string, name: string, kind: StakeholderKind }
          | { id: string, name: string, kind: StakeholderKind }
          | { id: string, name: string, kind: StakeholderKind }
         }
      | { __typename: 'ParentOf', id: string, type: RelationType, createdAt: string | null, from:
          | { id: string, name: string, kind: StakeholderKind }
          | { id: string, name: string, kind: StakeholderKind }
          | { id: string, name: string, kind: StakeholderKind }
        , to:
          | { id: string, name: string, kind: StakeholderKind }
          | { id: string, name: string, kind: StakeholderKind }
          | { id: string, name: string, kind: StakeholderKind }
         }
      | { __typename: 'PartOf', id: string, type: RelationType, createdAt: string | null, from:
          | { id: string, name: string, kind: StakeholderKind }
          | { id: string, name: string, kind: StakeholderKind }
          | { id: string, name: string, kind: StakeholderKind }
        , to:
          | { id: string, name: string, kind: StakeholderKind }
          | { id: string, name: string, kind: StakeholderKind }
          | { id: string, name: string, kind: StakeholderKind }
         }
      | { __typename: 'Purchase', amount: number, currency: string, at: string | null, kind: PurchaseKind, consideration: Consideration, id: string, type: RelationType, createdAt: string | null, Purchase_offering: string, from:
          | { id: string, name: string, kind: StakeholderKind }
          | { id: string, name: string, kind: StakeholderKind }
          | { id: string, name: string, kind: StakeholderKind }
        , to:
          | { id: string, name: string, kind: StakeholderKind }
          | { id: string, name: string, kind: StakeholderKind }
          | { id: string, name: string, kind: StakeholderKind }
         }
      | { __typename: 'Referral', channel: string | null, at: string | null, id: string, type: RelationType, createdAt: string | null, from:
          | { id: string, name: string, kind: StakeholderKind }
          | { id: string, name: string, kind: StakeholderKind }
          | { id: string, name: string, kind: StakeholderKind }
        , to:
          | { id: string, name: string, kind: StakeholderKind }
          | { id: string, name: string, kind: StakeholderKind }
          | { id: string, name: string, kind: StakeholderKind }
         }
      | { __typename: 'Service', offering: string | null, since: string | null, ongoing: boolean, id: string, type: RelationType, createdAt: string | null, from:
          | { id: string, name: string, kind: StakeholderKind }
          | { id: string, name: string, kind: StakeholderKind }
          | { id: string, name: string, kind: StakeholderKind }
        , to:
          | { id: string, name: string, kind: StakeholderKind }
          | { id: string, name: string, kind: StakeholderKind }
          | { id: string, name: string, kind: StakeholderKind }
         }
      | { __typename: 'Use', offering: string | null, since: string | null, id: string, type: RelationType, createdAt: string | null, from:
          | { id: string, name: string, kind: StakeholderKind }
          | { id: string, name: string, kind: StakeholderKind }
          | { id: string, name: string, kind: StakeholderKind }
        , to:
          | { id: string, name: string, kind: StakeholderKind }
          | { id: string, name: string, kind: StakeholderKind }
          | { id: string, name: string, kind: StakeholderKind }
         }
     }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } };

export type NeighbourhoodFieldsFragment = { truncated: boolean, nodes: Array<
    | { id: string, name: string, kind: StakeholderKind }
    | { id: string, name: string, kind: StakeholderKind }
    | { id: string, name: string, kind: StakeholderKind }
  >, relations: Array<
    | { id: string, type: RelationType, from:
        | { id: string }
        | { id: string }
        | { id: string }
      , to:
        | { id: string }
        | { id: string }
        | { id: string }
       }
    | { id: string, type: RelationType, from:
        | { id: string }
        | { id: string }
        | { id: string }
      , to:
        | { id: string }
        | { id: string }
        | { id: string }
       }
    | { id: string, type: RelationType, from:
        | { id: string }
        | { id: string }
        | { id: string }
      , to:
        | { id: string }
        | { id: string }
        | { id: string }
       }
    | { id: string, type: RelationType, from:
        | { id: string }
        | { id: string }
        | { id: string }
      , to:
        | { id: string }
        | { id: string }
        | { id: string }
       }
    | { id: string, type: RelationType, from:
        | { id: string }
        | { id: string }
        | { id: string }
      , to:
        | { id: string }
        | { id: string }
        | { id: string }
       }
    | { id: string, type: RelationType, from:
        | { id: string }
        | { id: string }
        | { id: string }
      , to:
        | { id: string }
        | { id: string }
        | { id: string }
       }
    | { id: string, type: RelationType, from:
        | { id: string }
        | { id: string }
        | { id: string }
      , to:
        | { id: string }
        | { id: string }
        | { id: string }
       }
    | { id: string, type: RelationType, from:
        | { id: string }
        | { id: string }
        | { id: string }
      , to:
        | { id: string }
        | { id: string }
        | { id: string }
       }
    | { id: string, type: RelationType, from:
        | { id: string }
        | { id: string }
        | { id: string }
      , to:
        | { id: string }
        | { id: string }
        | { id: string }
       }
    | { id: string, type: RelationType, from:
        | { id: string }
        | { id: string }
        | { id: string }
      , to:
        | { id: string }
        | { id: string }
        | { id: string }
       }
  > };

export type ExploreSearchQueryVariables = Exact<{
  text: string;
}>;


export type ExploreSearchQuery = { search: Array<{ score: number, matched: Array<string>, stakeholder:
      | { city: string | null, country: string | null, id: string, name: string, kind: StakeholderKind }
      | { city: string | null, country: string | null, id: string, name: string, kind: StakeholderKind }
      | { city: string | null, country: string | null, id: string, name: string, kind: StakeholderKind }
     }> };

export type ExploreStakeholderQueryVariables = Exact<{
  id: string | number;
  depth: number;
  lenses?: Array<Lens> | Lens | null | undefined;
  except?: Array<Lens> | Lens | null | undefined;
  first: number;
  relationsFirst: number;
}>;


export type ExploreStakeholderQuery = { stakeholder:
    | { city: string | null, country: string | null, tags: Array<string>, roles: Array<Role>, id: string, name: string, kind: StakeholderKind, relations: { totalCount: number, edges: Array<{ node:
            | { __typename: 'Contribution', what: string | null, at: string | null, id: string, type: RelationType, createdAt: string | null, from:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
              , to:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
               }
            | { __typename: 'Engagement', stage: EngagementStage, channel: string | null, at: string | null, id: string, type: RelationType, createdAt: string | null, from:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
              , to:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
               }
            | { __typename: 'Feedback', nps: number | null, csat: number | null, comment: string | null, offering: string | null, channel: string | null, at: string | null, id: string, type: RelationType, createdAt: string | null, from:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
              , to:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
               }
            | { __typename: 'MemberOf', title: string | null, buyingRole: BuyingRole | null, scope: Array<string>, id: string, type: RelationType, createdAt: string | null, from:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
              , to:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
               }
            | { __typename: 'ParentOf', id: string, type: RelationType, createdAt: string | null, from:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
              , to:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
               }
            | { __typename: 'PartOf', id: string, type: RelationType, createdAt: string | null, from:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
              , to:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
               }
            | { __typename: 'Purchase', amount: number, currency: string, at: string | null, kind: PurchaseKind, consideration: Consideration, id: string, type: RelationType, createdAt: string | null, Purchase_offering: string, from:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
              , to:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
               }
            | { __typename: 'Referral', channel: string | null, at: string | null, id: string, type: RelationType, createdAt: string | null, from:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
              , to:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
               }
            | { __typename: 'Service', offering: string | null, since: string | null, ongoing: boolean, id: string, type: RelationType, createdAt: string | null, from:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
              , to:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
               }
            | { __typename: 'Use', offering: string | null, since: string | null, id: string, type: RelationType, createdAt: string | null, from:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
              , to:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
               }
           }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } }
    | { city: string | null, country: string | null, tags: Array<string>, roles: Array<Role>, id: string, name: string, kind: StakeholderKind, relations: { totalCount: number, edges: Array<{ node:
            | { __typename: 'Contribution', what: string | null, at: string | null, id: string, type: RelationType, createdAt: string | null, from:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
              , to:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
               }
            | { __typename: 'Engagement', stage: EngagementStage, channel: string | null, at: string | null, id: string, type: RelationType, createdAt: string | null, from:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
              , to:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
               }
            | { __typename: 'Feedback', nps: number | null, csat: number | null, comment: string | null, offering: string | null, channel: string | null, at: string | null, id: string, type: RelationType, createdAt: string | null, from:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
              , to:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
               }
            | { __typename: 'MemberOf', title: string | null, buyingRole: BuyingRole | null, scope: Array<string>, id: string, type: RelationType, createdAt: string | null, from:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
              , to:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
               }
            | { __typename: 'ParentOf', id: string, type: RelationType, createdAt: string | null, from:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
              , to:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
               }
            | { __typename: 'PartOf', id: string, type: RelationType, createdAt: string | null, from:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
              , to:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
               }
            | { __typename: 'Purchase', amount: number, currency: string, at: string | null, kind: PurchaseKind, consideration: Consideration, id: string, type: RelationType, createdAt: string | null, Purchase_offering: string, from:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
              , to:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
               }
            | { __typename: 'Referral', channel: string | null, at: string | null, id: string, type: RelationType, createdAt: string | null, from:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
              , to:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
               }
            | { __typename: 'Service', offering: string | null, since: string | null, ongoing: boolean, id: string, type: RelationType, createdAt: string | null, from:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
              , to:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
               }
            | { __typename: 'Use', offering: string | null, since: string | null, id: string, type: RelationType, createdAt: string | null, from:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
              , to:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
               }
           }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } }
    | { city: string | null, country: string | null, tags: Array<string>, roles: Array<Role>, id: string, name: string, kind: StakeholderKind, relations: { totalCount: number, edges: Array<{ node:
            | { __typename: 'Contribution', what: string | null, at: string | null, id: string, type: RelationType, createdAt: string | null, from:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
              , to:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
               }
            | { __typename: 'Engagement', stage: EngagementStage, channel: string | null, at: string | null, id: string, type: RelationType, createdAt: string | null, from:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
              , to:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
               }
            | { __typename: 'Feedback', nps: number | null, csat: number | null, comment: string | null, offering: string | null, channel: string | null, at: string | null, id: string, type: RelationType, createdAt: string | null, from:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
              , to:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
               }
            | { __typename: 'MemberOf', title: string | null, buyingRole: BuyingRole | null, scope: Array<string>, id: string, type: RelationType, createdAt: string | null, from:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
              , to:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
               }
            | { __typename: 'ParentOf', id: string, type: RelationType, createdAt: string | null, from:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
              , to:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
               }
            | { __typename: 'PartOf', id: string, type: RelationType, createdAt: string | null, from:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
              , to:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
               }
            | { __typename: 'Purchase', amount: number, currency: string, at: string | null, kind: PurchaseKind, consideration: Consideration, id: string, type: RelationType, createdAt: string | null, Purchase_offering: string, from:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
              , to:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
               }
            | { __typename: 'Referral', channel: string | null, at: string | null, id: string, type: RelationType, createdAt: string | null, from:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
              , to:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
               }
            | { __typename: 'Service', offering: string | null, since: string | null, ongoing: boolean, id: string, type: RelationType, createdAt: string | null, from:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
              , to:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
               }
            | { __typename: 'Use', offering: string | null, since: string | null, id: string, type: RelationType, createdAt: string | null, from:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
              , to:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
               }
           }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } }
   | null, neighbourhood: { truncated: boolean, nodes: Array<
      | { id: string, name: string, kind: StakeholderKind }
      | { id: string, name: string, kind: StakeholderKind }
      | { id: string, name: string, kind: StakeholderKind }
    >, relations: Array<
      | { id: string, type: RelationType, from:
          | { id: string }
          | { id: string }
          | { id: string }
        , to:
          | { id: string }
          | { id: string }
          | { id: string }
         }
      | { id: string, type: RelationType, from:
          | { id: string }
          | { id: string }
          | { id: string }
        , to:
          | { id: string }
          | { id: string }
          | { id: string }
         }
      | { id: string, type: RelationType, from:
          | { id: string }
          | { id: string }
          | { id: string }
        , to:
          | { id: string }
          | { id: string }
          | { id: string }
         }
      | { id: string, type: RelationType, from:
          | { id: string }
          | { id: string }
          | { id: string }
        , to:
          | { id: string }
          | { id: string }
          | { id: string }
         }
      | { id: string, type: RelationType, from:
          | { id: string }
          | { id: string }
          | { id: string }
        , to:
          | { id: string }
          | { id: string }
          | { id: string }
         }
      | { id: string, type: RelationType, from:
          | { id: string }
          | { id: string }
          | { id: string }
        , to:
          | { id: string }
          | { id: string }
          | { id: string }
         }
      | { id: string, type: RelationType, from:
          | { id: string }
          | { id: string }
          | { id: string }
        , to:
          | { id: string }
          | { id: string }
          | { id: string }
         }
      | { id: string, type: RelationType, from:
          | { id: string }
          | { id: string }
          | { id: string }
        , to:
          | { id: string }
          | { id: string }
          | { id: string }
         }
      | { id: string, type: RelationType, from:
          | { id: string }
          | { id: string }
          | { id: string }
        , to:
          | { id: string }
          | { id: string }
          | { id: string }
         }
      | { id: string, type: RelationType, from:
          | { id: string }
          | { id: string }
          | { id: string }
        , to:
          | { id: string }
          | { id: string }
          | { id: string }
         }
    > }, customersOf: { totalCount: number, edges: Array<{ cursor: string, node: { lenses: Array<Lens>, customer:
          | { id: string, name: string, kind: StakeholderKind }
          | { id: string, name: string, kind: StakeholderKind }
          | { id: string, name: string, kind: StakeholderKind }
        , evidence: Array<{ lens: Lens, summary: string, path: Array<{ type: RelationType, relationId: string | null, from:
              | { id: string, name: string, kind: StakeholderKind }
              | { id: string, name: string, kind: StakeholderKind }
              | { id: string, name: string, kind: StakeholderKind }
            , to:
              | { id: string, name: string, kind: StakeholderKind }
              | { id: string, name: string, kind: StakeholderKind }
              | { id: string, name: string, kind: StakeholderKind }
             }> }> } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } }, providersOf: { totalCount: number, edges: Array<{ node: { lenses: Array<Lens>, provider:
          | { id: string, name: string, kind: StakeholderKind }
          | { id: string, name: string, kind: StakeholderKind }
          | { id: string, name: string, kind: StakeholderKind }
         } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ExploreProvidersQueryVariables = Exact<{
  id: string | number;
  first: number;
  after?: string | null | undefined;
}>;


export type ExploreProvidersQuery = { providersOf: { totalCount: number, edges: Array<{ node: { lenses: Array<Lens>, provider:
          | { id: string, name: string, kind: StakeholderKind }
          | { id: string, name: string, kind: StakeholderKind }
          | { id: string, name: string, kind: StakeholderKind }
         } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ExploreRelationsQueryVariables = Exact<{
  id: string | number;
  first: number;
  after?: string | null | undefined;
}>;


export type ExploreRelationsQuery = { stakeholder:
    | { relations: { totalCount: number, edges: Array<{ node:
            | { __typename: 'Contribution', what: string | null, at: string | null, id: string, type: RelationType, createdAt: string | null, from:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
              , to:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
               }
            | { __typename: 'Engagement', stage: EngagementStage, channel: string | null, at: string | null, id: string, type: RelationType, createdAt: string | null, from:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
              , to:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
               }
            | { __typename: 'Feedback', nps: number | null, csat: number | null, comment: string | null, offering: string | null, channel: string | null, at: string | null, id: string, type: RelationType, createdAt: string | null, from:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
              , to:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
               }
            | { __typename: 'MemberOf', title: string | null, buyingRole: BuyingRole | null, scope: Array<string>, id: string, type: RelationType, createdAt: string | null, from:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
              , to:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
               }
            | { __typename: 'ParentOf', id: string, type: RelationType, createdAt: string | null, from:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
              , to:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
               }
            | { __typename: 'PartOf', id: string, type: RelationType, createdAt: string | null, from:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
              , to:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
               }
            | { __typename: 'Purchase', amount: number, currency: string, at: string | null, kind: PurchaseKind, consideration: Consideration, id: string, type: RelationType, createdAt: string | null, Purchase_offering: string, from:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
              , to:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
               }
            | { __typename: 'Referral', channel: string | null, at: string | null, id: string, type: RelationType, createdAt: string | null, from:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
              , to:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
               }
            | { __typename: 'Service', offering: string | null, since: string | null, ongoing: boolean, id: string, type: RelationType, createdAt: string | null, from:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
              , to:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
               }
            | { __typename: 'Use', offering: string | null, since: string | null, id: string, type: RelationType, createdAt: string | null, from:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
              , to:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
               }
           }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } }
    | { relations: { totalCount: number, edges: Array<{ node:
            | { __typename: 'Contribution', what: string | null, at: string | null, id: string, type: RelationType, createdAt: string | null, from:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
              , to:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
               }
            | { __typename: 'Engagement', stage: EngagementStage, channel: string | null, at: string | null, id: string, type: RelationType, createdAt: string | null, from:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
              , to:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
               }
            | { __typename: 'Feedback', nps: number | null, csat: number | null, comment: string | null, offering: string | null, channel: string | null, at: string | null, id: string, type: RelationType, createdAt: string | null, from:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
              , to:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
               }
            | { __typename: 'MemberOf', title: string | null, buyingRole: BuyingRole | null, scope: Array<string>, id: string, type: RelationType, createdAt: string | null, from:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
              , to:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
               }
            | { __typename: 'ParentOf', id: string, type: RelationType, createdAt: string | null, from:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
              , to:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
               }
            | { __typename: 'PartOf', id: string, type: RelationType, createdAt: string | null, from:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
              , to:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
               }
            | { __typename: 'Purchase', amount: number, currency: string, at: string | null, kind: PurchaseKind, consideration: Consideration, id: string, type: RelationType, createdAt: string | null, Purchase_offering: string, from:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
              , to:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
               }
            | { __typename: 'Referral', channel: string | null, at: string | null, id: string, type: RelationType, createdAt: string | null, from:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
              , to:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
               }
            | { __typename: 'Service', offering: string | null, since: string | null, ongoing: boolean, id: string, type: RelationType, createdAt: string | null, from:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
              , to:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
               }
            | { __typename: 'Use', offering: string | null, since: string | null, id: string, type: RelationType, createdAt: string | null, from:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
              , to:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
               }
           }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } }
    | { relations: { totalCount: number, edges: Array<{ node:
            | { __typename: 'Contribution', what: string | null, at: string | null, id: string, type: RelationType, createdAt: string | null, from:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
              , to:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
               }
            | { __typename: 'Engagement', stage: EngagementStage, channel: string | null, at: string | null, id: string, type: RelationType, createdAt: string | null, from:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
              , to:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
               }
            | { __typename: 'Feedback', nps: number | null, csat: number | null, comment: string | null, offering: string | null, channel: string | null, at: string | null, id: string, type: RelationType, createdAt: string | null, from:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
              , to:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
               }
            | { __typename: 'MemberOf', title: string | null, buyingRole: BuyingRole | null, scope: Array<string>, id: string, type: RelationType, createdAt: string | null, from:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
              , to:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
               }
            | { __typename: 'ParentOf', id: string, type: RelationType, createdAt: string | null, from:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
              , to:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
               }
            | { __typename: 'PartOf', id: string, type: RelationType, createdAt: string | null, from:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
              , to:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
               }
            | { __typename: 'Purchase', amount: number, currency: string, at: string | null, kind: PurchaseKind, consideration: Consideration, id: string, type: RelationType, createdAt: string | null, Purchase_offering: string, from:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
              , to:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
               }
            | { __typename: 'Referral', channel: string | null, at: string | null, id: string, type: RelationType, createdAt: string | null, from:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
              , to:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
               }
            | { __typename: 'Service', offering: string | null, since: string | null, ongoing: boolean, id: string, type: RelationType, createdAt: string | null, from:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
              , to:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
               }
            | { __typename: 'Use', offering: string | null, since: string | null, id: string, type: RelationType, createdAt: string | null, from:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
              , to:
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
                | { id: string, name: string, kind: StakeholderKind }
               }
           }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } }
   | null };

export type ExploreNeighbourhoodQueryVariables = Exact<{
  id: string | number;
  depth: number;
}>;


export type ExploreNeighbourhoodQuery = { neighbourhood: { truncated: boolean, nodes: Array<
      | { id: string, name: string, kind: StakeholderKind }
      | { id: string, name: string, kind: StakeholderKind }
      | { id: string, name: string, kind: StakeholderKind }
    >, relations: Array<
      | { id: string, type: RelationType, from:
          | { id: string }
          | { id: string }
          | { id: string }
        , to:
          | { id: string }
          | { id: string }
          | { id: string }
         }
      | { id: string, type: RelationType, from:
          | { id: string }
          | { id: string }
          | { id: string }
        , to:
          | { id: string }
          | { id: string }
          | { id: string }
         }
      | { id: string, type: RelationType, from:
          | { id: string }
          | { id: string }
          | { id: string }
        , to:
          | { id: string }
          | { id: string }
          | { id: string }
         }
      | { id: string, type: RelationType, from:
          | { id: string }
          | { id: string }
          | { id: string }
        , to:
          | { id: string }
          | { id: string }
          | { id: string }
         }
      | { id: string, type: RelationType, from:
          | { id: string }
          | { id: string }
          | { id: string }
        , to:
          | { id: string }
          | { id: string }
          | { id: string }
         }
      | { id: string, type: RelationType, from:
          | { id: string }
          | { id: string }
          | { id: string }
        , to:
          | { id: string }
          | { id: string }
          | { id: string }
         }
      | { id: string, type: RelationType, from:
          | { id: string }
          | { id: string }
          | { id: string }
        , to:
          | { id: string }
          | { id: string }
          | { id: string }
         }
      | { id: string, type: RelationType, from:
          | { id: string }
          | { id: string }
          | { id: string }
        , to:
          | { id: string }
          | { id: string }
          | { id: string }
         }
      | { id: string, type: RelationType, from:
          | { id: string }
          | { id: string }
          | { id: string }
        , to:
          | { id: string }
          | { id: string }
          | { id: string }
         }
      | { id: string, type: RelationType, from:
          | { id: string }
          | { id: string }
          | { id: string }
        , to:
          | { id: string }
          | { id: string }
          | { id: string }
         }
    > } };

export type ExploreCustomersQueryVariables = Exact<{
  id: string | number;
  lenses?: Array<Lens> | Lens | null | undefined;
  except?: Array<Lens> | Lens | null | undefined;
  first: number;
  after?: string | null | undefined;
}>;


export type ExploreCustomersQuery = { customersOf: { totalCount: number, edges: Array<{ cursor: string, node: { lenses: Array<Lens>, customer:
          | { id: string, name: string, kind: StakeholderKind }
          | { id: string, name: string, kind: StakeholderKind }
          | { id: string, name: string, kind: StakeholderKind }
        , evidence: Array<{ lens: Lens, summary: string, path: Array<{ type: RelationType, relationId: string | null, from:
              | { id: string, name: string, kind: StakeholderKind }
              | { id: string, name: string, kind: StakeholderKind }
              | { id: string, name: string, kind: StakeholderKind }
            , to:
              | { id: string, name: string, kind: StakeholderKind }
              | { id: string, name: string, kind: StakeholderKind }
              | { id: string, name: string, kind: StakeholderKind }
             }> }> } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ExploreCustomerVerdictQueryVariables = Exact<{
  customer: string | number;
  id: string | number;
}>;


export type ExploreCustomerVerdictQuery = { explain: { customer:
      | { id: string, name: string, kind: StakeholderKind }
      | { id: string, name: string, kind: StakeholderKind }
      | { id: string, name: string, kind: StakeholderKind }
    , lenses: Array<{ lens: Lens, holds: boolean, evidence: Array<{ lens: Lens, summary: string, path: Array<{ type: RelationType, relationId: string | null, from:
            | { id: string, name: string, kind: StakeholderKind }
            | { id: string, name: string, kind: StakeholderKind }
            | { id: string, name: string, kind: StakeholderKind }
          , to:
            | { id: string, name: string, kind: StakeholderKind }
            | { id: string, name: string, kind: StakeholderKind }
            | { id: string, name: string, kind: StakeholderKind }
           }> }> }> } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const StakeholderRefFragmentDoc = new TypedDocumentString(`
    fragment StakeholderRef on Stakeholder {
  id
  name
  kind
}
    `, {"fragmentName":"StakeholderRef"}) as unknown as TypedDocumentString<StakeholderRefFragment, unknown>;
export const CustomerPageFieldsFragmentDoc = new TypedDocumentString(`
    fragment CustomerPageFields on CustomerConnection {
  edges {
    cursor
    node {
      customer {
        ...StakeholderRef
      }
      lenses
      evidence {
        lens
        summary
        path {
          from {
            ...StakeholderRef
          }
          type
          to {
            ...StakeholderRef
          }
          relationId
        }
      }
    }
  }
  pageInfo {
    hasNextPage
    endCursor
  }
  totalCount
}
    fragment StakeholderRef on Stakeholder {
  id
  name
  kind
}`, {"fragmentName":"CustomerPageFields"}) as unknown as TypedDocumentString<CustomerPageFieldsFragment, unknown>;
export const ProviderPageFieldsFragmentDoc = new TypedDocumentString(`
    fragment ProviderPageFields on CustomerConnection {
  edges {
    node {
      provider {
        ...StakeholderRef
      }
      lenses
    }
  }
  pageInfo {
    hasNextPage
    endCursor
  }
  totalCount
}
    fragment StakeholderRef on Stakeholder {
  id
  name
  kind
}`, {"fragmentName":"ProviderPageFields"}) as unknown as TypedDocumentString<ProviderPageFieldsFragment, unknown>;
export const RelationFieldsFragmentDoc = new TypedDocumentString(`
    fragment RelationFields on Relation {
  __typename
  id
  type
  from {
    ...StakeholderRef
  }
  to {
    ...StakeholderRef
  }
  createdAt
  ... on Purchase {
    Purchase_offering: offering
    amount
    currency
    at
    kind
    consideration
  }
  ... on Use {
    offering
    since
  }
  ... on Service {
    offering
    since
    ongoing
  }
  ... on Contribution {
    what
    at
  }
  ... on Engagement {
    stage
    channel
    at
  }
  ... on MemberOf {
    title
    buyingRole
    scope
  }
  ... on Feedback {
    nps
    csat
    comment
    offering
    channel
    at
  }
  ... on Referral {
    channel
    at
  }
}
    fragment StakeholderRef on Stakeholder {
  id
  name
  kind
}`, {"fragmentName":"RelationFields"}) as unknown as TypedDocumentString<RelationFieldsFragment, unknown>;
export const RelationPageFieldsFragmentDoc = new TypedDocumentString(`
    fragment RelationPageFields on RelationConnection {
  edges {
    node {
      ...RelationFields
    }
  }
  pageInfo {
    hasNextPage
    endCursor
  }
  totalCount
}
    fragment StakeholderRef on Stakeholder {
  id
  name
  kind
}
fragment RelationFields on Relation {
  __typename
  id
  type
  from {
    ...StakeholderRef
  }
  to {
    ...StakeholderRef
  }
  createdAt
  ... on Purchase {
    Purchase_offering: offering
    amount
    currency
    at
    kind
    consideration
  }
  ... on Use {
    offering
    since
  }
  ... on Service {
    offering
    since
    ongoing
  }
  ... on Contribution {
    what
    at
  }
  ... on Engagement {
    stage
    channel
    at
  }
  ... on MemberOf {
    title
    buyingRole
    scope
  }
  ... on Feedback {
    nps
    csat
    comment
    offering
    channel
    at
  }
  ... on Referral {
    channel
    at
  }
}`, {"fragmentName":"RelationPageFields"}) as unknown as TypedDocumentString<RelationPageFieldsFragment, unknown>;
export const NeighbourhoodFieldsFragmentDoc = new TypedDocumentString(`
    fragment NeighbourhoodFields on Subgraph {
  nodes {
    ...StakeholderRef
  }
  relations {
    id
    type
    from {
      id
    }
    to {
      id
    }
  }
  truncated
}
    fragment StakeholderRef on Stakeholder {
  id
  name
  kind
}`, {"fragmentName":"NeighbourhoodFields"}) as unknown as TypedDocumentString<NeighbourhoodFieldsFragment, unknown>;
export const ExploreAccountDocument = new TypedDocumentString(`
    query ExploreAccount($id: ID!, $provider: ID) {
  stakeholder(id: $id) {
    id
    name
    kind
    city
    country
  }
  providersOf(customerId: $id, lenses: [EXCHANGE], first: 100) {
    totalCount
    edges {
      node {
        provider {
          id
          name
          kind
        }
      }
    }
  }
  buyingCenter(organizationId: $id, providerId: $provider) {
    members {
      person {
        id
        name
      }
      of {
        id
        name
        kind
      }
      title
      buyingRole
    }
    coveredRoles
    missingRoles
    singleThreaded
  }
  powerInterest(organizationId: $id, providerId: $provider) {
    person {
      id
      name
    }
    power
    interest
    quadrant
  }
}
    `) as unknown as TypedDocumentString<ExploreAccountQuery, ExploreAccountQueryVariables>;
export const ExploreLibraryDocument = new TypedDocumentString(`
    query ExploreLibrary {
  libraryQueries {
    name
    description
    parameters {
      name
      description
      example
      type
      required
    }
  }
}
    `) as unknown as TypedDocumentString<ExploreLibraryQuery, ExploreLibraryQueryVariables>;
export const ExploreRunLibraryQueryDocument = new TypedDocumentString(`
    query ExploreRunLibraryQuery($name: String!, $params: JSON) {
  runLibraryQuery(name: $name, params: $params) {
    columns
    rows
    truncated
  }
}
    `) as unknown as TypedDocumentString<ExploreRunLibraryQueryQuery, ExploreRunLibraryQueryQueryVariables>;
export const ExploreProviderDocument = new TypedDocumentString(`
    query ExploreProvider($id: ID!, $by: SegmentDimension!, $key: String! = "", $open: Boolean! = false) {
  stakeholder(id: $id) {
    id
    name
    kind
    city
    country
  }
  providerSummary(providerId: $id) {
    customersByLens {
      lens
      count
    }
    lensCombinations {
      lenses
      count
    }
    revenue {
      amount
      currency
    }
    purchaseCount
    firstPurchase
    lastPurchase
    offerings {
      offering
      customers
      users
      revenue {
        amount
        currency
      }
    }
  }
  segments(providerId: $id, by: $by) {
    key
    count
    revenue {
      amount
      currency
    }
  }
  rfm(providerId: $id) {
    customer {
      id
      name
    }
    segment
    r
    f
    m
    recencyDays
    frequency
    monetary
    currency
  }
  members: segmentMembers(providerId: $id, by: $by, key: $key, first: 50) @include(if: $open) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        id
        name
        kind
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ExploreProviderQuery, ExploreProviderQueryVariables>;
export const ExploreProviderMoreDocument = new TypedDocumentString(`
    query ExploreProviderMore($id: ID!, $all: [Lens!], $from: DateTime!, $to: DateTime!, $stage: String! = "", $staged: Boolean! = false) {
  funnel: segments(providerId: $id, by: JOURNEY_STAGE, lenses: $all) {
    key
    count
  }
  stageMembers: segmentMembers(
    providerId: $id
    by: JOURNEY_STAGE
    key: $stage
    lenses: $all
    first: 50
  ) @include(if: $staged) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        id
        name
        kind
      }
    }
  }
  leads(providerId: $id, first: 20) {
    prospect {
      id
      name
      kind
    }
    score
    fit
    engagement
    qualified
    reasons
  }
  customerChanges(providerId: $id, from: $from, to: $to) {
    gained {
      customer {
        id
        name
        kind
      }
      lenses
    }
    lost {
      customer {
        id
        name
        kind
      }
      lenses
    }
    kept
  }
}
    `) as unknown as TypedDocumentString<ExploreProviderMoreQuery, ExploreProviderMoreQueryVariables>;
export const ExploreSegmentsDocument = new TypedDocumentString(`
    query ExploreSegments($id: ID!, $by: SegmentDimension!, $key: String! = "", $open: Boolean! = false) {
  segments(providerId: $id, by: $by) {
    key
    count
    revenue {
      amount
      currency
    }
  }
  members: segmentMembers(providerId: $id, by: $by, key: $key, first: 50) @include(if: $open) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        id
        name
        kind
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ExploreSegmentsQuery, ExploreSegmentsQueryVariables>;
export const ExploreCustomerChangesDocument = new TypedDocumentString(`
    query ExploreCustomerChanges($id: ID!, $from: DateTime!, $to: DateTime!) {
  customerChanges(providerId: $id, from: $from, to: $to) {
    gained {
      customer {
        id
        name
        kind
      }
      lenses
    }
    lost {
      customer {
        id
        name
        kind
      }
      lenses
    }
    kept
  }
}
    `) as unknown as TypedDocumentString<ExploreCustomerChangesQuery, ExploreCustomerChangesQueryVariables>;
export const ExploreSegmentMembersDocument = new TypedDocumentString(`
    query ExploreSegmentMembers($id: ID!, $by: SegmentDimension!, $key: String!, $lenses: [Lens!], $first: Int!, $after: String) {
  segmentMembers(
    providerId: $id
    by: $by
    key: $key
    lenses: $lenses
    first: $first
    after: $after
  ) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        id
        name
        kind
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ExploreSegmentMembersQuery, ExploreSegmentMembersQueryVariables>;
export const ExploreSearchDocument = new TypedDocumentString(`
    query ExploreSearch($text: String!) {
  search(text: $text, first: 20) {
    score
    matched
    stakeholder {
      ...StakeholderRef
      city
      country
    }
  }
}
    fragment StakeholderRef on Stakeholder {
  id
  name
  kind
}`) as unknown as TypedDocumentString<ExploreSearchQuery, ExploreSearchQueryVariables>;
export const ExploreStakeholderDocument = new TypedDocumentString(`
    query ExploreStakeholder($id: ID!, $depth: Int!, $lenses: [Lens!], $except: [Lens!], $first: Int!, $relationsFirst: Int!) {
  stakeholder(id: $id) {
    ...StakeholderRef
    city
    country
    tags
    roles
    relations(first: $relationsFirst) {
      ...RelationPageFields
    }
  }
  neighbourhood(id: $id, depth: $depth, limit: 200) {
    ...NeighbourhoodFields
  }
  customersOf(providerId: $id, lenses: $lenses, except: $except, first: $first) {
    ...CustomerPageFields
  }
  providersOf(customerId: $id, first: $first) {
    ...ProviderPageFields
  }
}
    fragment StakeholderRef on Stakeholder {
  id
  name
  kind
}
fragment RelationFields on Relation {
  __typename
  id
  type
  from {
    ...StakeholderRef
  }
  to {
    ...StakeholderRef
  }
  createdAt
  ... on Purchase {
    Purchase_offering: offering
    amount
    currency
    at
    kind
    consideration
  }
  ... on Use {
    offering
    since
  }
  ... on Service {
    offering
    since
    ongoing
  }
  ... on Contribution {
    what
    at
  }
  ... on Engagement {
    stage
    channel
    at
  }
  ... on MemberOf {
    title
    buyingRole
    scope
  }
  ... on Feedback {
    nps
    csat
    comment
    offering
    channel
    at
  }
  ... on Referral {
    channel
    at
  }
}
fragment CustomerPageFields on CustomerConnection {
  edges {
    cursor
    node {
      customer {
        ...StakeholderRef
      }
      lenses
      evidence {
        lens
        summary
        path {
          from {
            ...StakeholderRef
          }
          type
          to {
            ...StakeholderRef
          }
          relationId
        }
      }
    }
  }
  pageInfo {
    hasNextPage
    endCursor
  }
  totalCount
}
fragment ProviderPageFields on CustomerConnection {
  edges {
    node {
      provider {
        ...StakeholderRef
      }
      lenses
    }
  }
  pageInfo {
    hasNextPage
    endCursor
  }
  totalCount
}
fragment RelationPageFields on RelationConnection {
  edges {
    node {
      ...RelationFields
    }
  }
  pageInfo {
    hasNextPage
    endCursor
  }
  totalCount
}
fragment NeighbourhoodFields on Subgraph {
  nodes {
    ...StakeholderRef
  }
  relations {
    id
    type
    from {
      id
    }
    to {
      id
    }
  }
  truncated
}`) as unknown as TypedDocumentString<ExploreStakeholderQuery, ExploreStakeholderQueryVariables>;
export const ExploreProvidersDocument = new TypedDocumentString(`
    query ExploreProviders($id: ID!, $first: Int!, $after: String) {
  providersOf(customerId: $id, first: $first, after: $after) {
    ...ProviderPageFields
  }
}
    fragment StakeholderRef on Stakeholder {
  id
  name
  kind
}
fragment ProviderPageFields on CustomerConnection {
  edges {
    node {
      provider {
        ...StakeholderRef
      }
      lenses
    }
  }
  pageInfo {
    hasNextPage
    endCursor
  }
  totalCount
}`) as unknown as TypedDocumentString<ExploreProvidersQuery, ExploreProvidersQueryVariables>;
export const ExploreRelationsDocument = new TypedDocumentString(`
    query ExploreRelations($id: ID!, $first: Int!, $after: String) {
  stakeholder(id: $id) {
    relations(first: $first, after: $after) {
      ...RelationPageFields
    }
  }
}
    fragment StakeholderRef on Stakeholder {
  id
  name
  kind
}
fragment RelationFields on Relation {
  __typename
  id
  type
  from {
    ...StakeholderRef
  }
  to {
    ...StakeholderRef
  }
  createdAt
  ... on Purchase {
    Purchase_offering: offering
    amount
    currency
    at
    kind
    consideration
  }
  ... on Use {
    offering
    since
  }
  ... on Service {
    offering
    since
    ongoing
  }
  ... on Contribution {
    what
    at
  }
  ... on Engagement {
    stage
    channel
    at
  }
  ... on MemberOf {
    title
    buyingRole
    scope
  }
  ... on Feedback {
    nps
    csat
    comment
    offering
    channel
    at
  }
  ... on Referral {
    channel
    at
  }
}
fragment RelationPageFields on RelationConnection {
  edges {
    node {
      ...RelationFields
    }
  }
  pageInfo {
    hasNextPage
    endCursor
  }
  totalCount
}`) as unknown as TypedDocumentString<ExploreRelationsQuery, ExploreRelationsQueryVariables>;
export const ExploreNeighbourhoodDocument = new TypedDocumentString(`
    query ExploreNeighbourhood($id: ID!, $depth: Int!) {
  neighbourhood(id: $id, depth: $depth, limit: 200) {
    ...NeighbourhoodFields
  }
}
    fragment StakeholderRef on Stakeholder {
  id
  name
  kind
}
fragment NeighbourhoodFields on Subgraph {
  nodes {
    ...StakeholderRef
  }
  relations {
    id
    type
    from {
      id
    }
    to {
      id
    }
  }
  truncated
}`) as unknown as TypedDocumentString<ExploreNeighbourhoodQuery, ExploreNeighbourhoodQueryVariables>;
export const ExploreCustomersDocument = new TypedDocumentString(`
    query ExploreCustomers($id: ID!, $lenses: [Lens!], $except: [Lens!], $first: Int!, $after: String) {
  customersOf(
    providerId: $id
    lenses: $lenses
    except: $except
    first: $first
    after: $after
  ) {
    ...CustomerPageFields
  }
}
    fragment StakeholderRef on Stakeholder {
  id
  name
  kind
}
fragment CustomerPageFields on CustomerConnection {
  edges {
    cursor
    node {
      customer {
        ...StakeholderRef
      }
      lenses
      evidence {
        lens
        summary
        path {
          from {
            ...StakeholderRef
          }
          type
          to {
            ...StakeholderRef
          }
          relationId
        }
      }
    }
  }
  pageInfo {
    hasNextPage
    endCursor
  }
  totalCount
}`) as unknown as TypedDocumentString<ExploreCustomersQuery, ExploreCustomersQueryVariables>;
export const ExploreCustomerVerdictDocument = new TypedDocumentString(`
    query ExploreCustomerVerdict($customer: ID!, $id: ID!) {
  explain(customerId: $customer, providerId: $id) {
    customer {
      ...StakeholderRef
    }
    lenses {
      lens
      holds
      evidence {
        lens
        summary
        path {
          from {
            ...StakeholderRef
          }
          type
          to {
            ...StakeholderRef
          }
          relationId
        }
      }
    }
  }
}
    fragment StakeholderRef on Stakeholder {
  id
  name
  kind
}`) as unknown as TypedDocumentString<ExploreCustomerVerdictQuery, ExploreCustomerVerdictQueryVariables>;