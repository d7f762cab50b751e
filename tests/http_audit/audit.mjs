// Runs the GraphQL-over-HTTP specification's audit suite (graphql-http `serverAudits`)
// against a running server and prints one JSON object: {"results": [{id, name, status,
// reason}]}; status is "ok", "warn" or "error". Exits 0 only when every audit is "ok".
//
//   node tests/http_audit/audit.mjs http://127.0.0.1:8000/graphql
//
// tests/test_graphql_over_http.py starts a real server and runs this; `npm ci` in this folder
// installs the pinned graphql-http (package-lock.json).
import { serverAudits } from 'graphql-http';

const url = process.argv[2];
if (!url) {
  console.error('usage: node audit.mjs <graphql url>');
  process.exit(2);
}

const results = [];
for (const { id, name, fn } of serverAudits({ url })) {
  const result = await fn();
  results.push({
    id,
    name,
    status: result.status,
    reason: result.status === 'ok' ? null : result.reason,
  });
}
console.log(JSON.stringify({ results }));
process.exit(results.every((r) => r.status === 'ok') ? 0 : 1);
