import{a as l}from"./chunk-O2XFH626.js";var k="stakegraph.apiKey",m=class extends Error{},a=class extends Error{constructor(r,t=[]){super(r);l(this,"errors",t)}};function q(){return sessionStorage.getItem(k)}function u(n){n?sessionStorage.setItem(k,n):sessionStorage.removeItem(k)}async function Q(n,i,r){let t={"Content-Type":"application/json",Accept:"application/graphql-response+json, application/json"},o=q();o&&(t.Authorization=`Bearer ${o}`);let d=await fetch("/graphql",{method:"POST",headers:t,body:JSON.stringify({query:n.toString(),variables:i}),signal:r});if(d.status===401)throw u(null),new m("this server needs an API key");let g;try{g=await d.json()}catch{throw new a(`the server answered ${d.status} without GraphQL`)}if(g.errors?.length)throw new a(g.errors.map(N=>N.message).join("; "),g.errors);if(!g.data)throw new a(`the server answered ${d.status}`);return g.data}function s(n,i={},...r){let t=document.createElement(n);for(let[o,d]of Object.entries(i))d===void 0||d===!1||t.setAttribute(o,d===!0?"":d);for(let o of r)o!==null&&t.append(o);return t}function G(n){return`/explore/stakeholder/${encodeURIComponent(n)}`}function Y(n,i=null){let r=`/explore/account/${encodeURIComponent(n)}`;return i?`${r}?provider=${encodeURIComponent(i)}`:r}function H(n){return`/explore/provider/${encodeURIComponent(n)}`}function J(n,i,r={}){return s("a",{href:n,"data-internal":!0,...r},i)}function z(n){return n.charAt(0)+n.slice(1).toLowerCase()}function j(n,i,...r){return s("section",{id:i,class:`panel ${i}`,"aria-labelledby":`${i}-title`},s("h2",{id:`${i}-title`},n),...r)}function X(n){history.pushState(null,"",n),O()}function O(){window.dispatchEvent(new PopStateEvent("popstate"))}function Z(n,i){if(n instanceof m)return L(i);let r=n instanceof a||n instanceof Error?n.message:String(n);return s("p",{role:"alert",class:"error"},`Could not load: ${r}`)}function L(n){let i=s("input",{id:"api-key",type:"password",autocomplete:"off",required:!0}),r=s("form",{class:"key","aria-label":"This server needs an API key"},s("p",{},"This server needs an API key. It is kept for this tab only."),s("label",{for:"api-key"},"API key "),i,s("button",{type:"submit"},"Use key"));return r.addEventListener("submit",t=>{t.preventDefault(),u(i.value.trim()),n()}),queueMicrotask(()=>i.focus()),r}var e=class extends String{constructor(r,t){super(r);l(this,"__apiType");l(this,"value");l(this,"__meta__");this.value=r,this.__meta__=t}toString(){return this.value}},p=new e(`
    fragment StakeholderRef on Stakeholder {
  id
  name
  kind
}
    `,{fragmentName:"StakeholderRef"}),h=new e(`
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
}`,{fragmentName:"CustomerPageFields"}),y=new e(`
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
}`,{fragmentName:"ProviderPageFields"}),c=new e(`
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
}`,{fragmentName:"RelationFields"}),f=new e(`
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
}`,{fragmentName:"RelationPageFields"}),S=new e(`
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
}`,{fragmentName:"NeighbourhoodFields"}),K=new e(`
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
    `),$=new e(`
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
    `),b=new e(`
    query ExploreRunLibraryQuery($name: String!, $params: JSON) {
  runLibraryQuery(name: $name, params: $params) {
    columns
    rows
    truncated
  }
}
    `),R=new e(`
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
    `),x=new e(`
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
    `),E=new e(`
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
    `),I=new e(`
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
    `),C=new e(`
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
    `),_=new e(`
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
}`),P=new e(`
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
}`),A=new e(`
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
}`),T=new e(`
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
}`),v=new e(`
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
}`),D=new e(`
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
}`),F=new e(`
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
}`);var M={"\n  query ExploreAccount($id: ID!, $provider: ID) {\n    stakeholder(id: $id) { id name kind city country }\n    providersOf(customerId: $id, lenses: [EXCHANGE], first: 100) {\n      totalCount\n      edges { node { provider { id name kind } } }\n    }\n    buyingCenter(organizationId: $id, providerId: $provider) {\n      members { person { id name } of { id name kind } title buyingRole }\n      coveredRoles\n      missingRoles\n      singleThreaded\n    }\n    powerInterest(organizationId: $id, providerId: $provider) {\n      person { id name }\n      power\n      interest\n      quadrant\n    }\n  }\n":K,"\n  query ExploreLibrary {\n    libraryQueries { name description parameters { name description example type required } }\n  }\n":$,"\n  query ExploreRunLibraryQuery($name: String!, $params: JSON) {\n    runLibraryQuery(name: $name, params: $params) { columns rows truncated }\n  }\n":b,'\n  query ExploreProvider($id: ID!, $by: SegmentDimension!, $key: String! = "", $open: Boolean! = false) {\n    stakeholder(id: $id) { id name kind city country }\n    providerSummary(providerId: $id) {\n      customersByLens { lens count }\n      lensCombinations { lenses count }\n      revenue { amount currency }\n      purchaseCount\n      firstPurchase\n      lastPurchase\n      offerings { offering customers users revenue { amount currency } }\n    }\n    segments(providerId: $id, by: $by) { key count revenue { amount currency } }\n    rfm(providerId: $id) {\n      customer { id name }\n      segment r f m recencyDays frequency monetary currency\n    }\n    members: segmentMembers(providerId: $id, by: $by, key: $key, first: 50) @include(if: $open) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id name kind } }\n    }\n  }\n':R,'\n  query ExploreProviderMore($id: ID!, $all: [Lens!], $from: DateTime!, $to: DateTime!,\n      $stage: String! = "", $staged: Boolean! = false) {\n    funnel: segments(providerId: $id, by: JOURNEY_STAGE, lenses: $all) { key count }\n    stageMembers: segmentMembers(providerId: $id, by: JOURNEY_STAGE, key: $stage, lenses: $all,\n        first: 50) @include(if: $staged) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id name kind } }\n    }\n    leads(providerId: $id, first: 20) {\n      prospect { id name kind }\n      score fit engagement qualified reasons\n    }\n    customerChanges(providerId: $id, from: $from, to: $to) {\n      gained { customer { id name kind } lenses }\n      lost { customer { id name kind } lenses }\n      kept\n    }\n  }\n':x,'\n  query ExploreSegments($id: ID!, $by: SegmentDimension!, $key: String! = "", $open: Boolean! = false) {\n    segments(providerId: $id, by: $by) { key count revenue { amount currency } }\n    members: segmentMembers(providerId: $id, by: $by, key: $key, first: 50) @include(if: $open) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id name kind } }\n    }\n  }\n':E,"\n  query ExploreCustomerChanges($id: ID!, $from: DateTime!, $to: DateTime!) {\n    customerChanges(providerId: $id, from: $from, to: $to) {\n      gained { customer { id name kind } lenses }\n      lost { customer { id name kind } lenses }\n      kept\n    }\n  }\n":I,"\n  query ExploreSegmentMembers($id: ID!, $by: SegmentDimension!, $key: String!, $lenses: [Lens!],\n      $first: Int!, $after: String) {\n    segmentMembers(providerId: $id, by: $by, key: $key, lenses: $lenses, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id name kind } }\n    }\n  }\n":C,"\n  fragment StakeholderRef on Stakeholder {\n    id\n    name\n    kind\n  }\n":p,"\n  fragment RelationFields on Relation {\n    __typename\n    id\n    type\n    from { ...StakeholderRef }\n    to { ...StakeholderRef }\n    createdAt\n    ... on Purchase { Purchase_offering: offering amount currency at kind consideration }\n    ... on Use { offering since }\n    ... on Service { offering since ongoing }\n    ... on Contribution { what at }\n    ... on Engagement { stage channel at }\n    ... on MemberOf { title buyingRole scope }\n    ... on Feedback { nps csat comment offering channel at }\n    ... on Referral { channel at }\n  }\n":c,"\n  fragment CustomerPageFields on CustomerConnection {\n    edges {\n      cursor\n      node {\n        customer { ...StakeholderRef }\n        lenses\n        evidence {\n          lens\n          summary\n          path { from { ...StakeholderRef } type to { ...StakeholderRef } relationId }\n        }\n      }\n    }\n    pageInfo { hasNextPage endCursor }\n    totalCount\n  }\n":h,"\n  fragment ProviderPageFields on CustomerConnection {\n    edges { node { provider { ...StakeholderRef } lenses } }\n    pageInfo { hasNextPage endCursor }\n    totalCount\n  }\n":y,"\n  fragment RelationPageFields on RelationConnection {\n    edges { node { ...RelationFields } }\n    pageInfo { hasNextPage endCursor }\n    totalCount\n  }\n":f,"\n  fragment NeighbourhoodFields on Subgraph {\n    nodes { ...StakeholderRef }\n    relations { id type from { id } to { id } }\n    truncated\n  }\n":S,"\n  query ExploreSearch($text: String!) {\n    search(text: $text, first: 20) {\n      score\n      matched\n      stakeholder { ...StakeholderRef city country }\n    }\n  }\n":_,"\n  query ExploreStakeholder($id: ID!, $depth: Int!, $lenses: [Lens!], $except: [Lens!],\n      $first: Int!, $relationsFirst: Int!) {\n    stakeholder(id: $id) {\n      ...StakeholderRef\n      city\n      country\n      tags\n      roles\n      relations(first: $relationsFirst) { ...RelationPageFields }\n    }\n    neighbourhood(id: $id, depth: $depth, limit: 200) { ...NeighbourhoodFields }\n    customersOf(providerId: $id, lenses: $lenses, except: $except, first: $first) {\n      ...CustomerPageFields\n    }\n    providersOf(customerId: $id, first: $first) { ...ProviderPageFields }\n  }\n":P,"\n  query ExploreProviders($id: ID!, $first: Int!, $after: String) {\n    providersOf(customerId: $id, first: $first, after: $after) { ...ProviderPageFields }\n  }\n":A,"\n  query ExploreRelations($id: ID!, $first: Int!, $after: String) {\n    stakeholder(id: $id) {\n      relations(first: $first, after: $after) { ...RelationPageFields }\n    }\n  }\n":T,"\n  query ExploreNeighbourhood($id: ID!, $depth: Int!) {\n    neighbourhood(id: $id, depth: $depth, limit: 200) { ...NeighbourhoodFields }\n  }\n":v,"\n  query ExploreCustomers($id: ID!, $lenses: [Lens!], $except: [Lens!], $first: Int!,\n      $after: String) {\n    customersOf(providerId: $id, lenses: $lenses, except: $except, first: $first, after: $after) {\n      ...CustomerPageFields\n    }\n  }\n":D,"\n  query ExploreCustomerVerdict($customer: ID!, $id: ID!) {\n    explain(customerId: $customer, providerId: $id) {\n      customer { ...StakeholderRef }\n      lenses {\n        lens\n        holds\n        evidence {\n          lens\n          summary\n          path { from { ...StakeholderRef } type to { ...StakeholderRef } relationId }\n        }\n      }\n    }\n  }\n":F};function en(n){return M[n]??{}}export{a,Q as b,s as c,G as d,Y as e,H as f,J as g,z as h,j as i,X as j,O as k,Z as l,en as m};
