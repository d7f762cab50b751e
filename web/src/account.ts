// /explore/account/{id}: an organisation's buying center for one provider it buys from (or
// for every provider): its members with their roles, the roles nobody covers, a warning
// when the account hangs on one person, and the members on the power/interest grid.
// One GraphQL request per view; the chosen provider is in the address (?provider=).

import { gql } from "./api";
import { scatterChart } from "./charts";
import { graphql } from "./gql";
import type { ExploreAccountQuery } from "./gql/graphql";
import { accountPath, fail, h, kindLabel, link, navigate, providerPath, redraw, region, stakeholderPath } from "./page";

const QUADRANT_NAMES: Record<string, string> = {
  KEY_PLAYER: "Key players",
  KEEP_SATISFIED: "Keep satisfied",
  KEEP_INFORMED: "Keep informed",
  MONITOR: "Monitor",
};

// One colour per quadrant on every account: the ones to manage closely stand out.
const QUADRANT_COLOURS: Record<string, string> = {
  [QUADRANT_NAMES.KEY_PLAYER]: "#d62728",
  [QUADRANT_NAMES.KEEP_SATISFIED]: "#e07b24",
  [QUADRANT_NAMES.KEEP_INFORMED]: "#2f7ed8",
  [QUADRANT_NAMES.MONITOR]: "#7f7f7f",
};

export const ACCOUNT_PAGE = graphql(`
  query ExploreAccount($id: ID!, $provider: ID) {
    stakeholder(id: $id) { id name kind city country }
    providersOf(customerId: $id, lenses: [EXCHANGE], first: 100) {
      totalCount
      edges { node { provider { id name kind } } }
    }
    buyingCenter(organizationId: $id, providerId: $provider) {
      members { person { id name } of { id name kind } title buyingRole }
      coveredRoles
      missingRoles
      singleThreaded
    }
    powerInterest(organizationId: $id, providerId: $provider) {
      person { id name }
      power
      interest
      quadrant
    }
  }
`);

type AccountPage = ExploreAccountQuery;
type GridEntry = AccountPage["powerInterest"][number];

let keepFocus = false;

function roleLabel(role: string): string {
  return role.charAt(0) + role.slice(1).toLowerCase();
}

function names(people: string[]): string {
  if (people.length <= 1) return people.join("");
  return `${people.slice(0, -1).join(", ")} and ${people[people.length - 1]}`;
}

export async function accountView(app: HTMLElement, id: string, stale: () => boolean): Promise<void> {
  const provider = new URLSearchParams(location.search).get("provider") || null;
  const refocus = keepFocus;
  keepFocus = false;
  app.replaceChildren(h("p", { class: "status", role: "status" }, "Loading…"));
  let data: AccountPage;
  try {
    data = await gql(ACCOUNT_PAGE, { id, provider });
  } catch (error) {
    if (stale()) return;
    app.replaceChildren(
      h("h1", {}, "Account"),
      fail(error, redraw),
      h("p", {}, link(stakeholderPath(id), `The stakeholder page of ${id}`)),
    );
    return;
  }
  if (stale()) return;
  // buyingCenter answers NOT_FOUND for an unknown id (the catch above): the organisation exists
  const org = data.stakeholder as NonNullable<AccountPage["stakeholder"]>;
  const providers = data.providersOf.edges.map((e) => e.node.provider);
  const forWhom = providers.find((p) => p.id === provider)?.name ?? provider;
  document.title = `${org.name} · account · stakegraph explore`;

  // The provider whose buying center is shown.
  const choice = h("select", { id: "provider" });
  choice.append(h("option", { value: "", selected: !provider }, "every provider (all memberships)"));
  for (const p of providers) choice.append(h("option", { value: p.id, selected: p.id === provider }, p.name));
  if (provider && !providers.some((p) => p.id === provider)) {
    choice.append(h("option", { value: provider, selected: true }, provider));
  }
  choice.addEventListener("change", () => {
    keepFocus = true; // the view is drawn anew: the choice keeps the keyboard's focus
    navigate(accountPath(org.id, choice.value || null));
  });

  app.replaceChildren(
    h(
      "header",
      { class: "who" },
      h("h1", {}, org.name),
      h("span", { class: `kind kind-${org.kind}` }, kindLabel(org.kind)),
      h("span", { class: "where" }, [org.city, org.country].filter(Boolean).join(", ")),
      link(stakeholderPath(org.id), "its stakeholder page"),
    ),
    h(
      "div",
      { class: "controls" },
      h("label", { for: "provider" }, "Buying from "),
      choice,
      h(
        "span",
        { class: "note-inline" },
        providers.length
          ? ` ${org.name} buys from ${data.providersOf.totalCount} provider${data.providersOf.totalCount === 1 ? "" : "s"}. `
          : ` ${org.name} buys from no one yet. `,
      ),
      provider ? link(providerPath(provider), `${forWhom}'s provider dashboard`) : null,
    ),
    h("div", { class: "grid account" }, buyingCenterRegion(org.name, forWhom, data.buyingCenter), gridRegion(org.name, forWhom, data.powerInterest)),
  );
  if (refocus) choice.focus();
}

function buyingCenterRegion(orgName: string, forWhom: string | null, bc: AccountPage["buyingCenter"]): HTMLElement {
  const holders = bc.members.filter((m) => m.buyingRole);
  const people = [...new Set(holders.map((m) => m.person.name))];
  const regionEl = region(
    "Buying center",
    "buying-center",
    h(
      "p",
      {},
      `${bc.members.length} member${bc.members.length === 1 ? "" : "s"} of ${orgName} and its departments`,
      forWhom ? ` whose memberships cover purchases from ${forWhom}` : "",
      `; ${people.length} ${people.length === 1 ? "person holds" : "people hold"} a buying role.`,
    ),
    bc.singleThreaded
      ? h(
          "p",
          { class: "warning", "data-warning": "single-threaded" },
          h("strong", {}, "Single-threaded: "),
          people.length
            ? `only ${names(people)} holds a buying role${forWhom ? ` for ${forWhom}` : ""}. If ${people[0]} leaves, nobody else on the buying side knows the account.`
            : `nobody holds a buying role${forWhom ? ` for ${forWhom}` : ""}.`,
        )
      : null,
    bc.members.length
      ? h(
          "table",
          { class: "members" },
          h("caption", {}, "Members"),
          h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Person"), h("th", { scope: "col" }, "Buying role"), h("th", { scope: "col" }, "Title"), h("th", { scope: "col" }, "Member of"))),
          h(
            "tbody",
            {},
            ...bc.members.map((m) =>
              h(
                "tr",
                { "data-person": m.person.id, "data-role": m.buyingRole ?? "" },
                h("td", {}, link(stakeholderPath(m.person.id), m.person.name)),
                h("td", {}, m.buyingRole ? h("span", { class: "role" }, roleLabel(m.buyingRole)) : h("span", { class: "none" }, "none")),
                h("td", {}, m.title ?? ""),
                h("td", {}, m.of.name),
              ),
            ),
          ),
        )
      : h("p", {}, "No members are recorded."),
    h("h3", {}, "Roles covered"),
    roleList(bc.coveredRoles, "covered", "None."),
    h("h3", {}, "Roles missing"),
    roleList(bc.missingRoles, "missing", "None: every buying role is covered."),
  );
  regionEl.dataset.singleThreaded = String(bc.singleThreaded);
  regionEl.dataset.members = String(bc.members.length);
  regionEl.dataset.covered = bc.coveredRoles.join(" ");
  regionEl.dataset.missing = bc.missingRoles.join(" ");
  return regionEl;
}

function roleList(roles: string[], kind: string, empty: string): HTMLElement {
  if (!roles.length) return h("p", { class: `roles-${kind}` }, empty);
  return h("ul", { class: `role-list roles-${kind}` }, ...roles.map((r) => h("li", { class: "role", "data-role": r }, roleLabel(r))));
}

function gridRegion(orgName: string, forWhom: string | null, entries: GridEntry[]): HTMLElement {
  const byQuadrant = Object.keys(QUADRANT_NAMES).map((q) => [q, entries.filter((e) => e.quadrant === q)] as const);
  // Power up, interest across (Mendelow's grid); each point is coloured by the quadrant
  // the server placed it in, the dashed lines are the default thresholds (0.5).
  const chart = entries.length
    ? scatterChart(
        entries.map((e) => ({ id: e.person.id, x: e.interest, y: e.power, label: e.person.name, group: QUADRANT_NAMES[e.quadrant] })),
        {
          title: `The buying center of ${orgName}${forWhom ? ` for ${forWhom}` : ""} by power and interest`,
          xLabel: "interest",
          yLabel: "power",
          xDomain: [0, 1],
          yDomain: [0, 1],
          quadrants: { x: 0.5, y: 0.5, names: [QUADRANT_NAMES.KEEP_SATISFIED, QUADRANT_NAMES.KEY_PLAYER, QUADRANT_NAMES.MONITOR, QUADRANT_NAMES.KEEP_INFORMED] },
          onActivate: (point) => navigate(stakeholderPath(point.id)),
          groupColours: QUADRANT_COLOURS,
        },
      )
    : null;
  const regionEl = region(
    "Power and interest",
    "power-interest",
    h(
      "p",
      {},
      `Power from the buying role (deciders, approvers and buyers high), interest from use${forWhom ? ` of ${forWhom}` : ""} and recent engagement; each 0 to 1. Choose a person to open their page.`,
    ),
    chart,
    entries.length
      ? h(
          "ul",
          { class: "quadrants" },
          ...byQuadrant.map(([q, people]) =>
            h(
              "li",
              { "data-quadrant": q },
              h("strong", {}, `${QUADRANT_NAMES[q]}: `),
              people.length
                ? h("span", {}, ...people.flatMap((e, i) => [i ? ", " : "", link(stakeholderPath(e.person.id), e.person.name)]))
                : "nobody",
            ),
          ),
        )
      : h("p", {}, "Nobody holds a buying role, so nobody is on the grid."),
  );
  regionEl.dataset.points = String(entries.length);
  return regionEl;
}
