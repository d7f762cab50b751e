"""stakegraph: who counts as whose customer, and why."""

__version__ = "0.1.0"
