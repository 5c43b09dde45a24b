import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  // Dropping fields by destructuring (`const { id, ...rest } = row`) is how rows are copied.
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["warn", { ignoreRestSiblings: true, argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  // The engine's public surface is lib/engine/index.ts: nothing outside the engine reaches past
  // it (its test fixtures aside), so its internals can change without touching its callers.
  // package.json's sideEffects lets the bundler keep only the parts of the index a page uses.
  {
    files: ["**/*.{ts,tsx}"],
    ignores: ["lib/engine/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/engine/*", "!**/engine/test-fixtures", "!**/engine/examples/*"],
              message: "Import the engine from lib/engine (its index.ts), not from its files.",
            },
          ],
        },
      ],
    },
  },
  // Size warnings: a file past 400 lines or a function past 80 is a sign to split it.
  {
    files: ["**/*.{ts,tsx}"],
    ignores: ["**/*.test.ts", "tests/**", "e2e/**"],
    rules: {
      "max-lines": ["warn", { max: 400, skipBlankLines: true, skipComments: true }],
      "max-lines-per-function": ["warn", { max: 80, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    ignores: [
      ".next/**",
      ".build/**",
      "node_modules/**",
      "lib/generated/**",
      ".data/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
];
export default config;
