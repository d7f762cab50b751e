# The two commands of the README: `make run` and `make test`.
# Everything is installed into .venv; the local Neo4j is built by Maven on first use into
# the per-user cache (see `stakegraph neo4j --help`).

VENV   ?= .venv
PYTHON ?= python3
BIN     = $(VENV)/bin
STAMP   = $(VENV)/.installed

.PHONY: install run test lint bench sdl web clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

# Start the local Neo4j unless NEO4J_URI names a server, apply the schema, load the demo
# world into an empty database, and serve on http://127.0.0.1:8000/graphql.
run: install
	@if [ -z "$$NEO4J_URI" ]; then \
	  $(BIN)/stakegraph neo4j status >/dev/null 2>&1 || $(BIN)/stakegraph neo4j start; \
	fi
	$(BIN)/stakegraph schema apply
	$(BIN)/stakegraph demo --if-empty
	$(BIN)/stakegraph serve

lint: install
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy

# The GraphQL-over-HTTP audit (tests/test_graphql_over_http.py) runs the npm package
# graphql-http with Node: `npm ci` installs the pinned version next to the script.
AUDIT = tests/http_audit/node_modules/.package-lock.json

$(AUDIT): tests/http_audit/package.json tests/http_audit/package-lock.json
	@command -v npm >/dev/null || { echo "npm (Node 18+) is needed for the GraphQL-over-HTTP audit test: install nodejs and npm" >&2; exit 1; }
	cd tests/http_audit && npm ci --no-audit --no-fund --silent

# The explorer's browser tests load axe-core from web/node_modules (pinned in web/).
WEB_MODULES = web/node_modules/.package-lock.json

$(WEB_MODULES): web/package.json web/package-lock.json
	@command -v npm >/dev/null || { echo "npm (Node 18+) is needed for the explorer's browser tests (axe-core): install nodejs and npm" >&2; exit 1; }
	cd web && npm ci --no-audit --no-fund --silent

test: install lint $(AUDIT) $(WEB_MODULES)
	$(BIN)/pytest

bench: install
	$(BIN)/python bench/run.py

sdl: install
	$(BIN)/stakegraph schema sdl > schema.graphql

# The explorer page (/explore): TypeScript in web/. GraphQL Code Generator types its documents
# from schema.graphql (web/src/gql/), tsc checks, esbuild bundles into the package's static
# folder (both committed, so installing and serving need no Node; CI rebuilds and compares).
web:
	cd web && npm ci --no-audit --no-fund --silent && npm run -s build

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
