import type { ChannelSettings } from "../../../domain/channel.js";
import { isLocale, type Locale } from "../../../domain/locale.js";
import type { Db } from "../database.js";

/** Per-channel (per-chat) settings; a missing value means the configured default. */
export class SettingsTable {
  constructor(private readonly db: Db) {}

  get(target: string): ChannelSettings {
    const row = this.db
      .prepare("SELECT time_zone AS timeZone, locale FROM channel_settings WHERE target = ?")
      .get(target) as { timeZone: string | null; locale: string | null } | undefined;
    return { timeZone: row?.timeZone ?? null, locale: isLocale(row?.locale) ? row.locale : null };
  }

  /** Sets what `change` holds; the other setting keeps its value. */
  update(target: string, change: { timeZone?: string; locale?: Locale }, by: string, at: string): void {
    this.db
      .prepare(
        `INSERT INTO channel_settings (target, time_zone, locale, updated_by, updated_at)
         VALUES (@target, @timeZone, @locale, @by, @at)
         ON CONFLICT (target) DO UPDATE SET time_zone = COALESCE(excluded.time_zone, time_zone),
           locale = COALESCE(excluded.locale, locale), updated_by = excluded.updated_by,
           updated_at = excluded.updated_at`,
      )
      .run({ target, timeZone: change.timeZone ?? null, locale: change.locale ?? null, by, at });
  }

  retarget(from: string, to: string): void {
    this.db.prepare("UPDATE OR IGNORE channel_settings SET target = ? WHERE target = ?").run(to, from);
  }
}
