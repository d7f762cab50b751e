// /explore/provider/{id}: a provider's dashboard. Its customers by lens and how the lenses
// overlap (UpSet), revenue and offerings, segments by a chosen dimension (a bar opens its
// members), the RFM segment spread, the journey funnel, the leads, and the customers gained
// and lost over a chosen window. The first view is one GraphQL request; a new dimension, a
// new window or an opened bar is one more. The state is in the address, so back and
// forward work: ?by=COUNTRY&key=DE&stage=PURCHASE&rfm=Lost&window=90&end=2026-01-01.
// Going back or forward on the same provider redraws only the parts whose state changed.

import { gql } from "./api";
import { type Bar, barChart, setChosen, upsetChart } from "./charts";
import { graphql } from "./gql";
import type {
  ExploreCustomerChangesQuery,
  ExploreProviderMoreQuery,
  ExploreProviderQuery,
  ExploreSegmentMembersQuery,
  Lens,
  SegmentDimension,
} from "./gql/graphql";
import { fail, h, kindLabel, link, navigate, providerPath, region, stakeholderPath } from "./page";
import { LENSES } from "./queries";

const DIMENSIONS: [SegmentDimension, string][] = [
  ["CUSTOMER_TYPE", "Customer type"],
  ["COUNTRY", "Country"],
  ["REGION", "Region"],
  ["CITY", "City"],
  ["AGE_BAND", "Age band"],
  ["INTEREST", "Interest"],
  ["VALUE", "Value"],
  ["NEED", "Need"],
  ["RFM_SEGMENT", "RFM segment"],
  ["JOURNEY_STAGE", "Journey stage"],
  ["LENS", "Lens"],
  ["INDUSTRY", "Industry"],
  ["SIZE_BAND", "Size band"],
  ["TECHNOLOGY", "Technology"],
];

const WINDOWS: [number, string][] = [
  [30, "30 days"],
  [90, "90 days"],
  [182, "6 months"],
  [365, "1 year"],
];

const STAGES = ["AWARENESS", "CONSIDERATION", "INTENT", "PURCHASE", "RETENTION", "ADVOCACY"];

/** SPEC 7's RFM segments in their table's order. */
const RFM_SEGMENTS = [
  "Champions",
  "Loyal Customers",
  "Potential Loyalist",
  "New Customers",
  "Promising",
  "Need Attention",
  "About To Sleep",
  "At Risk",
  "Can't Lose Them",
  "Lost",
  "Others",
];

const DEFAULT_BY: SegmentDimension = "CUSTOMER_TYPE";
const DEFAULT_WINDOW = 90;
const MEMBERS_PAGE = 50;
const DAY = 86_400_000;

// ---------------------------------------------------------------- GraphQL

// The first request: what the top of the dashboard shows.
export const PROVIDER_PAGE = graphql(`
  query ExploreProvider($id: ID!, $by: SegmentDimension!, $key: String! = "", $open: Boolean! = false) {
    stakeholder(id: $id) { id name kind city country }
    providerSummary(providerId: $id) {
      customersByLens { lens count }
      lensCombinations { lenses count }
      revenue { amount currency }
      purchaseCount
      firstPurchase
      lastPurchase
      offerings { offering customers users revenue { amount currency } }
    }
    segments(providerId: $id, by: $by) { key count revenue { amount currency } }
    rfm(providerId: $id) {
      customer { id name }
      segment r f m recencyDays frequency monetary currency
    }
    members: segmentMembers(providerId: $id, by: $by, key: $key, first: 50) @include(if: $open) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id name kind } }
    }
  }
`);

// The second request: the funnel over every lens (prospects too), the leads and the window.
export const PROVIDER_MORE = graphql(`
  query ExploreProviderMore($id: ID!, $all: [Lens!], $from: DateTime!, $to: DateTime!,
      $stage: String! = "", $staged: Boolean! = false) {
    funnel: segments(providerId: $id, by: JOURNEY_STAGE, lenses: $all) { key count }
    stageMembers: segmentMembers(providerId: $id, by: JOURNEY_STAGE, key: $stage, lenses: $all,
        first: 50) @include(if: $staged) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id name kind } }
    }
    leads(providerId: $id, first: 20) {
      prospect { id name kind }
      score fit engagement qualified reasons
    }
    customerChanges(providerId: $id, from: $from, to: $to) {
      gained { customer { id name kind } lenses }
      lost { customer { id name kind } lenses }
      kept
    }
  }
`);

const PROVIDER_PAGE_SEGMENTS = graphql(`
  query ExploreSegments($id: ID!, $by: SegmentDimension!, $key: String! = "", $open: Boolean! = false) {
    segments(providerId: $id, by: $by) { key count revenue { amount currency } }
    members: segmentMembers(providerId: $id, by: $by, key: $key, first: 50) @include(if: $open) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id name kind } }
    }
  }
`);

const CHANGES = graphql(`
  query ExploreCustomerChanges($id: ID!, $from: DateTime!, $to: DateTime!) {
    customerChanges(providerId: $id, from: $from, to: $to) {
      gained { customer { id name kind } lenses }
      lost { customer { id name kind } lenses }
      kept
    }
  }
`);

const MEMBERS = graphql(`
  query ExploreSegmentMembers($id: ID!, $by: SegmentDimension!, $key: String!, $lenses: [Lens!],
      $first: Int!, $after: String) {
    segmentMembers(providerId: $id, by: $by, key: $key, lenses: $lenses, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id name kind } }
    }
  }
`);

type ProviderPage = ExploreProviderQuery;
type ProviderMore = ExploreProviderMoreQuery;
type Provider = NonNullable<ProviderPage["stakeholder"]>;
type Bucket = { key: string; count: number; revenue?: Money[] };
type Money = { amount: number; currency: string };
type Changes = ExploreCustomerChangesQuery["customerChanges"];
type RfmScore = ProviderPage["rfm"][number];
type Ref = { id: string; name: string; kind: string };
type Members = ExploreSegmentMembersQuery["segmentMembers"];

// ---------------------------------------------------------------- state in the address

interface State {
  by: SegmentDimension;
  key: string | null; // the open segment bucket
  stage: string | null; // the open journey stage
  rfm: string | null; // the open RFM segment
  window: number; // days
  end: string; // the window's last day, YYYY-MM-DD (UTC)
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

function readState(): State {
  const p = new URLSearchParams(location.search);
  const by = DIMENSIONS.find(([d]) => d === p.get("by"))?.[0] ?? DEFAULT_BY;
  const window = Number(p.get("window"));
  const end = p.get("end") ?? "";
  return {
    by,
    key: p.get("key"),
    stage: STAGES.includes(p.get("stage") ?? "") ? p.get("stage") : null,
    rfm: RFM_SEGMENTS.includes(p.get("rfm") ?? "") ? p.get("rfm") : null,
    window: WINDOWS.some(([w]) => w === window) ? window : DEFAULT_WINDOW,
    end: /^\d{4}-\d\d-\d\d$/.test(end) && !Number.isNaN(Date.parse(end)) ? end : today(),
  };
}

function stateUrl(id: string, s: State): string {
  const p = new URLSearchParams();
  if (s.by !== DEFAULT_BY) p.set("by", s.by);
  if (s.key !== null) p.set("key", s.key);
  if (s.stage) p.set("stage", s.stage);
  if (s.rfm) p.set("rfm", s.rfm);
  if (s.window !== DEFAULT_WINDOW) p.set("window", String(s.window));
  if (s.end !== today()) p.set("end", s.end);
  const q = p.toString();
  return providerPath(id) + (q ? `?${q}` : "");
}

/** The window [from, to): `window` days up to and including the day `end`. */
function windowOf(s: State): { from: string; to: string } {
  const to = Date.parse(`${s.end}T00:00:00Z`) + DAY;
  return { from: new Date(to - s.window * DAY).toISOString(), to: new Date(to).toISOString() };
}

// ---------------------------------------------------------------- formatting

function money(list: Money[]): string {
  if (!list.length) return "none";
  return list
    .map((m) => `${m.amount.toLocaleString("en", { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ${m.currency}`)
    .join(" + ");
}

function customers(n: number): string {
  return `${n} customer${n === 1 ? "" : "s"}`;
}

function date(iso: string | null): string {
  return iso ? iso.slice(0, 10) : "none";
}

function lensName(lens: string): string {
  return lens.replace(/_/g, " ").toLowerCase();
}

function table(caption: string, head: string[], rows: (Node | string)[][]): HTMLTableElement {
  return h(
    "table",
    {},
    h("caption", {}, caption),
    h("thead", {}, h("tr", {}, ...head.map((c) => h("th", { scope: "col" }, c)))),
    h("tbody", {}, ...rows.map((r) => h("tr", {}, ...r.map((c) => h("td", {}, c))))),
  );
}

function who(r: Ref, extra?: string): HTMLLIElement {
  return h("li", {}, link(stakeholderPath(r.id), r.name), h("span", { class: "kind-name" }, ` ${kindLabel(r.kind)}`), extra ? h("span", { class: "lenses" }, ` ${extra}`) : null);
}

// ---------------------------------------------------------------- the view

let current: ProviderDashboard | null = null;

/** Draws the dashboard of provider `id` into `app` (two requests: the top of the page, then
 * the funnel, leads and window), or, when `app` already shows it, only the parts whose state
 * in the address changed. */
export async function providerView(app: HTMLElement, id: string, stale: () => boolean): Promise<void> {
  if (current && current.id === id && app.contains(current.root)) {
    await current.update(stale);
    return;
  }
  current = null;
  const state = readState();
  app.replaceChildren(h("p", { class: "status", role: "status" }, "Loading…"));
  let data: ProviderPage;
  try {
    data = await gql(PROVIDER_PAGE, { id, by: state.by, key: state.key ?? "", open: state.key !== null });
  } catch (error) {
    if (!stale()) app.replaceChildren(fail(error, () => void providerView(app, id, stale)));
    return;
  }
  if (stale()) return;
  const p = data.stakeholder;
  if (!p) {
    app.replaceChildren(h("p", { role: "alert" }, `No stakeholder with id ${id}.`), link("/explore", "Search"));
    return;
  }
  document.title = `${p.name} as a provider · stakegraph explore`;
  const dash = new ProviderDashboard(id, p, data, state);
  app.replaceChildren(dash.root);
  current = dash;
  await dash.loadMore(state, stale);
}

/** A region's content below its heading and controls. */
function slot(region: HTMLElement, ...content: Node[]): void {
  (region.querySelector(".slot") as HTMLElement).replaceChildren(...content);
}

function loading(): HTMLElement {
  return h("p", { class: "status" }, "Loading…");
}

class ProviderDashboard {
  readonly root: HTMLElement;
  /** The state drawn so far (a part's entry changes once that part is drawn). */
  private readonly shown: State;
  /** Whether the second request (funnel, leads, window) has been drawn. */
  private more = false;
  private readonly rfm: RfmScore[];
  private readonly segmentsRegion: HTMLElement;
  private readonly rfmRegion: HTMLElement;
  private readonly funnelRegion: HTMLElement;
  private readonly leadsRegion: HTMLElement;
  private readonly changesRegion: HTMLElement;
  private readonly dimension: HTMLSelectElement;
  private readonly windowSelect: HTMLSelectElement;
  private readonly endInput: HTMLInputElement;
  private readonly segmentMembers: HTMLElement;
  private readonly funnelMembers: HTMLElement;
  private readonly rfmMembers: HTMLElement;
  private segmentChart: HTMLElement | null = null;
  private funnelChart: HTMLElement | null = null;
  private rfmChart: HTMLElement | null = null;

  constructor(
    readonly id: string,
    provider: Provider,
    data: ProviderPage,
    state: State,
  ) {
    this.shown = { ...state, key: null, stage: null, rfm: null };
    this.rfm = data.rfm;
    const summary = data.providerSummary;

    // Customers by lens: a bar opens those customers on the provider's stakeholder page.
    const held = summary.customersByLens.filter((l) => l.count > 0);
    const none = summary.customersByLens.filter((l) => l.count === 0).map((l) => lensName(l.lens));
    const lenses = region(
      "Customers by lens",
      "by-lens",
      held.length
        ? barChart(
            held.map((l) => ({ key: l.lens, count: l.count, label: `${lensName(l.lens)}: ${customers(l.count)}; open them` })),
            { title: "Customers under each lens", unit: "customers", onActivate: (b) => navigate(`${stakeholderPath(id)}?lenses=${b.key}`) },
          )
        : h("p", {}, "No customers under any lens."),
      none.length ? h("p", { class: "note-plain" }, `None under: ${none.join(", ")}.`) : null,
    );

    // Which lenses coincide, and for how many.
    const overlap = region(
      "Lens overlap",
      "overlap",
      summary.lensCombinations.length
        ? upsetChart(
            summary.lensCombinations.map((c) => ({ sets: c.lenses, count: c.count })),
            { title: "Customers for whom exactly these lenses hold", unit: "customers", order: LENSES },
          )
        : h("p", {}, "No customers."),
    );

    // Revenue and offerings.
    const revenue = region(
      "Revenue",
      "revenue",
      h(
        "dl",
        { class: "figures" },
        h("dt", {}, "Revenue (money purchases)"),
        h("dd", {}, money(summary.revenue)),
        h("dt", {}, "Purchases"),
        h("dd", {}, String(summary.purchaseCount)),
        h("dt", {}, "First purchase"),
        h("dd", {}, date(summary.firstPurchase)),
        h("dt", {}, "Last purchase"),
        h("dd", {}, date(summary.lastPurchase)),
      ),
      summary.offerings.length
        ? table(
            "Offerings",
            ["Offering", "Customers", "Users", "Revenue"],
            summary.offerings.map((o) => [o.offering, String(o.customers), String(o.users), money(o.revenue)]),
          )
        : null,
    );

    // Segments by a chosen dimension; a bar opens its members.
    this.dimension = h("select", { id: "segment-by" });
    for (const [value, label] of DIMENSIONS) this.dimension.append(h("option", { value, selected: value === state.by }, label));
    this.dimension.addEventListener("change", () => {
      const by = DIMENSIONS.find(([d]) => d === this.dimension.value)?.[0] ?? DEFAULT_BY;
      this.go({ by, key: null });
    });
    this.segmentMembers = h("section", { class: "members", "aria-label": "Segment members", "aria-live": "polite" });
    this.segmentsRegion = region(
      "Segments",
      "segments",
      h("div", { class: "controls" }, h("label", { for: "segment-by" }, "Segment by "), this.dimension),
      h("div", { class: "slot" }),
      this.segmentMembers,
    );
    this.drawSegments(data.segments);
    if (data.members && state.key !== null) {
      this.showMembers(this.segmentMembers, state.key, data.members, null, state.by, this.segmentChart);
      this.shown.key = state.key;
    }

    // The RFM segment spread of the paying customers; a bar lists them (from the same answer).
    this.rfmMembers = h("section", { class: "members", "aria-label": "RFM segment members", "aria-live": "polite" });
    this.rfmRegion = region("RFM segments", "rfm", h("div", { class: "slot" }), this.rfmMembers);
    this.drawRfm();
    this.openRfm(state.rfm);

    // The second request's parts.
    this.funnelMembers = h("section", { class: "members", "aria-label": "Journey stage members", "aria-live": "polite" });
    this.funnelRegion = region("Journey funnel", "funnel", h("div", { class: "slot" }, loading()), this.funnelMembers);
    this.leadsRegion = region("Leads", "leads", h("div", { class: "slot" }, loading()));
    this.windowSelect = h("select", { id: "window-length" });
    for (const [days, label] of WINDOWS) this.windowSelect.append(h("option", { value: String(days), selected: days === state.window }, label));
    this.windowSelect.addEventListener("change", () => this.go({ window: Number(this.windowSelect.value) }));
    this.endInput = h("input", { id: "window-end", type: "date", required: true, value: state.end });
    this.endInput.addEventListener("change", () => {
      if (/^\d{4}-\d\d-\d\d$/.test(this.endInput.value)) this.go({ end: this.endInput.value });
    });
    this.changesRegion = region(
      "Gained and lost customers",
      "changes",
      h(
        "div",
        { class: "controls" },
        h("label", { for: "window-length" }, "Window "),
        this.windowSelect,
        " ",
        h("label", { for: "window-end" }, "ending on "),
        this.endInput,
      ),
      h("div", { class: "slot" }, loading()),
    );

    this.root = h(
      "div",
      { class: "provider", "data-provider": id },
      h(
        "header",
        { class: "who" },
        h("h1", {}, provider.name),
        h("span", { class: `kind kind-${provider.kind}` }, kindLabel(provider.kind)),
        h("span", { class: "where" }, [provider.city, provider.country].filter(Boolean).join(", ")),
        link(stakeholderPath(id), "its stakeholder page"),
      ),
      h(
        "div",
        { class: "dashboard" },
        lenses,
        overlap,
        revenue,
        this.segmentsRegion,
        this.rfmRegion,
        this.funnelRegion,
        this.leadsRegion,
        this.changesRegion,
      ),
    );
  }

  /** The second request: the journey funnel (and an open stage's members), the leads, and
   * the customers gained and lost in the window. */
  async loadMore(want: State, stale: () => boolean): Promise<void> {
    const parts = [this.funnelRegion, this.leadsRegion, this.changesRegion];
    for (const r of parts) r.setAttribute("aria-busy", "true");
    let data: ProviderMore;
    try {
      data = await gql(PROVIDER_MORE, {
        id: this.id,
        all: LENSES,
        ...windowOf(want),
        stage: want.stage ?? "",
        staged: want.stage !== null,
      });
    } catch (error) {
      if (stale()) return;
      for (const r of parts) {
        r.removeAttribute("aria-busy");
        slot(r, fail(error, () => void this.loadMore(readState(), stale)));
      }
      return;
    }
    if (stale()) return;
    for (const r of parts) r.removeAttribute("aria-busy");
    this.more = true;
    this.shown.window = want.window;
    this.shown.end = want.end;
    this.drawFunnel(data.funnel);
    if (data.stageMembers && want.stage !== null) {
      this.showMembers(this.funnelMembers, want.stage, data.stageMembers, LENSES, "JOURNEY_STAGE", this.funnelChart);
      this.shown.stage = want.stage;
    }
    this.drawLeads(data.leads);
    this.drawChanges(data.customerChanges);
  }

  /** A new state from a control or a bar: a new history entry, then update() draws it. */
  private go(change: Partial<State>): void {
    navigate(stateUrl(this.id, { ...readState(), ...change }));
  }

  /** Draws what differs between the state shown and the address's, one request a part. */
  async update(stale: () => boolean): Promise<void> {
    const want = readState();
    this.dimension.value = want.by;
    this.windowSelect.value = String(want.window);
    this.endInput.value = want.end;
    const work: Promise<void>[] = [];
    if (want.by !== this.shown.by) {
      work.push(
        this.load(stale, this.segmentsRegion, async () => {
          const data = await gql(PROVIDER_PAGE_SEGMENTS, { id: this.id, by: want.by, key: want.key ?? "", open: want.key !== null });
          return () => {
            this.shown.by = want.by;
            this.drawSegments(data.segments);
            if (data.members && want.key !== null) this.showMembers(this.segmentMembers, want.key, data.members, null, want.by, this.segmentChart);
            this.shown.key = want.key;
          };
        }),
      );
    } else if (want.key !== this.shown.key) {
      work.push(this.openMembers(stale, this.segmentMembers, this.segmentChart, want.key, want.by, null, () => (this.shown.key = want.key)));
    }
    if (want.rfm !== this.shown.rfm) this.openRfm(want.rfm);
    if (!this.more) {
      work.push(this.loadMore(want, stale));
    } else {
      if (want.stage !== this.shown.stage) {
        work.push(this.openMembers(stale, this.funnelMembers, this.funnelChart, want.stage, "JOURNEY_STAGE", LENSES, () => (this.shown.stage = want.stage)));
      }
      if (want.window !== this.shown.window || want.end !== this.shown.end) {
        work.push(
          this.load(stale, this.changesRegion, async () => {
            const data = await gql(CHANGES, { id: this.id, ...windowOf(want) });
            return () => {
              this.shown.window = want.window;
              this.shown.end = want.end;
              this.drawChanges(data.customerChanges);
            };
          }),
        );
      }
    }
    await Promise.all(work);
  }

  /** One request for one region; what it returns is drawn unless the person moved on. */
  private async load(stale: () => boolean, region: HTMLElement, request: () => Promise<() => void>): Promise<void> {
    region.setAttribute("aria-busy", "true");
    try {
      const draw = await request();
      if (!stale()) draw();
    } catch (error) {
      if (!stale()) slot(region, fail(error, () => void this.update(stale)));
    } finally {
      if (!stale()) region.removeAttribute("aria-busy");
    }
  }

  private drawSegments(buckets: Bucket[]): void {
    const label = DIMENSIONS.find(([d]) => d === this.shown.by)?.[1] ?? this.shown.by;
    this.segmentsRegion.dataset.by = this.shown.by;
    this.segmentChart = buckets.length
      ? barChart(
          buckets.map((b) => ({ key: b.key, count: b.count, label: `${b.key}: ${customers(b.count)}, revenue ${money(b.revenue ?? [])}` })),
          { title: `Customers by ${label.toLowerCase()}`, unit: "customers", onActivate: (b: Bar) => this.go({ key: readState().key === b.key ? null : b.key }) },
        )
      : null;
    slot(this.segmentsRegion, this.segmentChart ?? h("p", {}, `No customers have a ${label.toLowerCase()}.`));
    this.closeMembers(this.segmentMembers);
  }

  private closeMembers(host: HTMLElement): void {
    host.replaceChildren();
    delete host.dataset.key;
    delete host.dataset.count;
  }

  /** The members of one bucket (segmentMembers), a page at a time; null closes them. */
  private async openMembers(
    stale: () => boolean,
    host: HTMLElement,
    chart: HTMLElement | null,
    key: string | null,
    by: SegmentDimension,
    lenses: Lens[] | null,
    done: () => void,
  ): Promise<void> {
    if (chart) setChosen(chart, key);
    if (key === null) {
      this.closeMembers(host);
      done();
      return;
    }
    host.setAttribute("aria-busy", "true");
    try {
      const data = await gql(MEMBERS, { id: this.id, by, key, lenses, first: MEMBERS_PAGE, after: null });
      if (stale()) return;
      this.showMembers(host, key, data.segmentMembers, lenses, by, chart);
      done();
    } catch (error) {
      if (!stale()) host.replaceChildren(fail(error, () => void this.update(stale)));
    } finally {
      host.removeAttribute("aria-busy");
    }
  }

  /** Draws a page of a bucket's members, with paging when there are more than a page. */
  private showMembers(
    host: HTMLElement,
    key: string,
    first: Members,
    lenses: Lens[] | null,
    by: SegmentDimension,
    chart: HTMLElement | null,
  ): void {
    if (chart) setChosen(chart, key);
    const cursors: (string | null)[] = [null];
    const draw = (members: Members): void => {
      const start = (cursors.length - 1) * MEMBERS_PAGE;
      const paged = members.totalCount > MEMBERS_PAGE;
      const prev = h("button", { type: "button", disabled: cursors.length <= 1 }, "Previous members");
      const next = h("button", { type: "button", disabled: !members.pageInfo.hasNextPage }, "Next members");
      const turn = async (after: string | null): Promise<void> => {
        try {
          draw((await gql(MEMBERS, { id: this.id, by, key, lenses, first: MEMBERS_PAGE, after })).segmentMembers);
        } catch (error) {
          host.append(fail(error, () => void turn(after)));
        }
      };
      prev.addEventListener("click", () => {
        cursors.pop();
        void turn(cursors[cursors.length - 1]);
      });
      next.addEventListener("click", () => {
        cursors.push(members.pageInfo.endCursor ?? null);
        void turn(members.pageInfo.endCursor ?? null);
      });
      host.dataset.key = key;
      host.dataset.count = String(members.totalCount);
      host.replaceChildren(
        h("h3", {}, `${key}: ${customers(members.totalCount)}`),
        paged ? h("p", {}, `${start + 1}-${start + members.edges.length} of ${members.totalCount}`) : "",
        h("ul", {}, ...members.edges.map((e) => who(e.node))),
        paged ? h("div", { class: "paging" }, prev, next) : "",
      );
    };
    draw(first);
  }

  private drawRfm(): void {
    const counts = new Map<string, number>();
    for (const s of this.rfm) counts.set(s.segment, (counts.get(s.segment) ?? 0) + 1);
    const bars = RFM_SEGMENTS.filter((s) => counts.has(s)).map((s) => ({ key: s, count: counts.get(s) as number }));
    this.rfmChart = bars.length
      ? barChart(bars, {
          title: `RFM segments of ${customers(this.rfm.length)} who paid (TRANSACTIONAL)`,
          unit: "customers",
          onActivate: (b) => this.go({ rfm: readState().rfm === b.key ? null : b.key }),
        })
      : null;
    slot(this.rfmRegion, this.rfmChart ?? h("p", {}, "No paying customers to score."));
  }

  private openRfm(segment: string | null): void {
    this.shown.rfm = segment;
    if (this.rfmChart) setChosen(this.rfmChart, segment);
    const host = this.rfmMembers;
    if (segment === null) {
      this.closeMembers(host);
      return;
    }
    const members = this.rfm.filter((s) => s.segment === segment);
    host.dataset.key = segment;
    host.dataset.count = String(members.length);
    host.replaceChildren(
      h("h3", {}, `${segment}: ${customers(members.length)}`),
      table(
        `Recency, frequency and monetary value of the ${segment} customers`,
        ["Customer", "R", "F", "M", "Days since last purchase", "Purchases", "Spent"],
        members.map((s) => [
          link(stakeholderPath(s.customer.id), s.customer.name),
          String(s.r),
          String(s.f),
          String(s.m),
          String(s.recencyDays),
          String(s.frequency),
          money([{ amount: s.monetary, currency: s.currency }]),
        ]),
      ),
    );
  }

  private drawFunnel(buckets: Bucket[]): void {
    const at = new Map(buckets.map((b) => [b.key, b.count]));
    const reached = (i: number): number => STAGES.slice(i).reduce((n, s) => n + (at.get(s) ?? 0), 0);
    const bars = STAGES.map((s, i) => ({
      key: s,
      count: at.get(s) ?? 0,
      label: `${lensName(s)}: ${at.get(s) ?? 0} at this stage, ${reached(i)} reached it`,
    })).filter((b) => b.count > 0);
    const none = at.get("NONE") ?? 0;
    this.funnelChart = bars.length
      ? barChart(bars, {
          title: "Customers and prospects at each journey stage",
          unit: "stakeholders",
          onActivate: (b) => this.go({ stage: readState().stage === b.key ? null : b.key }),
        })
      : null;
    slot(
      this.funnelRegion,
      this.funnelChart ?? h("p", {}, "Nobody is on a journey with this provider."),
      h(
        "p",
        { class: "note-plain" },
        `Reached each stage: ${STAGES.map((s, i) => `${lensName(s)} ${reached(i)}`).join(", ")}.`,
        none ? ` ${customers(none)} with no journey stage (no engagement or purchase).` : "",
      ),
    );
    this.closeMembers(this.funnelMembers);
  }

  private drawLeads(leads: ProviderMore["leads"]): void {
    slot(
      this.leadsRegion,
      leads.length
        ? table(
            `The ${leads.length} best-scored prospects (qualified at 60 or more)`,
            ["Prospect", "Score", "Fit", "Engagement", "Qualified", "Why"],
            leads.map((l) => [
              link(stakeholderPath(l.prospect.id), l.prospect.name),
              l.score.toFixed(1),
              l.fit.toFixed(1),
              l.engagement.toFixed(1),
              l.qualified ? "yes" : "no",
              h("details", {}, h("summary", {}, "reasons"), h("ul", {}, ...l.reasons.map((r) => h("li", {}, r)))),
            ]),
          )
        : h("p", {}, "No prospects."),
    );
  }

  private drawChanges(c: Changes): void {
    const { from, to } = windowOf(this.shown);
    const r = this.changesRegion;
    r.dataset.gained = String(c.gained.length);
    r.dataset.lost = String(c.lost.length);
    r.dataset.kept = String(c.kept);
    r.dataset.from = from;
    r.dataset.to = to;
    const days = WINDOWS.find(([w]) => w === this.shown.window)?.[1] ?? `${this.shown.window} days`;
    const previousFrom = new Date(Date.parse(from) - this.shown.window * DAY).toISOString().slice(0, 10);
    const list = (title: string, id: string, rows: Changes["gained"]): HTMLElement =>
      h(
        "section",
        { class: "change", "aria-labelledby": id },
        h("h3", { id }, `${title}: ${rows.length}`),
        rows.length ? h("ul", {}, ...rows.map((g) => who(g.customer, g.lenses.map(lensName).join(", ")))) : h("p", {}, "None."),
      );
    slot(
      r,
      h(
        "p",
        { role: "status" },
        `The ${days} from ${from.slice(0, 10)} to ${this.shown.end} against the ${days} before (from ${previousFrom}): `,
        `${c.gained.length} gained, ${c.lost.length} lost, ${c.kept} kept.`,
      ),
      h("div", { class: "changes-lists" }, list("Gained", "gained-title", c.gained), list("Lost", "lost-title", c.lost)),
    );
  }
}
