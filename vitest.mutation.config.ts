import { defineConfig } from "vitest/config";

/**
 * The suite Stryker runs for each mutant (`npm run test:mutation`, stryker.config.mjs). Only tests
 * that run the code in the test's own process can see a mutant: Stryker switches mutants on through
 * a global, which spawned bots (tests/e2e/cli, console, schedule's child processes) and worker threads
 * never see. So: the unit tests, and the end-to-end suites that drive the platforms in-process.
 */
export default defineConfig({
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/e2e/schedule/new-file-announced.test.ts"],
    // Parses 6,000 files on a worker thread (19 s a run): mutants there are invisible to it, and
    // each content mutant would pay for it.
    exclude: ["tests/unit/content/large-scan.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: "forks",
  },
});
