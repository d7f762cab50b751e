"""The GraphQL API: Strawberry types, queries and mutations, and the Starlette app."""
