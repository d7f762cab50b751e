import{m as e}from"./chunk-S2A34GG2.js";var r=e(`
  fragment StakeholderRef on Stakeholder {
    id
    name
    kind
  }
`),o=e(`
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
`),n=e(`
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
`),s=e(`
  fragment ProviderPageFields on CustomerConnection {
    edges { node { provider { ...StakeholderRef } lenses } }
    pageInfo { hasNextPage endCursor }
    totalCount
  }
`),i=e(`
  fragment RelationPageFields on RelationConnection {
    edges { node { ...RelationFields } }
    pageInfo { hasNextPage endCursor }
    totalCount
  }
`),a=e(`
  fragment NeighbourhoodFields on Subgraph {
    nodes { ...StakeholderRef }
    relations { id type from { id } to { id } }
    truncated
  }
`),d=e(`
  query ExploreSearch($text: String!) {
    search(text: $text, first: 20) {
      score
      matched
      stakeholder { ...StakeholderRef city country }
    }
  }
`),l=e(`
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
`),p=e(`
  query ExploreProviders($id: ID!, $first: Int!, $after: String) {
    providersOf(customerId: $id, first: $first, after: $after) { ...ProviderPageFields }
  }
`),f=e(`
  query ExploreRelations($id: ID!, $first: Int!, $after: String) {
    stakeholder(id: $id) {
      relations(first: $first, after: $after) { ...RelationPageFields }
    }
  }
`),u=e(`
  query ExploreNeighbourhood($id: ID!, $depth: Int!) {
    neighbourhood(id: $id, depth: $depth, limit: 200) { ...NeighbourhoodFields }
  }
`),c=e(`
  query ExploreCustomers($id: ID!, $lenses: [Lens!], $except: [Lens!], $first: Int!,
      $after: String) {
    customersOf(providerId: $id, lenses: $lenses, except: $except, first: $first, after: $after) {
      ...CustomerPageFields
    }
  }
`),g=e(`
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
`),h=["TRANSACTIONAL","EXCHANGE","BUYING_CENTER","END_USER","INTERNAL","BENEFICIARY","COLLABORATIVE","PROSPECT","CLIENT","REPEAT"];export{d as a,l as b,p as c,f as d,u as e,c as f,g,h};
