import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // limits that only end a hung test: on a loaded 2-core machine a test that spawns the CLI took 31 s
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
