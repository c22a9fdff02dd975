import type { Migration } from "../database.js";
import { articlesMigration } from "./001-articles.js";
import { schedulingMigration } from "./002-scheduling.js";
import { titlePrefixesMigration } from "./003-title-prefixes.js";
import { sourcesMigration } from "./004-sources.js";
import { subscriptionFiltersMigration } from "./005-subscription-filters.js";
import { dashboardMigration } from "./010-dashboard.js";

/**
 * Every schema version, in order. Add a file per migration; never edit an applied one. The
 * highest version here is the newest this code knows: a database above it is refused at start
 * (SchemaTooNewError), since a rollback to an older release cannot read a newer shape safely.
 */
export const migrations: readonly Migration[] = [
  articlesMigration,
  schedulingMigration,
  titlePrefixesMigration,
  sourcesMigration,
  subscriptionFiltersMigration,
  dashboardMigration,
];
