import type { PgMigration } from "../database.js";
import { schedulingMigration } from "./001-scheduling.js";
import { coordinationMigration } from "./002-coordination.js";
import { sourcesDashboardMigration } from "./003-sources-dashboard.js";

/**
 * Every PostgreSQL schema version, in order (their own numbering: the article index is not here,
 * each process keeps it in its own SQLite file). Add a file per migration; never edit an applied
 * one. A database above the highest version here is refused at start (SchemaTooNewError).
 */
export const pgMigrations: readonly PgMigration[] = [
  schedulingMigration,
  coordinationMigration,
  sourcesDashboardMigration,
];
