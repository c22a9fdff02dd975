import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // e2e suites start real servers and spawn processes: give them room on a 2-core machine.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: "forks",
    // One throwaway PostgreSQL server for the run: the store contract and the multi-process tests.
    globalSetup: ["tests/helpers/postgres-setup.ts"],
  },
});
