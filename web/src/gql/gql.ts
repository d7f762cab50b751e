/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query ExploreAccount($id: ID!, $provider: ID) {\n    stakeholder(id: $id) { id name kind city country }\n    providersOf(customerId: $id, lenses: [EXCHANGE], first: 100) {\n      totalCount\n      edges { node { provider { id name kind } } }\n    }\n    buyingCenter(organizationId: $id, providerId: $provider) {\n      members { person { id name } of { id name kind } title buyingRole }\n      coveredRoles\n      missingRoles\n      singleThreaded\n    }\n    powerInterest(organizationId: $id, providerId: $provider) {\n      person { id name }\n      power\n      interest\n      quadrant\n    }\n  }\n": typeof types.ExploreAccountDocument,
    "\n  query ExploreLibrary {\n    libraryQueries { name description parameters { name description example type required } }\n  }\n": typeof types.ExploreLibraryDocument,
    "\n  query ExploreRunLibraryQuery($name: String!, $params: JSON) {\n    runLibraryQuery(name: $name, params: $params) { columns rows truncated }\n  }\n": typeof types.ExploreRunLibraryQueryDocument,
    "\n  query ExploreProvider($id: ID!, $by: SegmentDimension!, $key: String! = \"\", $open: Boolean! = false) {\n    stakeholder(id: $id) { id name kind city country }\n    providerSummary(providerId: $id) {\n      customersByLens { lens count }\n      lensCombinations { lenses count }\n      revenue { amount currency }\n      purchaseCount\n      firstPurchase\n      lastPurchase\n      offerings { offering customers users revenue { amount currency } }\n    }\n    segments(providerId: $id, by: $by) { key count revenue { amount currency } }\n    rfm(providerId: $id) {\n      customer { id name }\n      segment r f m recencyDays frequency monetary currency\n    }\n    members: segmentMembers(providerId: $id, by: $by, key: $key, first: 50) @include(if: $open) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id name kind } }\n    }\n  }\n": typeof types.ExploreProviderDocument,
    "\n  query ExploreProviderMore($id: ID!, $all: [Lens!], $from: DateTime!, $to: DateTime!,\n      $stage: String! = \"\", $staged: Boolean! = false) {\n    funnel: segments(providerId: $id, by: JOURNEY_STAGE, lenses: $all) { key count }\n    stageMembers: segmentMembers(providerId: $id, by: JOURNEY_STAGE, key: $stage, lenses: $all,\n        first: 50) @include(if: $staged) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id name kind } }\n    }\n    leads(providerId: $id, first: 20) {\n      prospect { id name kind }\n      score fit engagement qualified reasons\n    }\n    customerChanges(providerId: $id, from: $from, to: $to) {\n      gained { customer { id name kind } lenses }\n      lost { customer { id name kind } lenses }\n      kept\n    }\n  }\n": typeof types.ExploreProviderMoreDocument,
    "\n  query ExploreSegments($id: ID!, $by: SegmentDimension!, $key: String! = \"\", $open: Boolean! = false) {\n    segments(providerId: $id, by: $by) { key count revenue { amount currency } }\n    members: segmentMembers(providerId: $id, by: $by, key: $key, first: 50) @include(if: $open) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id name kind } }\n    }\n  }\n": typeof types.ExploreSegmentsDocument,
    "\n  query ExploreCustomerChanges($id: ID!, $from: DateTime!, $to: DateTime!) {\n    customerChanges(providerId: $id, from: $from, to: $to) {\n      gained { customer { id name kind } lenses }\n      lost { customer { id name kind } lenses }\n      kept\n    }\n  }\n": typeof types.ExploreCustomerChangesDocument,
    "\n  query ExploreSegmentMembers($id: ID!, $by: SegmentDimension!, $key: String!, $lenses: [Lens!],\n      $first: Int!, $after: String) {\n    segmentMembers(providerId: $id, by: $by, key: $key, lenses: $lenses, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id name kind } }\n    }\n  }\n": typeof types.ExploreSegmentMembersDocument,
    "\n  fragment StakeholderRef on Stakeholder {\n    id\n    name\n    kind\n  }\n": typeof types.StakeholderRefFragmentDoc,
    "\n  fragment RelationFields on Relation {\n    __typename\n    id\n    type\n    from { ...StakeholderRef }\n    to { ...StakeholderRef }\n    createdAt\n    ... on Purchase { Purchase_offering: offering amount currency at kind consideration }\n    ... on Use { offering since }\n    ... on Service { offering since ongoing }\n    ... on Contribution { what at }\n    ... on Engagement { stage channel at }\n    ... on MemberOf { title buyingRole scope }\n    ... on Feedback { nps csat comment offering channel at }\n    ... on Referral { channel at }\n  }\n": typeof types.RelationFieldsFragmentDoc,
    "\n  fragment CustomerPageFields on CustomerConnection {\n    edges {\n      cursor\n      node {\n        customer { ...StakeholderRef }\n        lenses\n        evidence {\n          lens\n          summary\n          path { from { ...StakeholderRef } type to { ...StakeholderRef } relationId }\n        }\n      }\n    }\n    pageInfo { hasNextPage endCursor }\n    totalCount\n  }\n": typeof types.CustomerPageFieldsFragmentDoc,
    "\n  fragment ProviderPageFields on CustomerConnection {\n    edges { node { provider { ...StakeholderRef } lenses } }\n    pageInfo { hasNextPage endCursor }\n    totalCount\n  }\n": typeof types.ProviderPageFieldsFragmentDoc,
    "\n  fragment RelationPageFields on RelationConnection {\n    edges { node { ...RelationFields } }\n    pageInfo { hasNextPage endCursor }\n    totalCount\n  }\n": typeof types.RelationPageFieldsFragmentDoc,
    "\n  fragment NeighbourhoodFields on Subgraph {\n    nodes { ...StakeholderRef }\n    relations { id type from { id } to { id } }\n    truncated\n  }\n": typeof types.NeighbourhoodFieldsFragmentDoc,
    "\n  query ExploreSearch($text: String!) {\n    search(text: $text, first: 20) {\n      score\n      matched\n      stakeholder { ...StakeholderRef city country }\n    }\n  }\n": typeof types.ExploreSearchDocument,
    "\n  query ExploreStakeholder($id: ID!, $depth: Int!, $lenses: [Lens!], $except: [Lens!],\n      $first: Int!, $relationsFirst: Int!) {\n    stakeholder(id: $id) {\n      ...StakeholderRef\n      city\n      country\n      tags\n      roles\n      relations(first: $relationsFirst) { ...RelationPageFields }\n    }\n    neighbourhood(id: $id, depth: $depth, limit: 200) { ...NeighbourhoodFields }\n    customersOf(providerId: $id, lenses: $lenses, except: $except, first: $first) {\n      ...CustomerPageFields\n    }\n    providersOf(customerId: $id, first: $first) { ...ProviderPageFields }\n  }\n": typeof types.ExploreStakeholderDocument,
    "\n  query ExploreProviders($id: ID!, $first: Int!, $after: String) {\n    providersOf(customerId: $id, first: $first, after: $after) { ...ProviderPageFields }\n  }\n": typeof types.ExploreProvidersDocument,
    "\n  query ExploreRelations($id: ID!, $first: Int!, $after: String) {\n    stakeholder(id: $id) {\n      relations(first: $first, after: $after) { ...RelationPageFields }\n    }\n  }\n": typeof types.ExploreRelationsDocument,
    "\n  query ExploreNeighbourhood($id: ID!, $depth: Int!) {\n    neighbourhood(id: $id, depth: $depth, limit: 200) { ...NeighbourhoodFields }\n  }\n": typeof types.ExploreNeighbourhoodDocument,
    "\n  query ExploreCustomers($id: ID!, $lenses: [Lens!], $except: [Lens!], $first: Int!,\n      $after: String) {\n    customersOf(providerId: $id, lenses: $lenses, except: $except, first: $first, after: $after) {\n      ...CustomerPageFields\n    }\n  }\n": typeof types.ExploreCustomersDocument,
    "\n  query ExploreCustomerVerdict($customer: ID!, $id: ID!) {\n    explain(customerId: $customer, providerId: $id) {\n      customer { ...StakeholderRef }\n      lenses {\n        lens\n        holds\n        evidence {\n          lens\n          summary\n          path { from { ...StakeholderRef } type to { ...StakeholderRef } relationId }\n        }\n      }\n    }\n  }\n": typeof types.ExploreCustomerVerdictDocument,
};
const documents: Documents = {
    "\n  query ExploreAccount($id: ID!, $provider: ID) {\n    stakeholder(id: $id) { id name kind city country }\n    providersOf(customerId: $id, lenses: [EXCHANGE], first: 100) {\n      totalCount\n      edges { node { provider { id name kind } } }\n    }\n    buyingCenter(organizationId: $id, providerId: $provider) {\n      members { person { id name } of { id name kind } title buyingRole }\n      coveredRoles\n      missingRoles\n      singleThreaded\n    }\n    powerInterest(organizationId: $id, providerId: $provider) {\n      person { id name }\n      power\n      interest\n      quadrant\n    }\n  }\n": types.ExploreAccountDocument,
    "\n  query ExploreLibrary {\n    libraryQueries { name description parameters { name description example type required } }\n  }\n": types.ExploreLibraryDocument,
    "\n  query ExploreRunLibraryQuery($name: String!, $params: JSON) {\n    runLibraryQuery(name: $name, params: $params) { columns rows truncated }\n  }\n": types.ExploreRunLibraryQueryDocument,
    "\n  query ExploreProvider($id: ID!, $by: SegmentDimension!, $key: String! = \"\", $open: Boolean! = false) {\n    stakeholder(id: $id) { id name kind city country }\n    providerSummary(providerId: $id) {\n      customersByLens { lens count }\n      lensCombinations { lenses count }\n      revenue { amount currency }\n      purchaseCount\n      firstPurchase\n      lastPurchase\n      offerings { offering customers users revenue { amount currency } }\n    }\n    segments(providerId: $id, by: $by) { key count revenue { amount currency } }\n    rfm(providerId: $id) {\n      customer { id name }\n      segment r f m recencyDays frequency monetary currency\n    }\n    members: segmentMembers(providerId: $id, by: $by, key: $key, first: 50) @include(if: $open) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id name kind } }\n    }\n  }\n": types.ExploreProviderDocument,
    "\n  query ExploreProviderMore($id: ID!, $all: [Lens!], $from: DateTime!, $to: DateTime!,\n      $stage: String! = \"\", $staged: Boolean! = false) {\n    funnel: segments(providerId: $id, by: JOURNEY_STAGE, lenses: $all) { key count }\n    stageMembers: segmentMembers(providerId: $id, by: JOURNEY_STAGE, key: $stage, lenses: $all,\n        first: 50) @include(if: $staged) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id name kind } }\n    }\n    leads(providerId: $id, first: 20) {\n      prospect { id name kind }\n      score fit engagement qualified reasons\n    }\n    customerChanges(providerId: $id, from: $from, to: $to) {\n      gained { customer { id name kind } lenses }\n      lost { customer { id name kind } lenses }\n      kept\n    }\n  }\n": types.ExploreProviderMoreDocument,
    "\n  query ExploreSegments($id: ID!, $by: SegmentDimension!, $key: String! = \"\", $open: Boolean! = false) {\n    segments(providerId: $id, by: $by) { key count revenue { amount currency } }\n    members: segmentMembers(providerId: $id, by: $by, key: $key, first: 50) @include(if: $open) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id name kind } }\n    }\n  }\n": types.ExploreSegmentsDocument,
    "\n  query ExploreCustomerChanges($id: ID!, $from: DateTime!, $to: DateTime!) {\n    customerChanges(providerId: $id, from: $from, to: $to) {\n      gained { customer { id name kind } lenses }\n      lost { customer { id name kind } lenses }\n      kept\n    }\n  }\n": types.ExploreCustomerChangesDocument,
    "\n  query ExploreSegmentMembers($id: ID!, $by: SegmentDimension!, $key: String!, $lenses: [Lens!],\n      $first: Int!, $after: String) {\n    segmentMembers(providerId: $id, by: $by, key: $key, lenses: $lenses, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id name kind } }\n    }\n  }\n": types.ExploreSegmentMembersDocument,
    "\n  fragment StakeholderRef on Stakeholder {\n    id\n    name\n    kind\n  }\n": types.StakeholderRefFragmentDoc,
    "\n  fragment RelationFields on Relation {\n    __typename\n    id\n    type\n    from { ...StakeholderRef }\n    to { ...StakeholderRef }\n    createdAt\n    ... on Purchase { Purchase_offering: offering amount currency at kind consideration }\n    ... on Use { offering since }\n    ... on Service { offering since ongoing }\n    ... on Contribution { what at }\n    ... on Engagement { stage channel at }\n    ... on MemberOf { title buyingRole scope }\n    ... on Feedback { nps csat comment offering channel at }\n    ... on Referral { channel at }\n  }\n": types.RelationFieldsFragmentDoc,
    "\n  fragment CustomerPageFields on CustomerConnection {\n    edges {\n      cursor\n      node {\n        customer { ...StakeholderRef }\n        lenses\n        evidence {\n          lens\n          summary\n          path { from { ...StakeholderRef } type to { ...StakeholderRef } relationId }\n        }\n      }\n    }\n    pageInfo { hasNextPage endCursor }\n    totalCount\n  }\n": types.CustomerPageFieldsFragmentDoc,
    "\n  fragment ProviderPageFields on CustomerConnection {\n    edges { node { provider { ...StakeholderRef } lenses } }\n    pageInfo { hasNextPage endCursor }\n    totalCount\n  }\n": types.ProviderPageFieldsFragmentDoc,
    "\n  fragment RelationPageFields on RelationConnection {\n    edges { node { ...RelationFields } }\n    pageInfo { hasNextPage endCursor }\n    totalCount\n  }\n": types.RelationPageFieldsFragmentDoc,
    "\n  fragment NeighbourhoodFields on Subgraph {\n    nodes { ...StakeholderRef }\n    relations { id type from { id } to { id } }\n    truncated\n  }\n": types.NeighbourhoodFieldsFragmentDoc,
    "\n  query ExploreSearch($text: String!) {\n    search(text: $text, first: 20) {\n      score\n      matched\n      stakeholder { ...StakeholderRef city country }\n    }\n  }\n": types.ExploreSearchDocument,
    "\n  query ExploreStakeholder($id: ID!, $depth: Int!, $lenses: [Lens!], $except: [Lens!],\n      $first: Int!, $relationsFirst: Int!) {\n    stakeholder(id: $id) {\n      ...StakeholderRef\n      city\n      country\n      tags\n      roles\n      relations(first: $relationsFirst) { ...RelationPageFields }\n    }\n    neighbourhood(id: $id, depth: $depth, limit: 200) { ...NeighbourhoodFields }\n    customersOf(providerId: $id, lenses: $lenses, except: $except, first: $first) {\n      ...CustomerPageFields\n    }\n    providersOf(customerId: $id, first: $first) { ...ProviderPageFields }\n  }\n": types.ExploreStakeholderDocument,
    "\n  query ExploreProviders($id: ID!, $first: Int!, $after: String) {\n    providersOf(customerId: $id, first: $first, after: $after) { ...ProviderPageFields }\n  }\n": types.ExploreProvidersDocument,
    "\n  query ExploreRelations($id: ID!, $first: Int!, $after: String) {\n    stakeholder(id: $id) {\n      relations(first: $first, after: $after) { ...RelationPageFields }\n    }\n  }\n": types.ExploreRelationsDocument,
    "\n  query ExploreNeighbourhood($id: ID!, $depth: Int!) {\n    neighbourhood(id: $id, depth: $depth, limit: 200) { ...NeighbourhoodFields }\n  }\n": types.ExploreNeighbourhoodDocument,
    "\n  query ExploreCustomers($id: ID!, $lenses: [Lens!], $except: [Lens!], $first: Int!,\n      $after: String) {\n    customersOf(providerId: $id, lenses: $lenses, except: $except, first: $first, after: $after) {\n      ...CustomerPageFields\n    }\n  }\n": types.ExploreCustomersDocument,
    "\n  query ExploreCustomerVerdict($customer: ID!, $id: ID!) {\n    explain(customerId: $customer, providerId: $id) {\n      customer { ...StakeholderRef }\n      lenses {\n        lens\n        holds\n        evidence {\n          lens\n          summary\n          path { from { ...StakeholderRef } type to { ...StakeholderRef } relationId }\n        }\n      }\n    }\n  }\n": types.ExploreCustomerVerdictDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExploreAccount($id: ID!, $provider: ID) {\n    stakeholder(id: $id) { id name kind city country }\n    providersOf(customerId: $id, lenses: [EXCHANGE], first: 100) {\n      totalCount\n      edges { node { provider { id name kind } } }\n    }\n    buyingCenter(organizationId: $id, providerId: $provider) {\n      members { person { id name } of { id name kind } title buyingRole }\n      coveredRoles\n      missingRoles\n      singleThreaded\n    }\n    powerInterest(organizationId: $id, providerId: $provider) {\n      person { id name }\n      power\n      interest\n      quadrant\n    }\n  }\n"): typeof import('./graphql').ExploreAccountDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExploreLibrary {\n    libraryQueries { name description parameters { name description example type required } }\n  }\n"): typeof import('./graphql').ExploreLibraryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExploreRunLibraryQuery($name: String!, $params: JSON) {\n    runLibraryQuery(name: $name, params: $params) { columns rows truncated }\n  }\n"): typeof import('./graphql').ExploreRunLibraryQueryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExploreProvider($id: ID!, $by: SegmentDimension!, $key: String! = \"\", $open: Boolean! = false) {\n    stakeholder(id: $id) { id name kind city country }\n    providerSummary(providerId: $id) {\n      customersByLens { lens count }\n      lensCombinations { lenses count }\n      revenue { amount currency }\n      purchaseCount\n      firstPurchase\n      lastPurchase\n      offerings { offering customers users revenue { amount currency } }\n    }\n    segments(providerId: $id, by: $by) { key count revenue { amount currency } }\n    rfm(providerId: $id) {\n      customer { id name }\n      segment r f m recencyDays frequency monetary currency\n    }\n    members: segmentMembers(providerId: $id, by: $by, key: $key, first: 50) @include(if: $open) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id name kind } }\n    }\n  }\n"): typeof import('./graphql').ExploreProviderDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExploreProviderMore($id: ID!, $all: [Lens!], $from: DateTime!, $to: DateTime!,\n      $stage: String! = \"\", $staged: Boolean! = false) {\n    funnel: segments(providerId: $id, by: JOURNEY_STAGE, lenses: $all) { key count }\n    stageMembers: segmentMembers(providerId: $id, by: JOURNEY_STAGE, key: $stage, lenses: $all,\n        first: 50) @include(if: $staged) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id name kind } }\n    }\n    leads(providerId: $id, first: 20) {\n      prospect { id name kind }\n      score fit engagement qualified reasons\n    }\n    customerChanges(providerId: $id, from: $from, to: $to) {\n      gained { customer { id name kind } lenses }\n      lost { customer { id name kind } lenses }\n      kept\n    }\n  }\n"): typeof import('./graphql').ExploreProviderMoreDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExploreSegments($id: ID!, $by: SegmentDimension!, $key: String! = \"\", $open: Boolean! = false) {\n    segments(providerId: $id, by: $by) { key count revenue { amount currency } }\n    members: segmentMembers(providerId: $id, by: $by, key: $key, first: 50) @include(if: $open) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id name kind } }\n    }\n  }\n"): typeof import('./graphql').ExploreSegmentsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExploreCustomerChanges($id: ID!, $from: DateTime!, $to: DateTime!) {\n    customerChanges(providerId: $id, from: $from, to: $to) {\n      gained { customer { id name kind } lenses }\n      lost { customer { id name kind } lenses }\n      kept\n    }\n  }\n"): typeof import('./graphql').ExploreCustomerChangesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExploreSegmentMembers($id: ID!, $by: SegmentDimension!, $key: String!, $lenses: [Lens!],\n      $first: Int!, $after: String) {\n    segmentMembers(providerId: $id, by: $by, key: $key, lenses: $lenses, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id name kind } }\n    }\n  }\n"): typeof import('./graphql').ExploreSegmentMembersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment StakeholderRef on Stakeholder {\n    id\n    name\n    kind\n  }\n"): typeof import('./graphql').StakeholderRefFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RelationFields on Relation {\n    __typename\n    id\n    type\n    from { ...StakeholderRef }\n    to { ...StakeholderRef }\n    createdAt\n    ... on Purchase { Purchase_offering: offering amount currency at kind consideration }\n    ... on Use { offering since }\n    ... on Service { offering since ongoing }\n    ... on Contribution { what at }\n    ... on Engagement { stage channel at }\n    ... on MemberOf { title buyingRole scope }\n    ... on Feedback { nps csat comment offering channel at }\n    ... on Referral { channel at }\n  }\n"): typeof import('./graphql').RelationFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CustomerPageFields on CustomerConnection {\n    edges {\n      cursor\n      node {\n        customer { ...StakeholderRef }\n        lenses\n        evidence {\n          lens\n          summary\n          path { from { ...StakeholderRef } type to { ...StakeholderRef } relationId }\n        }\n      }\n    }\n    pageInfo { hasNextPage endCursor }\n    totalCount\n  }\n"): typeof import('./graphql').CustomerPageFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProviderPageFields on CustomerConnection {\n    edges { node { provider { ...StakeholderRef } lenses } }\n    pageInfo { hasNextPage endCursor }\n    totalCount\n  }\n"): typeof import('./graphql').ProviderPageFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RelationPageFields on RelationConnection {\n    edges { node { ...RelationFields } }\n    pageInfo { hasNextPage endCursor }\n    totalCount\n  }\n"): typeof import('./graphql').RelationPageFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment NeighbourhoodFields on Subgraph {\n    nodes { ...StakeholderRef }\n    relations { id type from { id } to { id } }\n    truncated\n  }\n"): typeof import('./graphql').NeighbourhoodFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExploreSearch($text: String!) {\n    search(text: $text, first: 20) {\n      score\n      matched\n      stakeholder { ...StakeholderRef city country }\n    }\n  }\n"): typeof import('./graphql').ExploreSearchDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExploreStakeholder($id: ID!, $depth: Int!, $lenses: [Lens!], $except: [Lens!],\n      $first: Int!, $relationsFirst: Int!) {\n    stakeholder(id: $id) {\n      ...StakeholderRef\n      city\n      country\n      tags\n      roles\n      relations(first: $relationsFirst) { ...RelationPageFields }\n    }\n    neighbourhood(id: $id, depth: $depth, limit: 200) { ...NeighbourhoodFields }\n    customersOf(providerId: $id, lenses: $lenses, except: $except, first: $first) {\n      ...CustomerPageFields\n    }\n    providersOf(customerId: $id, first: $first) { ...ProviderPageFields }\n  }\n"): typeof import('./graphql').ExploreStakeholderDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExploreProviders($id: ID!, $first: Int!, $after: String) {\n    providersOf(customerId: $id, first: $first, after: $after) { ...ProviderPageFields }\n  }\n"): typeof import('./graphql').ExploreProvidersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExploreRelations($id: ID!, $first: Int!, $after: String) {\n    stakeholder(id: $id) {\n      relations(first: $first, after: $after) { ...RelationPageFields }\n    }\n  }\n"): typeof import('./graphql').ExploreRelationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExploreNeighbourhood($id: ID!, $depth: Int!) {\n    neighbourhood(id: $id, depth: $depth, limit: 200) { ...NeighbourhoodFields }\n  }\n"): typeof import('./graphql').ExploreNeighbourhoodDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExploreCustomers($id: ID!, $lenses: [Lens!], $except: [Lens!], $first: Int!,\n      $after: String) {\n    customersOf(providerId: $id, lenses: $lenses, except: $except, first: $first, after: $after) {\n      ...CustomerPageFields\n    }\n  }\n"): typeof import('./graphql').ExploreCustomersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExploreCustomerVerdict($customer: ID!, $id: ID!) {\n    explain(customerId: $customer, providerId: $id) {\n      customer { ...StakeholderRef }\n      lenses {\n        lens\n        holds\n        evidence {\n          lens\n          summary\n          path { from { ...StakeholderRef } type to { ...StakeholderRef } relationId }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').ExploreCustomerVerdictDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
