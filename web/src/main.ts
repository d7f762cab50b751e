// The explorer page: reads the route from the address (History API), draws the view, and
// talks to the server only through the public GraphQL API (api.ts). The account, provider
// and query-library views are loaded when first visited (their own chunks: they draw
// charts with Observable Plot, which the search and stakeholder views do not need), and so
// is the stakeholder view's picture (Cytoscape.js, which no other view needs), fetched
// while the view's GraphQL request is under way.

import { gql } from "./api";
import { accountPath, fail, h, kindLabel, link, navigate, providerPath, region, stakeholderPath } from "./page";
import { type Slice, pager } from "./pager";
import type { Picture } from "./picture";
import {
  CUSTOMER_VERDICT,
  CUSTOMERS_PAGE,
  type Customer,
  type Customers,
  type Lens,
  LENSES,
  NEIGHBOURHOOD,
  PROVIDERS_PAGE,
  type Providers,
  RELATIONS_PAGE,
  type Relation,
  type Relations,
  SEARCH,
  STAKEHOLDER_PAGE,
  type StakeholderPage,
  type Subgraph,
  type Verdict,
} from "./queries";

const PAGE_SIZE = 10;
const RELATIONS_PAGE_SIZE = 20;
const app = document.getElementById("app") as HTMLElement;
let picture: Picture | null = null;
let generation = 0; // a view drawn by an older navigation must not overwrite a newer one

// ---------------------------------------------------------------- /explore: search

function searchView(): void {
  const params = new URLSearchParams(location.search);
  const input = h("input", {
    id: "search",
    type: "search",
    autocomplete: "off",
    placeholder: "a name, tag, city, industry or country",
  });
  input.value = params.get("q") ?? "";
  const status = h("p", { class: "status", role: "status" });
  const results = h("ul", { class: "results", "aria-label": "Search results" });
  app.replaceChildren(
    h(
      "section",
      { class: "search", "aria-labelledby": "search-title" },
      h("h1", { id: "search-title" }, "Find a stakeholder"),
      h("label", { for: "search" }, "Search stakeholders"),
      input,
      status,
      results,
    ),
  );
  document.title = "stakegraph · explore";
  let timer = 0;
  let controller: AbortController | null = null;
  const run = async (): Promise<void> => {
    const text = input.value.trim();
    history.replaceState(null, "", text ? `/explore?q=${encodeURIComponent(text)}` : "/explore");
    controller?.abort();
    if (!text) {
      results.replaceChildren();
      status.textContent = "";
      return;
    }
    controller = new AbortController();
    const mine = controller;
    try {
      const data = await gql(SEARCH, { text }, mine.signal);
      if (mine.signal.aborted) return;
      status.textContent = data.search.length ? `${data.search.length} found` : "Nothing found";
      results.replaceChildren(
        ...data.search.map((hit) => {
          const s = hit.stakeholder;
          const where = [s.city, s.country].filter(Boolean).join(", ");
          return h(
            "li",
            {},
            link(stakeholderPath(s.id), s.name),
            h("span", { class: `kind kind-${s.kind}` }, kindLabel(s.kind)),
            where ? h("span", { class: "where" }, where) : null,
            h("span", { class: "matched" }, `matched ${hit.matched.join(", ")}`),
          );
        }),
      );
    } catch (error) {
      if ((error as Error).name === "AbortError") return;
      results.replaceChildren();
      status.replaceChildren(fail(error, () => void run()));
    }
  };
  input.addEventListener("input", () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void run(), 150);
  });
  input.focus();
  if (input.value) void run();
}

// ---------------------------------------------------------------- /explore/stakeholder/{id}

interface StakeholderState {
  id: string;
  depth: number;
  lenses: Lens[];
  except: boolean;
  customer: string | null;
}

function readState(id: string): StakeholderState {
  const p = new URLSearchParams(location.search);
  const depth = Math.min(3, Math.max(1, Number(p.get("depth")) || 1));
  const lenses = (p.get("lenses") ?? "").split(",").filter((l): l is Lens => (LENSES as string[]).includes(l));
  return { id, depth, lenses, except: p.get("except") === "1", customer: p.get("customer") };
}

function stateUrl(s: StakeholderState): string {
  const p = new URLSearchParams();
  if (s.depth !== 1) p.set("depth", String(s.depth));
  if (s.lenses.length) p.set("lenses", s.lenses.join(","));
  if (s.except) p.set("except", "1");
  if (s.customer) p.set("customer", s.customer);
  const q = p.toString();
  return stakeholderPath(s.id) + (q ? `?${q}` : "");
}

function lensArgs(s: StakeholderState): { lenses: Lens[] | null; except: Lens[] | null } {
  if (!s.lenses.length) return { lenses: null, except: null };
  return s.except ? { lenses: null, except: s.lenses } : { lenses: s.lenses, except: null };
}


function relationProps(r: Relation): string {
  const skip = new Set(["__typename", "id", "type", "from", "to", "createdAt"]);
  const shown = (v: unknown): string => {
    if (Array.isArray(v)) return v.join(", ");
    const text = String(v);
    return /^\d{4}-\d\d-\d\dT/.test(text) ? text.slice(0, 10) : text;
  };
  return Object.entries(r)
    .filter(([k, v]) => !skip.has(k) && v !== null && v !== undefined && !(Array.isArray(v) && !v.length))
    .map(([k, v]) => `${k.replace(/^[A-Za-z]+_/, "")}: ${shown(v)}`)
    .join(" · ");
}

function providerSlice(page: Providers): Slice<Providers["edges"][number]["node"]> {
  return { items: page.edges.map((e) => e.node), totalCount: page.totalCount, ...page.pageInfo };
}

function relationSlice(page: Relations): Slice<Relation> {
  return { items: page.edges.map((e) => e.node), totalCount: page.totalCount, ...page.pageInfo };
}

async function stakeholderView(id: string, stale: () => boolean): Promise<void> {
  const state = readState(id);
  app.replaceChildren(h("p", { class: "status", role: "status" }, "Loading…"));
  let data: StakeholderPage;
  let Drawing: typeof import("./picture");
  try {
    [data, Drawing] = await Promise.all([
      gql(STAKEHOLDER_PAGE, {
        id,
        depth: state.depth,
        first: PAGE_SIZE,
        relationsFirst: RELATIONS_PAGE_SIZE,
        ...lensArgs(state),
      }),
      import("./picture"), // its own chunk, fetched in parallel with the request
    ]);
  } catch (error) {
    if (!stale()) app.replaceChildren(fail(error, () => void render()));
    return;
  }
  if (stale()) return;
  const s = data.stakeholder;
  if (!s) {
    app.replaceChildren(h("p", { role: "alert" }, `No stakeholder with id ${id}.`), link("/explore", "Search"));
    return;
  }
  document.title = `${s.name} · stakegraph explore`;

  // Neighbourhood
  const canvas = h("div", { class: "canvas", role: "img", "aria-label": `The neighbourhood of ${s.name}` });
  const depthSelect = h("select", { id: "depth" });
  for (const d of [1, 2, 3]) depthSelect.append(h("option", { value: String(d), selected: d === state.depth }, `${d} hop${d > 1 ? "s" : ""}`));
  const note = h("p", { class: "note", role: "note" });
  const neighbourhood = region(
    "Neighbourhood",
    "neighbourhood",
    h("div", { class: "controls" }, h("label", { for: "depth" }, "Depth "), depthSelect),
    note,
    canvas,
    Drawing.legend(),
  );

  // Customers
  const customers = region("Customers", "customers");
  // Providers and Relations: lists in pages (pager.ts)
  const providers = region("Providers", "providers");
  pager({
    panel: providers,
    noun: ["provider", "providers"],
    size: PAGE_SIZE,
    first: providerSlice(data.providersOf),
    load: async (after) => providerSlice((await gql(PROVIDERS_PAGE, { id: s.id, first: PAGE_SIZE, after })).providersOf),
    item: ({ provider, lenses }) => h("li", {}, link(stakeholderPath(provider.id), provider.name), h("span", { class: "lenses" }, lenses.join(", "))),
    failed: (error) => fail(error, () => void render()),
    stale,
  });
  const relations = region("Relations", "relations");
  pager({
    panel: relations,
    noun: ["relation", "relations"],
    size: RELATIONS_PAGE_SIZE,
    order: "newest first",
    first: relationSlice(s.relations),
    load: async (after) => {
      const more = await gql(RELATIONS_PAGE, { id: s.id, first: RELATIONS_PAGE_SIZE, after });
      if (!more.stakeholder) throw new Error(`${s.name} is gone`);
      return relationSlice(more.stakeholder.relations);
    },
    item: (r) => {
      const other = r.from.id === s.id ? r.to : r.from;
      const arrow = r.from.id === s.id ? "→" : "←";
      return h(
        "li",
        {},
        h("span", { class: "type" }, `${r.type} ${arrow} `),
        link(stakeholderPath(other.id), other.name),
        h("span", { class: "props" }, relationProps(r)),
      );
    },
    failed: (error) => fail(error, () => void render()),
    stale,
  });
  // Evidence
  const evidence = region("Evidence", "evidence", h("p", {}, "Choose a customer to see why it counts."));

  app.replaceChildren(
    h(
      "header",
      { class: "who" },
      h("h1", {}, s.name),
      h("span", { class: `kind kind-${s.kind}` }, kindLabel(s.kind)),
      h("span", { class: "where" }, [s.city, s.country].filter(Boolean).join(", ")),
      s.roles.length ? h("span", { class: "roles" }, s.roles.join(", ")) : null,
      s.kind === "ORGANIZATION" ? link(accountPath(s.id), "its buying center") : null,
      data.customersOf.totalCount ? link(providerPath(s.id), "its provider dashboard") : null,
    ),
    h("div", { class: "grid" }, neighbourhood, h("div", { class: "side" }, customers, evidence, providers, relations)),
  );

  const drawPicture = (graph: Subgraph): void => {
    picture?.destroy();
    note.textContent = graph.truncated ? `Showing the nearest ${graph.nodes.length}; more exist within ${state.depth} hop${state.depth > 1 ? "s" : ""}.` : "";
    note.hidden = !graph.truncated;
    picture = new Drawing.Picture(canvas, neighbourhood, s.id, graph, (other) => {
      if (other !== s.id) navigate(stakeholderPath(other));
    });
  };
  drawPicture(data.neighbourhood);

  depthSelect.addEventListener("change", async () => {
    state.depth = Number(depthSelect.value);
    state.customer = null;
    history.pushState(null, "", stateUrl(state));
    try {
      const more = await gql(NEIGHBOURHOOD, { id: s.id, depth: state.depth });
      if (stale()) return;
      drawPicture(more.neighbourhood);
      showEvidence(null);
    } catch (error) {
      note.hidden = false;
      note.replaceChildren(fail(error, () => void render()));
    }
  });

  let shown: Customer[] = data.customersOf.edges.map((e) => e.node);
  const showEvidence = (customer: Customer | null): void => {
    state.customer = customer?.customer.id ?? null;
    for (const b of customers.querySelectorAll<HTMLButtonElement>("button.customer")) {
      b.setAttribute("aria-pressed", String(b.dataset.id === state.customer));
    }
    if (!customer) {
      evidence.replaceChildren(evidence.firstChild as Node, h("p", {}, "Choose a customer to see why it counts."));
      picture?.highlight([]);
      return;
    }
    evidence.replaceChildren(
      evidence.firstChild as Node,
      h("p", {}, "Why ", link(stakeholderPath(customer.customer.id), customer.customer.name), ` counts as a customer of ${s.name}:`),
      h(
        "ul",
        { class: "sentences" },
        ...customer.evidence.map((e) => h("li", {}, h("span", { class: "lens" }, e.lens), " ", e.summary)),
      ),
    );
    picture?.highlight(customer.evidence.flatMap((e) => e.path));
  };

  const cursors: (string | null)[] = [null];
  const drawCustomers = (page: Customers): void => {
    shown = page.edges.map((e) => e.node);
    const chips = h(
      "div",
      { class: "chips", role: "group", "aria-label": "Lenses" },
      ...LENSES.map((lens) => {
        const on = state.lenses.includes(lens);
        const chip = h("button", { type: "button", class: "chip", "aria-pressed": String(on) }, lens.replace(/_/g, " ").toLowerCase());
        chip.addEventListener("click", () => {
          state.lenses = on ? state.lenses.filter((l) => l !== lens) : [...state.lenses, lens];
          void reloadCustomers();
        });
        return chip;
      }),
    );
    const exceptBox = h("input", { type: "checkbox", id: "except", checked: state.except });
    exceptBox.addEventListener("change", () => {
      state.except = exceptBox.checked;
      if (state.lenses.length) void reloadCustomers();
      else history.replaceState(null, "", stateUrl(state));
    });
    const prev = h("button", { type: "button", disabled: cursors.length <= 1 }, "Previous page");
    const next = h("button", { type: "button", disabled: !page.pageInfo.hasNextPage }, "Next page");
    prev.addEventListener("click", () => {
      cursors.pop();
      void loadCustomers(cursors[cursors.length - 1]);
    });
    next.addEventListener("click", () => {
      cursors.push(page.pageInfo.endCursor);
      void loadCustomers(page.pageInfo.endCursor);
    });
    const first = (cursors.length - 1) * PAGE_SIZE;
    customers.replaceChildren(
      customers.firstChild as Node,
      chips,
      h("p", {}, exceptBox, " ", h("label", { for: "except" }, "except: customers for whom none of the chosen lenses holds")),
      h("p", { class: "count" }, page.totalCount ? `${first + 1}-${first + page.edges.length} of ${page.totalCount} customers` : "No customers under these lenses."),
      h(
        "ul",
        {},
        ...shown.map((c) => {
          const choose = h("button", { type: "button", class: "customer", "data-id": c.customer.id, "aria-pressed": String(c.customer.id === state.customer) }, c.customer.name);
          choose.addEventListener("click", () => {
            showEvidence(c.customer.id === state.customer ? null : c);
            history.pushState(null, "", stateUrl(state));
          });
          return h("li", {}, choose, h("span", { class: "lenses" }, c.lenses.join(", ")), " ", link(stakeholderPath(c.customer.id), "open", { "aria-label": `Open ${c.customer.name}` }));
        }),
      ),
      h("div", { class: "paging" }, prev, next),
    );
  };
  const loadCustomers = async (after: string | null): Promise<void> => {
    try {
      const page = await gql(CUSTOMERS_PAGE, { id: s.id, first: PAGE_SIZE, after, ...lensArgs(state) });
      if (stale()) return;
      drawCustomers(page.customersOf);
    } catch (error) {
      customers.append(fail(error, () => void render()));
    }
  };
  const reloadCustomers = async (): Promise<void> => {
    cursors.length = 1;
    state.customer = null;
    history.pushState(null, "", stateUrl(state));
    showEvidence(null);
    await loadCustomers(null);
  };
  drawCustomers(data.customersOf);
  const chosen = shown.find((c) => c.customer.id === state.customer) ?? null;
  if (chosen || !state.customer) {
    showEvidence(chosen);
    return;
  }
  // A shared link may choose a customer beyond the first page: ask for its evidence alone.
  const wanted = state.customer;
  const showVerdict = async (): Promise<void> => {
    evidence.replaceChildren(evidence.firstChild as Node, h("p", { class: "status", role: "status" }, "Loading the evidence…"));
    let verdict: Verdict;
    try {
      verdict = (await gql(CUSTOMER_VERDICT, { customer: wanted, id: s.id })).explain;
    } catch (error) {
      if (!stale()) evidence.replaceChildren(evidence.firstChild as Node, fail(error, () => void showVerdict()));
      return;
    }
    if (stale() || state.customer !== wanted) return;
    const customer = underLenses(verdict, state);
    if (customer) {
      showEvidence(customer);
      return;
    }
    evidence.replaceChildren(
      evidence.firstChild as Node,
      h("p", {}, link(stakeholderPath(verdict.customer.id), verdict.customer.name), ` is not a customer of ${s.name} under these lenses.`),
    );
  };
  await showVerdict();
}

/** The verdict on one pair as the Customers panel would list it under the page's lenses
 * (customersOf: only the chosen lenses, or every lens when none of the `except` ones holds),
 * or null when the panel would not list it. */
function underLenses(verdict: Verdict, state: StakeholderState): Customer | null {
  let held = verdict.lenses.filter((l) => l.holds);
  if (state.lenses.length && state.except) {
    if (held.some((l) => state.lenses.includes(l.lens))) return null;
  } else if (state.lenses.length) {
    held = held.filter((l) => state.lenses.includes(l.lens));
  }
  if (!held.length) return null;
  return { customer: verdict.customer, lenses: held.map((l) => l.lens), evidence: held.flatMap((l) => l.evidence) };
}

// ---------------------------------------------------------------- the routes

/** A view draws into `app` for the route's match; `stale()` turns true once the person has
 * moved on, and a view checks it after every await before drawing. */
type View = (match: RegExpExecArray, stale: () => boolean) => Promise<void> | void;

/** A view whose module is fetched on the route's first visit (esbuild puts each dynamic
 * import in its own chunk); a failed fetch is shown like a failed request, with a retry. */
function later<M>(load: () => Promise<M>, draw: (module: M, match: RegExpExecArray, stale: () => boolean) => Promise<void> | void): View {
  return async (match, stale) => {
    let module: M;
    try {
      module = await load();
    } catch (error) {
      if (!stale()) app.replaceChildren(fail(error, () => void render()));
      return;
    }
    if (!stale()) await draw(module, match, stale);
  };
}

const ROUTES: [RegExp, string, View][] = [
  [/^\/explore$/, "search", () => searchView()],
  [/^\/explore\/stakeholder\/([^/]+)$/, "stakeholder", (m, stale) => stakeholderView(decodeURIComponent(m[1]), stale)],
  [
    /^\/explore\/account\/([^/]+)$/,
    "account",
    later(() => import("./account"), ({ accountView }, m, stale) => accountView(app, decodeURIComponent(m[1]), stale)),
  ],
  [
    /^\/explore\/provider\/([^/]+)$/,
    "provider",
    later(() => import("./provider"), ({ providerView }, m, stale) => providerView(app, decodeURIComponent(m[1]), stale)),
  ],
  [
    /^\/explore\/queries(?:\/([^/]+))?$/,
    "queries",
    later(() => import("./library"), ({ queriesView }, m, stale) => queriesView(app, m[1] ? decodeURIComponent(m[1]) : null, stale)),
  ],
];

function missingView(): void {
  app.replaceChildren(h("h1", {}, "Not a page of the explorer"), link("/explore", "Search stakeholders"));
}

async function render(): Promise<void> {
  const mine = ++generation;
  picture?.destroy();
  picture = null;
  delete app.dataset.ready;
  const path = location.pathname.replace(/\/+$/, "") || "/explore";
  for (const [pattern, name, view] of ROUTES) {
    const match = pattern.exec(path);
    if (!match) continue;
    app.dataset.view = name;
    await view(match, () => mine !== generation);
    if (mine === generation) app.dataset.ready = "true";
    return;
  }
  app.dataset.view = "missing";
  missingView();
  app.dataset.ready = "true";
}

document.addEventListener("click", (event) => {
  const a = (event.target as Element | null)?.closest?.("a[data-internal]");
  if (!a || !(a instanceof HTMLAnchorElement)) return;
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
  event.preventDefault();
  navigate(a.getAttribute("href") as string);
});
window.addEventListener("popstate", () => void render());

void render();
