import type { TestProject } from "vitest/node";
import { launchPostgres } from "./postgres.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** postgres://newsdesk@127.0.0.1:PORT of the run's throwaway server (tests/helpers/postgres.ts). */
    postgresBase: string;
  }
}

/**
 * vitest globalSetup: one throwaway PostgreSQL server for the whole run, started in the
 * background (its first user waits for it with `postgresBase()`), stopped at the end.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await launchPostgres();
  project.provide("postgresBase", server.base);
  return () => server.stop();
}
