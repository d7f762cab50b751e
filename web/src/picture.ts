// The neighbourhood picture: Cytoscape.js, nodes styled by kind and edges by type; the
// centre in the middle, rings by hops. Highlighted ids are mirrored in the region's
// data-highlighted attribute (page state for tests and assistive tools).

import cytoscape from "cytoscape";
import type { Node, PathStep, Subgraph } from "./queries";

const KIND_COLOURS: Record<string, string> = {
  PERSON: "#2f7ed8",
  ORGANIZATION: "#e07b24",
  DEPARTMENT: "#8a5cc2",
};

const TYPE_COLOURS: Record<string, string> = {
  BUYS: "#1b9e77",
  USES: "#66a61e",
  SERVES: "#7570b3",
  CONTRIBUTES: "#e6ab02",
  ENGAGES: "#a6761d",
  GIVES_FEEDBACK: "#e7298a",
  REFERS: "#d95f02",
  MEMBER_OF: "#666666",
  PART_OF: "#999999",
  PARENT_OF: "#b15928",
};

function style(): cytoscape.StylesheetStyle[] {
  const sheet: cytoscape.StylesheetStyle[] = [
    {
      selector: "node",
      style: {
        label: "data(name)",
        "font-size": 11,
        "text-valign": "bottom",
        "text-margin-y": 4,
        width: 22,
        height: 22,
        "background-color": "#888",
        "border-width": 0,
      },
    },
    { selector: "node[?centre]", style: { width: 34, height: 34, "font-weight": "bold" } },
    {
      selector: "edge",
      style: {
        width: 1.5,
        "curve-style": "bezier",
        "target-arrow-shape": "triangle",
        "arrow-scale": 0.8,
        "line-color": "#bbb",
        "target-arrow-color": "#bbb",
      },
    },
    { selector: ".faded", style: { opacity: 0.25 } },
    {
      selector: "node.highlighted",
      style: { "border-width": 4, "border-color": "#d62728", opacity: 1 },
    },
    {
      selector: "edge.highlighted",
      style: {
        width: 4,
        "line-color": "#d62728",
        "target-arrow-color": "#d62728",
        opacity: 1,
        label: "data(type)",
        "font-size": 9,
      },
    },
  ];
  for (const [kind, colour] of Object.entries(KIND_COLOURS)) {
    sheet.splice(2, 0, { selector: `node[kind = "${kind}"]`, style: { "background-color": colour } });
  }
  for (const [type, colour] of Object.entries(TYPE_COLOURS)) {
    sheet.splice(-3, 0, {
      selector: `edge[type = "${type}"]`,
      style: { "line-color": colour, "target-arrow-color": colour },
    });
  }
  return sheet;
}

export function legend(): HTMLElement {
  const list = document.createElement("ul");
  list.className = "legend";
  for (const [kind, colour] of [...Object.entries(KIND_COLOURS), ...Object.entries(TYPE_COLOURS)]) {
    const item = document.createElement("li");
    const swatch = document.createElement("span");
    swatch.className = kind in KIND_COLOURS ? "swatch node" : "swatch edge";
    swatch.style.background = colour;
    item.append(swatch, kind.replace(/_/g, " ").toLowerCase());
    list.append(item);
  }
  return list;
}

/** Hops from the centre over the returned relations (either direction). */
function hops(centre: string, graph: Subgraph): Map<string, number> {
  const next = new Map<string, string[]>();
  for (const r of graph.relations) {
    next.set(r.from.id, [...(next.get(r.from.id) ?? []), r.to.id]);
    next.set(r.to.id, [...(next.get(r.to.id) ?? []), r.from.id]);
  }
  const dist = new Map([[centre, 0]]);
  const queue = [centre];
  while (queue.length) {
    const here = queue.shift() as string;
    for (const there of next.get(here) ?? []) {
      if (!dist.has(there)) {
        dist.set(there, (dist.get(here) as number) + 1);
        queue.push(there);
      }
    }
  }
  return dist;
}

export class Picture {
  private cy: cytoscape.Core;

  constructor(
    private readonly host: HTMLElement,
    private readonly region: HTMLElement,
    centre: string,
    graph: Subgraph,
    onChoose: (id: string) => void,
  ) {
    const dist = hops(centre, graph);
    const elements: cytoscape.ElementDefinition[] = [
      ...graph.nodes.map((n) => ({
        data: { id: n.id, name: n.name, kind: n.kind, centre: n.id === centre, hops: dist.get(n.id) ?? 4 },
      })),
      ...graph.relations.map((r) => ({
        data: { id: `rel:${r.id}`, relation: r.id, source: r.from.id, target: r.to.id, type: r.type },
      })),
    ];
    this.cy = cytoscape({
      container: host,
      elements,
      style: style(),
      layout: {
        name: "concentric",
        concentric: (node: cytoscape.NodeSingular) => 10 - Number(node.data("hops")),
        levelWidth: () => 1,
        minNodeSpacing: 30,
        animate: false,
      } as cytoscape.LayoutOptions,
      wheelSensitivity: 0.3,
      minZoom: 0.2,
      maxZoom: 4,
    });
    this.cy.on("tap", "node", (event) => onChoose(event.target.id()));
    region.dataset.nodes = String(this.cy.nodes().length);
    region.dataset.edges = String(this.cy.edges().length);
    region.dataset.highlighted = "";
  }

  /** Highlight an evidence path; nodes and relations missing from the picture are added. */
  highlight(paths: PathStep[]): void {
    const cy = this.cy;
    cy.elements().removeClass("highlighted faded");
    const ids: string[] = [];
    let added = false;
    const ensure = (n: Node): void => {
      if (cy.getElementById(n.id).empty()) {
        cy.add({ data: { id: n.id, name: n.name, kind: n.kind, hops: 4 } });
        added = true;
      }
    };
    for (const step of paths) {
      ensure(step.from);
      ensure(step.to);
      let edge = step.relationId ? cy.getElementById(`rel:${step.relationId}`) : cy.collection();
      if (edge.empty()) {
        edge = cy
          .edges(`[source = "${CSS.escape(step.from.id)}"][target = "${CSS.escape(step.to.id)}"]`)
          .filter((e) => e.data("type") === step.type);
      }
      if (edge.empty()) {
        const id = `rel:${step.relationId ?? `${step.from.id}-${step.type}-${step.to.id}`}`;
        edge = cy.add({ data: { id, relation: step.relationId, source: step.from.id, target: step.to.id, type: step.type } });
        added = true;
      }
      for (const id of [step.from.id, step.to.id]) {
        if (!ids.includes(id)) ids.push(id);
        cy.getElementById(id).addClass("highlighted");
      }
      edge.addClass("highlighted");
      for (const e of edge) ids.push(e.id());
    }
    if (paths.length) cy.elements().not(".highlighted").addClass("faded");
    if (added) {
      cy.layout({ name: "concentric", concentric: (n: cytoscape.NodeSingular) => 10 - Number(n.data("hops")), levelWidth: () => 1, minNodeSpacing: 30, animate: false } as cytoscape.LayoutOptions).run();
    }
    this.region.dataset.highlighted = ids.join(" ");
    this.region.dataset.nodes = String(cy.nodes().length);
  }

  destroy(): void {
    this.cy.destroy();
    this.host.replaceChildren();
  }
}
