// /explore/queries[/{name}]: the analysts' query library (SPEC 11). The list comes from
// libraryQueries (asked once per page load); a chosen query shows a labelled form for its
// parameters, and running it (runLibraryQuery) shows the rows as a table. The query and
// its parameters are in the address, so a run can be shared and back/forward repeat it:
// /explore/queries/single_threaded_accounts?run=1&providerId=initech

import { GraphQLFailure, gql } from "./api";
import { graphql } from "./gql";
import type { ExploreLibraryQuery, ExploreRunLibraryQueryQuery, LibraryParameterType } from "./gql/graphql";
import { accountPath, fail, h, link, redraw, stakeholderPath } from "./page";

export const LIBRARY = graphql(`
  query ExploreLibrary {
    libraryQueries { name description parameters { name description example type required } }
  }
`);

export const RUN_LIBRARY_QUERY = graphql(`
  query ExploreRunLibraryQuery($name: String!, $params: JSON) {
    runLibraryQuery(name: $name, params: $params) { columns rows truncated }
  }
`);

type LibraryQuery = ExploreLibraryQuery["libraryQueries"][number];
type Parameter = LibraryQuery["parameters"][number];
type QueryResult = ExploreRunLibraryQueryQuery["runLibraryQuery"];

const TYPE_WORDS: Record<LibraryParameterType, string> = {
  STRING: "text",
  INTEGER: "whole number",
  FLOAT: "number",
  BOOLEAN: "true or false",
  DATETIME: "date and time, ISO 8601",
};

let library: LibraryQuery[] | null = null; // the files do not change while the server runs

export function queriesPath(name: string | null = null, params: URLSearchParams | null = null): string {
  const path = name ? `/explore/queries/${encodeURIComponent(name)}` : "/explore/queries";
  const q = params?.toString();
  return q ? `${path}?${q}` : path;
}

/** What a form field's text becomes in `params`: a number, true/false or null where the
 * parameter takes one and the text reads as one; else the text, for the server to judge. */
function typed(parameter: Parameter, text: string): unknown {
  const t = text.trim();
  if (!t) return null;
  switch (parameter.type) {
    case "INTEGER":
      return /^[+-]?\d+$/.test(t) ? Number(t) : t;
    case "FLOAT":
      return Number.isFinite(Number(t)) ? Number(t) : t;
    case "BOOLEAN":
      return t === "true" ? true : t === "false" ? false : t;
    default:
      return t;
  }
}

function shown(value: unknown): string {
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}

function inputId(parameter: Parameter): string {
  return `param-${parameter.name}`;
}

export async function queriesView(app: HTMLElement, name: string | null, stale: () => boolean): Promise<void> {
  const search = new URLSearchParams(location.search);
  if (!name && search.get("name")) {
    // ?name= is the same as /explore/queries/{name}
    name = search.get("name");
    search.delete("name");
    history.replaceState(null, "", queriesPath(name, search));
  }
  document.title = `${name ? `${name} · ` : ""}query library · stakegraph explore`;
  if (!library) {
    app.replaceChildren(h("p", { class: "status", role: "status" }, "Loading…"));
    try {
      library = (await gql(LIBRARY, {})).libraryQueries;
    } catch (error) {
      if (!stale()) app.replaceChildren(h("h1", {}, "Query library"), fail(error, redraw));
      return;
    }
    if (stale()) return;
  }
  const chosen = library.find((q) => q.name === name) ?? null;
  const list = h(
    "nav",
    { class: "panel library-list", "aria-labelledby": "library-title" },
    h("h2", { id: "library-title" }, "Queries"),
    h(
      "ul",
      {},
      ...library.map((q) =>
        h(
          "li",
          {},
          h(
            "a",
            { href: queriesPath(q.name), "data-internal": true, "aria-current": q === chosen ? "page" : undefined },
            // a long snake_case name may wrap after its underscores, nowhere else
            ...q.name.split("_").flatMap((part, i) => (i ? ["_", h("wbr"), part] : [part])),
          ),
          // The header's opening words, up to its first colon, say what it answers.
          h("span", { class: "summary" }, q.description.split(":")[0]),
        ),
      ),
    ),
  );
  const main = h("div", { class: "library-main" });
  app.replaceChildren(
    h("h1", {}, "Query library"),
    h("p", { class: "lead" }, "The analyses under cypher/queries/, as analysts run them in cypher-shell; each runs here in a read transaction, at most 500 rows."),
    h("div", { class: "library" }, list, main),
  );
  if (!chosen) {
    main.append(
      name
        ? h("p", { role: "alert", class: "error" }, `No library query is named ${name}.`)
        : h("p", {}, "Pick a query to see what it answers and fill in its parameters."),
    );
    return;
  }
  const { form, inputs } = parameterForm(chosen, search);
  const rows = h("section", { class: "panel rows", id: "rows", "aria-labelledby": "rows-title" }, h("h2", { id: "rows-title" }, "Rows"));
  main.append(
    h(
      "section",
      { class: "panel query", "aria-labelledby": "query-title" },
      h("h2", { id: "query-title" }, chosen.name),
      h("p", { class: "description" }, chosen.description),
      form,
    ),
    rows,
  );

  const run = async (): Promise<void> => {
    const params: Record<string, unknown> = {};
    for (const p of chosen.parameters) {
      const value = typed(p, inputs[p.name].value);
      if (value !== null) params[p.name] = value;
    }
    for (const p of chosen.parameters) markInvalid(inputs[p.name], null);
    rows.dataset.state = "running";
    rows.replaceChildren(rows.firstChild as Node, h("p", { class: "status", role: "status" }, "Running…"));
    try {
      const data = await gql(RUN_LIBRARY_QUERY, { name: chosen.name, params });
      if (stale()) return;
      showRows(rows, data.runLibraryQuery, params);
    } catch (error) {
      if (stale()) return;
      showError(rows, error, chosen, inputs);
    }
  };
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const state = new URLSearchParams({ run: "1" });
    for (const p of chosen.parameters) if (inputs[p.name].value.trim()) state.set(p.name, inputs[p.name].value.trim());
    history.pushState(null, "", queriesPath(chosen.name, state));
    void run();
  });
  if (search.get("run") === "1") await run();
  else {
    rows.append(h("p", {}, "Run the query to see its rows."));
    // Picking a query leads the person (and the keyboard's focus) to its first field.
    const first = chosen.parameters.length ? inputs[chosen.parameters[0].name] : form.querySelector("button");
    first?.focus();
  }
}

function parameterForm(query: LibraryQuery, search: URLSearchParams): { form: HTMLFormElement; inputs: Record<string, HTMLInputElement> } {
  const inputs: Record<string, HTMLInputElement> = {};
  const fields = query.parameters.map((p) => {
    const id = inputId(p);
    const input = h("input", {
      id,
      name: p.name,
      type: "text",
      autocomplete: "off",
      inputmode: p.type === "INTEGER" ? "numeric" : p.type === "FLOAT" ? "decimal" : undefined,
      placeholder: `e.g. ${shown(p.example)}`,
      "aria-required": String(p.required),
      "aria-describedby": `${id}-type ${id}-hint ${id}-error`,
      "data-type": p.type,
    });
    input.value = search.get(p.name) ?? "";
    inputs[p.name] = input;
    return h(
      "div",
      { class: "field" },
      h("label", { for: id }, p.name),
      h("span", { class: "param-type", id: `${id}-type` }, ` ${TYPE_WORDS[p.type]}, ${p.required ? "required" : "optional"}`),
      input,
      h("span", { class: "hint", id: `${id}-hint` }, p.description),
      h("span", { class: "field-error error", id: `${id}-error` }),
    );
  });
  const form = h(
    "form",
    { class: "parameters", "aria-label": `Parameters of ${query.name}`, novalidate: true },
    ...(fields.length ? fields : [h("p", {}, "It takes no parameters.")]),
    h("button", { type: "submit" }, "Run query"),
  );
  return { form, inputs };
}

function markInvalid(input: HTMLInputElement, message: string | null): void {
  const slot = document.getElementById(`${input.id}-error`) as HTMLElement;
  slot.textContent = message ?? "";
  if (message) input.setAttribute("aria-invalid", "true");
  else input.removeAttribute("aria-invalid");
}

function showError(rows: HTMLElement, error: unknown, query: LibraryQuery, inputs: Record<string, HTMLInputElement>): void {
  rows.dataset.state = "error";
  delete rows.dataset.rows;
  const detail = error instanceof GraphQLFailure ? error.errors[0] : undefined;
  const field = detail?.extensions?.field?.replace(/^params\./, "");
  const parameter = query.parameters.find((p) => p.name === field);
  if (!detail || detail.extensions?.code !== "BAD_USER_INPUT") {
    rows.replaceChildren(rows.firstChild as Node, fail(error, redraw));
    return;
  }
  // The server names the parameter ("params.days: expected an integer, not \"soon\""): the
  // message goes beside that field too, and the field is marked invalid.
  const message = detail.message.replace(/^params\.\w+: /, "");
  rows.dataset.errorField = field ?? "";
  rows.replaceChildren(
    rows.firstChild as Node,
    h("p", { role: "alert", class: "error" }, parameter ? `${parameter.name}: ${message}` : detail.message),
  );
  if (parameter) {
    markInvalid(inputs[parameter.name], message);
    inputs[parameter.name].focus();
  }
}

function cell(column: string, value: unknown, params: Record<string, unknown>): HTMLTableCellElement {
  const td = h("td", { "data-json": JSON.stringify(value) });
  if (value === null || value === undefined) {
    td.append(h("span", { class: "null" }, "null"));
  } else if (typeof value === "string" && column === "accountId") {
    // an account (single_threaded_accounts): its buying center, for the provider asked about
    const provider = typeof params.providerId === "string" ? params.providerId : null;
    td.append(link(accountPath(value, provider), value));
  } else if (typeof value === "string" && /(^id|Id)$/.test(column)) {
    td.append(link(stakeholderPath(value), value)); // a stakeholder's id: its page
  } else if (Array.isArray(value) && value.every((v) => typeof v !== "object" || v === null)) {
    td.textContent = value.map((v) => String(v)).join(", ");
  } else {
    td.textContent = shown(value);
  }
  return td;
}

function showRows(rows: HTMLElement, result: QueryResult, params: Record<string, unknown>): void {
  const body = result.rows.map((row) => row ?? []);
  rows.dataset.state = "done";
  rows.dataset.rows = String(body.length);
  rows.dataset.truncated = String(result.truncated);
  delete rows.dataset.errorField;
  rows.replaceChildren(
    rows.firstChild as Node,
    h(
      "p",
      { class: "status", role: "status" },
      `${body.length} row${body.length === 1 ? "" : "s"}`,
      result.truncated ? "; truncated: the query returned more rows than the 500 shown." : ".",
    ),
    body.length
      ? h(
          "div",
          { class: "table-scroll" },
          h(
            "table",
            { class: "result", "aria-labelledby": "rows-title" },
            h("thead", {}, h("tr", {}, ...result.columns.map((c) => h("th", { scope: "col" }, c)))),
            h("tbody", {}, ...body.map((row) => h("tr", {}, ...result.columns.map((c, i) => cell(c, row[i], params))))),
          ),
        )
      : h("p", {}, "No rows."),
  );
}
