// The page's only way to the server: POST /graphql on the same origin. With API keys on,
// a 401 asks the person for a key once; it is kept in sessionStorage (this tab only).

import type { TypedDocumentString } from "./gql/graphql";

const KEY = "stakegraph.apiKey";

export class NeedsKey extends Error {}

/** One error of a GraphQL response: `extensions.code` says what kind (BAD_USER_INPUT,
 * NOT_FOUND, ...), `extensions.field` which argument or parameter it is about. */
export interface ErrorDetail {
  message: string;
  extensions?: { code?: string; field?: string };
}

export class GraphQLFailure extends Error {
  constructor(
    message: string,
    readonly errors: ErrorDetail[] = [],
  ) {
    super(message);
  }
}

export function apiKey(): string | null {
  return sessionStorage.getItem(KEY);
}

export function setApiKey(key: string | null): void {
  if (key) sessionStorage.setItem(KEY, key);
  else sessionStorage.removeItem(KEY);
}

/** Runs a document from queries.ts: its variables and result are typed from the schema. */
export async function gql<T, V>(
  query: TypedDocumentString<T, V>,
  variables: V,
  signal?: AbortSignal,
): Promise<T>;
/** Runs a document given as text, whose result the caller names. */
export async function gql<T>(
  query: string,
  variables: Record<string, unknown>,
  signal?: AbortSignal,
): Promise<T>;
export async function gql<T>(
  query: string | TypedDocumentString<T, unknown>,
  variables: unknown,
  signal?: AbortSignal,
): Promise<T> {
  const headers: Record<string, string> = {
    "Content-Type": "application/json",
    Accept: "application/graphql-response+json, application/json",
  };
  const key = apiKey();
  if (key) headers.Authorization = `Bearer ${key}`;
  const response = await fetch("/graphql", {
    method: "POST",
    headers,
    body: JSON.stringify({ query: query.toString(), variables }),
    signal,
  });
  if (response.status === 401) {
    setApiKey(null);
    throw new NeedsKey("this server needs an API key");
  }
  let body: { data?: T | null; errors?: ErrorDetail[] };
  try {
    body = await response.json();
  } catch {
    throw new GraphQLFailure(`the server answered ${response.status} without GraphQL`);
  }
  if (body.errors?.length) {
    throw new GraphQLFailure(body.errors.map((e) => e.message).join("; "), body.errors);
  }
  if (!body.data) throw new GraphQLFailure(`the server answered ${response.status}`);
  return body.data;
}
