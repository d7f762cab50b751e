# The two commands of the README: `make run` and `make test`.
# Everything is installed into .venv; the local Neo4j is built by Maven on first use into
# the per-user cache (see `stakegraph neo4j --help`).

VENV   ?= .venv
PYTHON ?= python3
BIN     = $(VENV)/bin
STAMP   = $(VENV)/.installed

.PHONY: install lock run test lint bench sdl web clean

# constraints.txt holds the version of every Python package the suite last passed with, so
# that a fresh machine installs those and not whatever was released since.
$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

# Write constraints.txt again from the newest releases pyproject.toml allows (in a
# throw-away venv); then run `make test` before committing it.
lock:
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	$(PYTHON) -m venv "$$tmp" && \
	"$$tmp/bin/python" -m pip install --quiet --upgrade pip && \
	"$$tmp/bin/python" -m pip install --quiet '.[test]' && \
	{ echo "# Written by \`make lock\`: the versions \`make install\` (and the Dockerfile) take."; \
	  "$$tmp/bin/python" -m pip freeze --exclude stakegraph; } > constraints.txt
	@echo "constraints.txt written; run make test before committing it"

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
	$(BIN)/ruff format --check src tests bench
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
