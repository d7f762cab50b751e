// GraphQL Code Generator: types for the page's operations, from the server's schema
// (../schema.graphql, which `make sdl` writes). `npm run build` runs it before tsc, so a
// schema change that breaks a document or a use of its result fails `make web`.
// The output (src/gql/) is committed, like the bundle; CI regenerates and compares both.
import type { CodegenConfig } from "@graphql-codegen/cli";

const config: CodegenConfig = {
  schema: "../schema.graphql",
  documents: ["src/**/*.ts", "!src/gql/**"],
  ignoreNoDocuments: false,
  generates: {
    "src/gql/": {
      preset: "client",
      presetConfig: { fragmentMasking: false },
      config: {
        documentMode: "string",
        useTypeImports: true,
        strictScalars: true,
        scalars: { DateTime: "string", JSON: "unknown" },
      },
    },
  },
};

export default config;
