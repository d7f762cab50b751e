// The GraphQL documents of the page: one or two requests per view.

const STAKEHOLDER = "id name kind";

// Purchase's offering is String! where the others' is String: it needs an alias (Type_field).
const RELATION = `__typename id type from { ${STAKEHOLDER} } to { ${STAKEHOLDER} } createdAt
  ... on Purchase { Purchase_offering: offering amount currency at kind consideration }
  ... on Use { offering since }
  ... on Service { offering since ongoing }
  ... on Contribution { what at }
  ... on Engagement { stage channel at }
  ... on MemberOf { title buyingRole scope }
  ... on Feedback { nps csat comment offering channel at }
  ... on Referral { channel at }`;

const CUSTOMERS = `edges { cursor node {
    customer { ${STAKEHOLDER} } lenses
    evidence { lens summary path { from { ${STAKEHOLDER} } type to { ${STAKEHOLDER} } relationId } }
  } }
  pageInfo { hasNextPage endCursor } totalCount`;

export const SEARCH = `query ExploreSearch($text: String!) {
  search(text: $text, first: 20) { score matched stakeholder { ${STAKEHOLDER} city country } }
}`;

export const NEIGHBOURHOOD_FIELDS = `neighbourhood(id: $id, depth: $depth, limit: 150) {
    nodes { ${STAKEHOLDER} } relations { id type from { id } to { id } } truncated
  }`;

export const STAKEHOLDER_PAGE = `query ExploreStakeholder($id: ID!, $depth: Int!, $lenses: [Lens!],
    $except: [Lens!], $first: Int!) {
  stakeholder(id: $id) {
    ${STAKEHOLDER} city country tags roles
    relations(first: 20) { totalCount edges { node { ${RELATION} } } }
  }
  ${NEIGHBOURHOOD_FIELDS}
  customersOf(providerId: $id, lenses: $lenses, except: $except, first: $first) { ${CUSTOMERS} }
  providersOf(customerId: $id, first: $first) {
    totalCount edges { node { provider { ${STAKEHOLDER} } lenses } }
  }
}`;

export const NEIGHBOURHOOD = `query ExploreNeighbourhood($id: ID!, $depth: Int!) {
  ${NEIGHBOURHOOD_FIELDS}
}`;

export const CUSTOMERS_PAGE = `query ExploreCustomers($id: ID!, $lenses: [Lens!], $except: [Lens!],
    $first: Int!, $after: String) {
  customersOf(providerId: $id, lenses: $lenses, except: $except, first: $first, after: $after) {
    ${CUSTOMERS}
  }
}`;

export interface Node {
  id: string;
  name: string;
  kind: string;
}

export interface Hit {
  score: number;
  matched: string[];
  stakeholder: Node & { city: string | null; country: string | null };
}

export interface PathStep {
  from: Node;
  type: string;
  to: Node;
  relationId: string | null;
}

export interface Evidence {
  lens: string;
  summary: string;
  path: PathStep[];
}

export interface Customer {
  customer: Node;
  lenses: string[];
  evidence: Evidence[];
}

export interface Customers {
  edges: { cursor: string; node: Customer }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

export interface Subgraph {
  nodes: Node[];
  relations: { id: string; type: string; from: { id: string }; to: { id: string } }[];
  truncated: boolean;
}

export type Relation = {
  __typename: string;
  id: string;
  type: string;
  from: Node;
  to: Node;
  createdAt: string | null;
} & Record<string, unknown>;

export interface StakeholderPage {
  stakeholder:
    | (Node & {
        city: string | null;
        country: string | null;
        tags: string[];
        roles: string[];
        relations: { totalCount: number; edges: { node: Relation }[] };
      })
    | null;
  neighbourhood: Subgraph;
  customersOf: Customers;
  providersOf: { totalCount: number; edges: { node: { provider: Node; lenses: string[] } }[] };
}

export const LENSES = [
  "TRANSACTIONAL",
  "EXCHANGE",
  "BUYING_CENTER",
  "END_USER",
  "INTERNAL",
  "BENEFICIARY",
  "COLLABORATIVE",
  "PROSPECT",
  "CLIENT",
];
