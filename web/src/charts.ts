// The page's charts: Observable Plot draws them as SVG; this module turns chosen marks into
// buttons a person can reach and press by keyboard as well as by mouse, and mirrors each
// mark's datum in data- attributes (page state for tests and assistive tools: data-key,
// data-count, data-x, data-y). A chart's buttons are one Tab stop (a toolbar with a roving
// tabindex, as WAI-ARIA's toolbar pattern): the current one has tabindex 0, the others -1;
// arrows, Home and End move between them, Enter and Space press the focused one.

import * as Plot from "@observablehq/plot";

/** One bar: its key (shown on the axis) and how many it counts. */
export interface Bar {
  key: string;
  count: number;
  /** The bar's accessible name; "{key}: {count} {unit}" when absent. */
  label?: string;
}

export interface BarChartOptions {
  /** The chart's caption and accessible name. */
  title: string;
  /** What a bar counts, in the plural ("customers"). */
  unit: string;
  /** Called when a bar is clicked or pressed with Enter or Space; bars are buttons then. */
  onActivate?: (bar: Bar) => void;
  /** The key of the bar shown as chosen (aria-pressed="true"). */
  chosen?: string | null;
  width?: number;
}

/** One point of a scatter chart. */
export interface Point {
  id: string;
  x: number;
  y: number;
  /** Written beside the point and part of its accessible name. */
  label: string;
  /** Colours the point; a legend names the groups. */
  group?: string;
}

export interface ScatterChartOptions {
  title: string;
  xLabel: string;
  yLabel: string;
  xDomain?: [number, number];
  yDomain?: [number, number];
  /** Lines at x and y dividing the plane, and the quadrants' names in the order
   * top-left, top-right, bottom-left, bottom-right (a power/interest grid). */
  quadrants?: { x: number; y: number; names: [string, string, string, string] };
  /** Called when a point is clicked or pressed with Enter or Space. */
  onActivate?: (point: Point) => void;
  /** A fixed colour per group, in legend order (every group listed, present or not), so
   * one group has one colour on every page; absent: Plot's scheme over the groups found. */
  groupColours?: Record<string, string>;
  width?: number;
  height?: number;
}

const BAR_COLOUR = "#2f6fb3";

/** "1 customer", "2 customers": the unit is given in the plural. */
function counted(n: number, unit: string): string {
  return `${n} ${n === 1 ? unit.replace(/s$/, "") : unit}`;
}
const CHAR_WIDTH = 7; // px per character of an axis label, for the left margin

function figure(title: string, chart: Element, kind: string): HTMLElement {
  const fig = document.createElement("figure");
  fig.className = `chart chart-${kind}`;
  const caption = document.createElement("figcaption");
  caption.textContent = title;
  fig.append(caption, chart);
  return fig;
}

/** Makes `current` the chart's one Tab stop (tabindex 0) and its other marks reachable by
 * arrows only (tabindex -1). */
function rove(marks: Iterable<Element>, current: Element): void {
  for (const mark of marks) mark.setAttribute("tabindex", mark === current ? "0" : "-1");
}

/** Makes each mark element a button for its datum (or, without onActivate, labels it). The
 * buttons' group becomes a toolbar named `group`: one Tab stop, arrows move within it. */
function decorate<T>(
  marks: Element[],
  data: T[],
  describe: (d: T) => { name: string; attrs: Record<string, string> },
  onActivate?: (d: T) => void,
  group?: { name: string; orientation?: "horizontal" | "vertical" },
): void {
  marks.forEach((mark, i) => {
    const d = data[i];
    const { name, attrs } = describe(d);
    for (const [k, v] of Object.entries(attrs)) mark.setAttribute(`data-${k}`, v);
    mark.setAttribute("aria-label", name);
    mark.querySelector("title")?.remove(); // the accessible name says it; no double reading
    if (!onActivate) {
      mark.setAttribute("role", "img");
      return;
    }
    mark.setAttribute("role", "button");
    mark.setAttribute("tabindex", i === 0 ? "0" : "-1"); // the first is the stop until one is focused or chosen
    mark.classList.add("activatable");
    mark.addEventListener("click", () => onActivate(d));
    mark.addEventListener("focus", () => rove(marks, mark)); // Tab comes back to the last one focused
    mark.addEventListener("keydown", (event) => {
      const key = (event as KeyboardEvent).key;
      if (key === "Enter" || key === " ") {
        event.preventDefault();
        onActivate(d);
        return;
      }
      // Arrows, Home and End move between the chart's marks (Tab leaves the chart).
      const step: Record<string, number> = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1, Home: -marks.length, End: marks.length };
      if (!(key in step)) return;
      event.preventDefault();
      const next = marks[Math.min(marks.length - 1, Math.max(0, i + step[key]))];
      (next as SVGElement).focus();
    });
  });
  const parent = marks[0]?.parentElement;
  if (onActivate && parent && group) {
    parent.setAttribute("role", "toolbar");
    parent.setAttribute("aria-label", group.name);
    if (group.orientation) parent.setAttribute("aria-orientation", group.orientation);
  }
}

/** A render transform calling `after` with the mark elements and their data, in order. */
function marked<T>(data: T[], after: (marks: Element[], rows: T[]) => void): Plot.RenderFunction {
  return (index, scales, values, dimensions, context, next) => {
    const g = next ? next(index, scales, values, dimensions, context) : null;
    if (g) after(Array.from(g.children).filter((c) => c.tagName !== "title"), Array.from(index, (i) => data[i]));
    return g;
  };
}

/** Marks the bar with this key as chosen (aria-pressed) and the others as not; the chosen
 * bar becomes the chart's Tab stop unless the focus is in the chart (it stays where it is). */
export function setChosen(chart: HTMLElement, key: string | null): void {
  const bars = Array.from(chart.querySelectorAll("[data-key][role=button]"));
  for (const bar of bars) bar.setAttribute("aria-pressed", String(bar.getAttribute("data-key") === key));
  chart.dataset.chosen = key ?? "";
  const chosen = bars.find((bar) => bar.getAttribute("data-key") === key);
  if (chosen && !chart.contains(document.activeElement)) rove(bars, chosen);
}

/** A set of items that coincide (an UpSet column): exactly these sets hold, for `count`. */
export interface Combination {
  sets: string[];
  count: number;
}

export interface UpSetOptions {
  title: string;
  /** What a column counts, in the plural ("customers"). */
  unit: string;
  /** The sets' order on the matrix rows; sets in no combination are left out. */
  order: string[];
  width?: number;
}

/** An UpSet chart: a column per combination, its count as a bar above a matrix whose filled
 * dots (joined by a line) name the sets that hold together in it. */
export function upsetChart(combinations: Combination[], options: UpSetOptions): HTMLElement {
  const sets = options.order.filter((s) => combinations.some((c) => c.sets.includes(s)));
  const columns = combinations.map((c, i) => ({ ...c, column: String(i + 1) }));
  const domain = columns.map((c) => c.column);
  const width = options.width ?? Math.max(320, 170 + 46 * columns.length);
  const margins = { marginLeft: Math.min(200, 12 + CHAR_WIDTH * Math.max(4, ...sets.map((s) => s.length))), marginRight: 20 };
  const bars = Plot.plot({
    ariaLabel: `${options.title}: ${options.unit} per combination`,
    width,
    height: 170,
    ...margins,
    marginBottom: 4,
    x: { domain, axis: null, padding: 0.25 },
    y: { label: options.unit, grid: true, nice: true },
    marks: [
      Plot.barY(columns, {
        x: "column",
        y: "count",
        fill: BAR_COLOUR,
        render: marked(columns, (marks, rows) =>
          decorate(marks, rows, (c) => ({
            name: `${c.sets.join(" + ")}: ${counted(c.count, options.unit)}`,
            attrs: { key: c.sets.join("+"), count: String(c.count) },
          })),
        ),
      }),
      Plot.text(columns, { x: "column", y: "count", text: (c: Combination) => String(c.count), dy: -7, ariaHidden: "true" }),
      Plot.ruleY([0], { ariaHidden: "true" }),
    ],
  });
  const cells = columns.flatMap((c) => sets.map((s) => ({ column: c.column, set: s, on: c.sets.includes(s) })));
  const spans = columns
    .map((c) => {
      const rows = sets.filter((s) => c.sets.includes(s));
      return { column: c.column, first: rows[0], last: rows[rows.length - 1] };
    })
    .filter((c) => c.first !== c.last);
  const matrix = Plot.plot({
    width,
    height: 24 + 22 * sets.length,
    ...margins,
    marginTop: 8,
    // A point scale whose points are the bars' band centres (band padding p: point padding (1 + p) / 2).
    x: { domain, axis: null, type: "point", padding: 0.625 },
    y: { domain: sets, type: "point", padding: 0.5, label: null },
    marks: [
      Plot.ruleX(spans, { x: "column", y1: "first", y2: "last", stroke: "#1d2a3a", strokeWidth: 3 }),
      Plot.dot(cells, { x: "column", y: "set", r: 6, fill: (d: { on: boolean }) => (d.on ? "#1d2a3a" : "#dcdcdc") }),
    ],
  });
  const fig = figure(options.title, bars, "upset");
  matrix.setAttribute("aria-hidden", "true"); // the bars' names already say which sets
  fig.append(matrix);
  fig.dataset.columns = String(columns.length);
  return fig;
}

/** Horizontal bars, one per key in the given order, each labelled with its count. */
export function barChart(bars: Bar[], options: BarChartOptions): HTMLElement {
  const name = (b: Bar): string => b.label ?? `${b.key}: ${counted(b.count, options.unit)}`;
  const longest = Math.max(4, ...bars.map((b) => b.key.length));
  const svg = Plot.plot({
    ariaLabel: options.title,
    width: options.width ?? 560,
    height: 46 + 24 * Math.max(1, bars.length),
    marginLeft: Math.min(240, 12 + CHAR_WIDTH * longest),
    marginRight: 48,
    x: { label: options.unit, grid: true, nice: true },
    y: { label: null, domain: bars.map((b) => b.key) },
    marks: [
      Plot.barX(bars, {
        x: "count",
        y: "key",
        fill: BAR_COLOUR,
        render: marked(bars, (marks, rows) =>
          decorate(marks, rows, (b) => ({ name: name(b), attrs: { key: b.key, count: String(b.count) } }), options.onActivate, {
            name: options.title,
            orientation: "vertical",
          }),
        ),
      }),
      Plot.text(bars, { x: "count", y: "key", text: (b: Bar) => String(b.count), dx: 4, textAnchor: "start", ariaHidden: "true" }),
      Plot.ruleX([0], { ariaHidden: "true" }),
    ],
  });
  const fig = figure(options.title, svg, "bars");
  fig.dataset.bars = String(bars.length);
  if (options.onActivate) setChosen(fig, options.chosen ?? null);
  return fig;
}

/** Points on two axes, optionally divided into named quadrants; points are buttons when
 * onActivate is given. */
export function scatterChart(points: Point[], options: ScatterChartOptions): HTMLElement {
  const q = options.quadrants;
  const xDomain = options.xDomain ?? [0, 1];
  const yDomain = options.yDomain ?? [0, 1];
  const grouped = points.some((p) => p.group !== undefined);
  const name = (p: Point): string =>
    `${p.label}${p.group ? ` (${p.group})` : ""}: ${options.xLabel} ${fmt(p.x)}, ${options.yLabel} ${fmt(p.y)}`;
  // The frame and the dividing lines are decoration: hidden from assistive tools (an
  // aria-label on an SVG group with no role is an axe-core "serious" violation).
  const marks: Plot.Markish[] = [Plot.frame({ stroke: "#ccc", ariaHidden: "true" })];
  if (q) {
    marks.push(
      Plot.ruleX([q.x], { stroke: "#999", strokeDasharray: "4 3", ariaHidden: "true" }),
      Plot.ruleY([q.y], { stroke: "#999", strokeDasharray: "4 3", ariaHidden: "true" }),
      ...(["top-left", "top-right", "bottom-left", "bottom-right"] as const).map((corner, i) =>
        Plot.text([q.names[i]], {
          frameAnchor: corner,
          dx: corner.endsWith("left") ? 6 : -6,
          dy: corner.startsWith("top") ? 6 : -6,
          fill: "#777",
          fontWeight: "bold",
        }),
      ),
    );
  }
  marks.push(
    Plot.dot(points, {
      x: "x",
      y: "y",
      r: 6,
      fill: grouped ? (p: Point) => p.group ?? "other" : BAR_COLOUR,
      stroke: "#fff",
      render: marked(points, (els, rows) =>
        decorate(
          els,
          rows,
          (p) => ({ name: name(p), attrs: { key: p.id, x: String(p.x), y: String(p.y), ...(p.group ? { group: p.group } : {}) } }),
          options.onActivate,
          { name: options.title },
        ),
      ),
    }),
    Plot.text(points, { x: "x", y: "y", text: "label", dy: -11, fontSize: 10, ariaHidden: "true" }),
  );
  const chart = Plot.plot({
    ariaLabel: options.title,
    width: options.width ?? 520,
    height: options.height ?? 420,
    marginLeft: 48,
    marginBottom: 40,
    x: { label: options.xLabel, domain: xDomain, nice: false, inset: 10 },
    y: { label: options.yLabel, domain: yDomain, nice: false, inset: 10 },
    color: grouped
      ? {
          legend: true,
          ...(options.groupColours
            ? { domain: Object.keys(options.groupColours), range: Object.values(options.groupColours) }
            : {}),
        }
      : undefined,
    marks,
  });
  const fig = figure(options.title, chart, "scatter");
  fig.dataset.points = String(points.length);
  return fig;
}

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2);
}
