import { inject } from "vitest";
import { waitForServer } from "./postgres.js";

/** The run's PostgreSQL server (tests/helpers/postgres-setup.ts), once it accepts connections. */
export async function postgresBase(): Promise<string> {
  const base = inject("postgresBase");
  await waitForServer(base);
  return base;
}
