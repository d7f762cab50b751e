// Bundles src/main.ts and src/explore.css into the Python package's static folder, where
// the server serves them (/static/explore/...). Deterministic: the same source and lock file
// give the same bytes (CI rebuilds and compares with the committed bundle).
import { build } from "esbuild";
import { copyFileSync, mkdirSync } from "node:fs";

const out = "../src/stakegraph/api/static/explore";
mkdirSync(out, { recursive: true });
await build({
  entryPoints: { explore: "src/main.ts" },
  bundle: true,
  minify: true,
  format: "iife",
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
