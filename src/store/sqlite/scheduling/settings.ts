import type { ChannelSettings } from "../../../domain/channel.js";
import { isLocale, type Locale } from "../../../domain/locale.js";
import type { Db } from "../database.js";

/** Per-channel (per-chat) settings; a missing value means the configured default. */
export class SettingsStore {
  constructor(private readonly db: Db) {}

  get(target: string): ChannelSettings {
    const row = this.db
      .prepare("SELECT time_zone AS timeZone, locale FROM channel_settings WHERE target = ?")
      .get(target) as { timeZone: string | null; locale: string | null } | undefined;
    return { timeZone: row?.timeZone ?? null, locale: isLocale(row?.locale) ? row.locale : null };
  }

  setTimeZone(target: string, zone: string, by: string, at: string): void {
    this.db
      .prepare(
        `INSERT INTO channel_settings (target, time_zone, updated_by, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (target) DO UPDATE SET time_zone = excluded.time_zone,
           updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
      )
      .run(target, zone, by, at);
  }

  setLocale(target: string, locale: Locale, by: string, at: string): void {
    this.db
      .prepare(
        `INSERT INTO channel_settings (target, locale, updated_by, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (target) DO UPDATE SET locale = excluded.locale,
           updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
      )
      .run(target, locale, by, at);
  }

  retarget(from: string, to: string): void {
    this.db.prepare("UPDATE OR IGNORE channel_settings SET target = ? WHERE target = ?").run(to, from);
  }
}
