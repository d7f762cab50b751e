// What every view of the page builds with: elements, links, regions with accessible names,
// errors (and the API-key form), and navigation inside the page (History API). main.ts
// owns the route table; each view is a module that draws into the element it is given.

import { GraphQLFailure, NeedsKey, setApiKey } from "./api";

export type Attrs = Record<string, string | boolean | undefined>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: (Node | string | null)[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    el.setAttribute(name, value === true ? "" : value);
  }
  for (const child of children) if (child !== null) el.append(child);
  return el;
}

export function stakeholderPath(id: string): string {
  return `/explore/stakeholder/${encodeURIComponent(id)}`;
}

export function accountPath(id: string, provider: string | null = null): string {
  const path = `/explore/account/${encodeURIComponent(id)}`;
  return provider ? `${path}?provider=${encodeURIComponent(provider)}` : path;
}

export function providerPath(id: string): string {
  return `/explore/provider/${encodeURIComponent(id)}`;
}

/** A link inside the page: followed without reloading it (see main.ts). */
export function link(href: string, text: string, attrs: Attrs = {}): HTMLAnchorElement {
  return h("a", { href, "data-internal": true, ...attrs }, text);
}

export function kindLabel(kind: string): string {
  return kind.charAt(0) + kind.slice(1).toLowerCase();
}

/** A panel whose heading is its accessible name (a "region" landmark). */
export function region(name: string, id: string, ...children: (Node | string | null)[]): HTMLElement {
  return h("section", { id, class: `panel ${id}`, "aria-labelledby": `${id}-title` }, h("h2", { id: `${id}-title` }, name), ...children);
}

/** Go to a route of the page: a new history entry, then the route's view is drawn. */
export function navigate(url: string): void {
  history.pushState(null, "", url);
  redraw();
}

/** Draw the current route's view again (main.ts draws on every popstate). */
export function redraw(): void {
  window.dispatchEvent(new PopStateEvent("popstate"));
}

/** What a view shows when a request failed: the API-key form on a 401, else the message. */
export function fail(error: unknown, retry: () => void): HTMLElement {
  if (error instanceof NeedsKey) return keyForm(retry);
  const message = error instanceof GraphQLFailure || error instanceof Error ? error.message : String(error);
  return h("p", { role: "alert", class: "error" }, `Could not load: ${message}`);
}

function keyForm(retry: () => void): HTMLElement {
  const input = h("input", { id: "api-key", type: "password", autocomplete: "off", required: true });
  const form = h(
    "form",
    { class: "key", "aria-label": "This server needs an API key" },
    h("p", {}, "This server needs an API key. It is kept for this tab only."),
    h("label", { for: "api-key" }, "API key "),
    input,
    h("button", { type: "submit" }, "Use key"),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    setApiKey(input.value.trim());
    retry();
  });
  queueMicrotask(() => input.focus());
  return form;
}
