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
  {
    // a function longer than this is split into named steps
    files: ["src/**/*.ts"],
    rules: { "max-lines-per-function": ["error", { max: 100, IIFEs: true }] },
  },
);
