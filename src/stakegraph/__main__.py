"""`python -m stakegraph` is the `stakegraph` command."""

from stakegraph.cli import app

app(prog_name="stakegraph")
