// The GraphQL documents of the page: one or two requests per view. Each is a `graphql()`
// call that GraphQL Code Generator reads (codegen.ts): it checks the document against
// ../schema.graphql and types its variables and result (src/gql/, generated).

import { graphql } from "./gql";
import type {
  ExploreCustomerVerdictQuery,
  ExploreCustomersQuery,
  ExploreSearchQuery,
  ExploreStakeholderQuery,
  Lens,
  NeighbourhoodFieldsFragment,
  ProviderPageFieldsFragment,
  RelationPageFieldsFragment,
  RelationFieldsFragment,
  StakeholderRefFragment,
} from "./gql/graphql";

export const STAKEHOLDER_REF = graphql(`
  fragment StakeholderRef on Stakeholder {
    id
    name
    kind
  }
`);

// Purchase's offering is String! where the others' is String: it needs an alias (Type_field).
export const RELATION_FIELDS = graphql(`
  fragment RelationFields on Relation {
    __typename
    id
    type
    from { ...StakeholderRef }
    to { ...StakeholderRef }
    createdAt
    ... on Purchase { Purchase_offering: offering amount currency at kind consideration }
    ... on Use { offering since }
    ... on Service { offering since ongoing }
    ... on Contribution { what at }
    ... on Engagement { stage channel at }
    ... on MemberOf { title buyingRole scope }
    ... on Feedback { nps csat comment offering channel at }
    ... on Referral { channel at }
  }
`);

export const CUSTOMER_PAGE_FIELDS = graphql(`
  fragment CustomerPageFields on CustomerConnection {
    edges {
      cursor
      node {
        customer { ...StakeholderRef }
        lenses
        evidence {
          lens
          summary
          path { from { ...StakeholderRef } type to { ...StakeholderRef } relationId }
        }
      }
    }
    pageInfo { hasNextPage endCursor }
    totalCount
  }
`);

export const PROVIDER_PAGE_FIELDS = graphql(`
  fragment ProviderPageFields on CustomerConnection {
    edges { node { provider { ...StakeholderRef } lenses } }
    pageInfo { hasNextPage endCursor }
    totalCount
  }
`);

export const RELATION_PAGE_FIELDS = graphql(`
  fragment RelationPageFields on RelationConnection {
    edges { node { ...RelationFields } }
    pageInfo { hasNextPage endCursor }
    totalCount
  }
`);

export const NEIGHBOURHOOD_FIELDS = graphql(`
  fragment NeighbourhoodFields on Subgraph {
    nodes { ...StakeholderRef }
    relations { id type from { id } to { id } }
    truncated
  }
`);

export const SEARCH = graphql(`
  query ExploreSearch($text: String!) {
    search(text: $text, first: 20) {
      score
      matched
      stakeholder { ...StakeholderRef city country }
    }
  }
`);

export const STAKEHOLDER_PAGE = graphql(`
  query ExploreStakeholder($id: ID!, $depth: Int!, $lenses: [Lens!], $except: [Lens!],
      $first: Int!, $relationsFirst: Int!) {
    stakeholder(id: $id) {
      ...StakeholderRef
      city
      country
      tags
      roles
      relations(first: $relationsFirst) { ...RelationPageFields }
    }
    neighbourhood(id: $id, depth: $depth, limit: 200) { ...NeighbourhoodFields }
    customersOf(providerId: $id, lenses: $lenses, except: $except, first: $first) {
      ...CustomerPageFields
    }
    providersOf(customerId: $id, first: $first) { ...ProviderPageFields }
  }
`);

export const PROVIDERS_PAGE = graphql(`
  query ExploreProviders($id: ID!, $first: Int!, $after: String) {
    providersOf(customerId: $id, first: $first, after: $after) { ...ProviderPageFields }
  }
`);

export const RELATIONS_PAGE = graphql(`
  query ExploreRelations($id: ID!, $first: Int!, $after: String) {
    stakeholder(id: $id) {
      relations(first: $first, after: $after) { ...RelationPageFields }
    }
  }
`);

export const NEIGHBOURHOOD = graphql(`
  query ExploreNeighbourhood($id: ID!, $depth: Int!) {
    neighbourhood(id: $id, depth: $depth, limit: 200) { ...NeighbourhoodFields }
  }
`);

export const CUSTOMERS_PAGE = graphql(`
  query ExploreCustomers($id: ID!, $lenses: [Lens!], $except: [Lens!], $first: Int!,
      $after: String) {
    customersOf(providerId: $id, lenses: $lenses, except: $except, first: $first, after: $after) {
      ...CustomerPageFields
    }
  }
`);

// One customer's evidence, for a shared link whose chosen customer is not on the Customers
// panel's first page.
export const CUSTOMER_VERDICT = graphql(`
  query ExploreCustomerVerdict($customer: ID!, $id: ID!) {
    explain(customerId: $customer, providerId: $id) {
      customer { ...StakeholderRef }
      lenses {
        lens
        holds
        evidence {
          lens
          summary
          path { from { ...StakeholderRef } type to { ...StakeholderRef } relationId }
        }
      }
    }
  }
`);

// Names for the shapes the views use (all generated from the documents above).
export type Node = StakeholderRefFragment;
export type Hit = ExploreSearchQuery["search"][number];
export type StakeholderPage = ExploreStakeholderQuery;
export type Customers = ExploreCustomersQuery["customersOf"];
export type Customer = Customers["edges"][number]["node"];
export type Evidence = Customer["evidence"][number];
export type PathStep = Evidence["path"][number];
export type Subgraph = NeighbourhoodFieldsFragment;
export type Providers = ProviderPageFieldsFragment;
export type Relations = RelationPageFieldsFragment;
export type Relation = RelationFieldsFragment;
export type Verdict = ExploreCustomerVerdictQuery["explain"];
export type { Lens };

// Every lens, in the schema's order: the lens chips, and the provider dashboard's UpSet
// order and journey funnel (which counts prospects too).
export const LENSES: Lens[] = [
  "TRANSACTIONAL",
  "EXCHANGE",
  "BUYING_CENTER",
  "END_USER",
  "INTERNAL",
  "BENEFICIARY",
  "COLLABORATIVE",
  "PROSPECT",
  "CLIENT",
  "REPEAT",
];
