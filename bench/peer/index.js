// The peer of bench/query_bench.py: the Neo4j GraphQL Library (@neo4j/graphql) served by
// Apollo Server over the same Neo4j and data as stakegraph, so the two answer the same
// question side by side: the page of paying customers of a provider (incoming BUYS with
// the purchase properties, first 50).
//
//   NEO4J_URI=bolt://127.0.0.1:7708 PORT=4100 node index.js
//
// Prints "READY http://127.0.0.1:PORT/" once it listens. With PEER_CYPHER_LOG=FILE it also
// appends each statement it runs, with its parameters, to FILE as one JSON line
// ({"query", "params"}; integers as {"$int": "50"}, other numbers as {"$float": 1.5}), so a
// benchmark can send the library's own Cypher raw through a driver.
import { appendFileSync } from "node:fs";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { Neo4jGraphQL } from "@neo4j/graphql";
import { GraphQLScalarType } from "graphql";
import neo4j from "neo4j-driver";

// Stakeholder nodes (every node of the graph carries :Stakeholder) and their purchases.
// BUYS goes from the buyer x to the provider p, so a provider's customers are the
// incoming BUYS; the relationship properties are the ones every BUYS stores.
// `at` is a custom scalar (the Neo4j DateTime as ISO text): the library's own DateTime
// converts with apoc.date.convertFormat, and the local Neo4j has no APOC.
const typeDefs = /* GraphQL */ `
  type Stakeholder @node {
    id: ID!
    name: String!
    customers: [Stakeholder!]! @relationship(type: "BUYS", direction: IN, properties: "Buys")
    purchasesFrom: [Stakeholder!]! @relationship(type: "BUYS", direction: OUT, properties: "Buys")
  }

  scalar Instant

  type Buys @relationshipProperties {
    id: ID!
    offering: String!
    amount: Float!
    currency: String!
    at: Instant!
    kind: String!
    consideration: String!
  }
`;

const driver = neo4j.driver(
  process.env.NEO4J_URI ?? "bolt://127.0.0.1:7687",
  neo4j.auth.basic(process.env.NEO4J_USERNAME ?? "neo4j", process.env.NEO4J_PASSWORD ?? "stakegraph"),
  { maxConnectionPoolSize: Number(process.env.POOL_SIZE ?? 50) },
);

// Every transaction's `run` writes its statement to PEER_CYPHER_LOG first.
function logCypher(file) {
  const encode = (key, value) => {
    if (neo4j.isInt(value)) return { $int: value.toString() };
    if (typeof value === "number") return { $float: value };
    return value;
  };
  const openSession = driver.session.bind(driver);
  driver.session = (config) => {
    const session = openSession(config);
    for (const method of ["executeRead", "executeWrite"]) {
      const execute = session[method].bind(session);
      session[method] = (work, txConfig) =>
        execute((tx) => {
          const run = tx.run.bind(tx);
          tx.run = (query, params) => {
            appendFileSync(file, JSON.stringify({ query, params }, encode) + "\n");
            return run(query, params);
          };
          return work(tx);
        }, txConfig);
    }
    return session;
  };
}
if (process.env.PEER_CYPHER_LOG) logCypher(process.env.PEER_CYPHER_LOG);

const Instant = new GraphQLScalarType({
  name: "Instant",
  serialize: (value) => String(value),
});

const neoSchema = new Neo4jGraphQL({ typeDefs, driver, resolvers: { Instant } });
const server = new ApolloServer({ schema: await neoSchema.getSchema() });
const port = Number(process.env.PORT ?? 4100);
const { url } = await startStandaloneServer(server, {
  listen: { host: "127.0.0.1", port },
  context: async () => ({ sessionConfig: { database: process.env.NEO4J_DATABASE ?? "neo4j" } }),
});
console.log(`READY ${url}`);

const stop = async () => {
  await server.stop();
  await driver.close();
  process.exit(0);
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
