import js from "@eslint/js";
import { defineConfig } from "eslint/config";
import globals from "globals";
import tseslint from "typescript-eslint";

export default defineConfig(
  {
    ignores: [
      "dist/**",
      "out/**",
      "node_modules/**",
      "coverage/**",
      "bench/tmp/**",
      "notebooks/*.test-output.ts",
      "docs/api/**",
    ],
  },
  js.configs.recommended,
  tseslint.configs.strict,
  { languageOptions: { globals: { ...globals.node } } },
  {
    rules: {
      "@typescript-eslint/no-non-null-assertion": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  // imports point down the layers: cli → report → charts → indicators → io → regions → table
  ...layers(["cli", "report", "charts", "indicators", "io", "regions", "table"]),
  {
    // a function longer than this is split into named steps
    files: ["src/**/*.ts"],
    rules: { "max-lines-per-function": ["error", { max: 100, IIFEs: true }] },
  },
);

/** One rule per layer of src/: it may not import from the layers above it. */
function layers(order) {
  return order.slice(1).map((layer, k) => ({
    files: [`src/${layer}/**/*.ts`],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: order.slice(0, k + 1).map((above) => ({
            group: [`**/${above}/**`],
            message: `src/${layer} is below src/${above}: imports point down the layers (see CONTRIBUTING.md)`,
          })),
        },
      ],
    },
  }));
}
