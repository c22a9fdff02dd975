import type { Migration } from "../database.js";

/** A subscription may carry a keyword filter, as typed and normalised (ADR 0113); null: none. */
export const subscriptionFiltersMigration: Migration = {
  version: 5,
  name: "keyword filters on subscriptions",
  up: "ALTER TABLE subscriptions ADD COLUMN filter TEXT;",
};
