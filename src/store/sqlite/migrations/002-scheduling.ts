import type { Migration } from "../database.js";

/**
 * Scheduling: what moderators asked for (schedules, subscriptions, channel settings, the audit
 * log) and what the scheduler owes (the delivery outbox and its bookkeeping). Times are ISO 8601
 * UTC strings from Date.toISOString(), so they sort as text. A target is "platform:id" (or
 * "console"). See docs/adr/0030-0034.
 */
export const schedulingMigration: Migration = {
  version: 2,
  name: "schedules, subscriptions, settings, audit log, delivery outbox",
  up: `
    CREATE TABLE schedules (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('post', 'digest')),
      target TEXT NOT NULL,
      article_id TEXT,
      run_at TEXT,
      cron TEXT,
      topic TEXT,
      state TEXT NOT NULL DEFAULT 'active'
        CHECK (state IN ('active', 'paused', 'done', 'cancelled', 'failed', 'missed')),
      state_reason TEXT,
      state_by TEXT,
      state_at TEXT,
      last_slot TEXT,
      created_by_id TEXT NOT NULL,
      created_by_name TEXT NOT NULL,
      created_at TEXT NOT NULL,
      CHECK ((kind = 'post' AND article_id IS NOT NULL AND run_at IS NOT NULL)
          OR (kind = 'digest' AND cron IS NOT NULL))
    ) WITHOUT ROWID;
    CREATE INDEX schedules_by_target ON schedules (target, state);
    CREATE INDEX schedules_due_posts ON schedules (state, run_at) WHERE kind = 'post';

    -- Recurring streams that are not schedules (the configured digest): the newest slot handled.
    CREATE TABLE schedule_streams (
      stream TEXT PRIMARY KEY,
      last_slot TEXT NOT NULL
    ) WITHOUT ROWID;

    CREATE TABLE subscriptions (
      target TEXT NOT NULL,
      topic_key TEXT NOT NULL,
      topic TEXT NOT NULL,
      created_by_id TEXT NOT NULL,
      created_by_name TEXT NOT NULL,
      created_at TEXT NOT NULL,
      PRIMARY KEY (target, topic_key)
    ) WITHOUT ROWID;
    CREATE INDEX subscriptions_by_topic ON subscriptions (topic_key);

    CREATE TABLE channel_settings (
      target TEXT PRIMARY KEY,
      time_zone TEXT,
      locale TEXT,
      updated_by TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) WITHOUT ROWID;

    CREATE TABLE audit_log (
      id INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      actor_id TEXT NOT NULL,
      actor_name TEXT NOT NULL,
      target TEXT NOT NULL,
      action TEXT NOT NULL,
      detail TEXT NOT NULL
    );
    CREATE INDEX audit_by_target ON audit_log (target, at);

    -- The outbox. key: announce:<target>:<article> | digest:<target>:<slot> |
    -- digest:<schedule>:<slot> | post:<schedule>:<slot>. Written before sending, done after.
    CREATE TABLE deliveries (
      key TEXT PRIMARY KEY,
      target TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('announce', 'digest', 'post')),
      payload TEXT NOT NULL,
      state TEXT NOT NULL DEFAULT 'pending'
        CHECK (state IN ('pending', 'sending', 'done', 'failed', 'dropped')),
      attempts INTEGER NOT NULL DEFAULT 0,
      due_at TEXT NOT NULL,
      claimed_by TEXT,
      claim_until TEXT,
      message_id TEXT,
      error TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX deliveries_due ON deliveries (state, due_at);
    CREATE INDEX deliveries_by_target ON deliveries (target, state);

    -- What each target has been given (or deliberately passed over by a digest), so that a
    -- digest holds only articles not yet posted there.
    CREATE TABLE delivered_articles (
      target TEXT NOT NULL,
      article_id TEXT NOT NULL,
      delivery_key TEXT NOT NULL,
      shown INTEGER NOT NULL,
      PRIMARY KEY (target, article_id)
    ) WITHOUT ROWID;
    CREATE INDEX delivered_by_key ON delivered_articles (delivery_key);

    CREATE TABLE target_health (
      target TEXT PRIMARY KEY,
      failures INTEGER NOT NULL DEFAULT 0,
      disabled_at TEXT,
      reason TEXT
    ) WITHOUT ROWID;

    -- Every article the scheduler has seen visible: one that is not here yet is new, whether
    -- the library's "added" event reached us or not (crash, wiring order, embargo lifted).
    CREATE TABLE known_articles (
      article_id TEXT PRIMARY KEY,
      seen_at TEXT NOT NULL
    ) WITHOUT ROWID;

    -- New articles under embargo: announced when publish_at passes.
    CREATE TABLE embargoes (
      article_id TEXT PRIMARY KEY,
      due_at TEXT NOT NULL
    ) WITHOUT ROWID;

    -- Running schedulers, so a restarted process can tell its dead predecessor's claims.
    CREATE TABLE scheduler_instances (
      id TEXT PRIMARY KEY,
      host TEXT NOT NULL,
      pid INTEGER NOT NULL,
      started_at TEXT NOT NULL,
      seen_at TEXT NOT NULL
    ) WITHOUT ROWID;
  `,
};
