// Bundles src/main.ts and src/explore.css into the Python package's static folder, where
// the server serves them (/static/explore/...). Deterministic: the same source and lock file
// give the same bytes (CI rebuilds and compares with the committed bundle).
// Split by route (ES modules): explore.js is the search and stakeholder views; each
// dynamic import in main.ts (account, provider, library, and the stakeholder view's
// picture with Cytoscape.js) becomes its own file, and code they share (Observable Plot,
// charts.ts) a chunk-*.js file, fetched only by the routes that need it. The old .js files are removed first, so a stale chunk cannot stay behind.
import { build } from "esbuild";
import { copyFileSync, mkdirSync, readdirSync, rmSync } from "node:fs";

const out = "../src/stakegraph/api/static/explore";
mkdirSync(out, { recursive: true });
for (const name of readdirSync(out)) if (name.endsWith(".js")) rmSync(`${out}/${name}`);
await build({
  entryPoints: { explore: "src/main.ts" },
  bundle: true,
  minify: true,
  format: "esm",
  splitting: true,
  chunkNames: "[name]-[hash]",
  target: "es2020",
  outdir: out,
  legalComments: "eof",
  sourcemap: false,
  logLevel: "warning",
});
await build({
  entryPoints: { explore: "src/explore.css" },
  bundle: true,
  minify: true,
  outdir: out,
  logLevel: "warning",
});
copyFileSync("index.html", `${out}/index.html`);
