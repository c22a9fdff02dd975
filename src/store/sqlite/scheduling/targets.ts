import type { TargetHealth } from "../../../domain/channel.js";
import type { Db } from "../database.js";

/** Whether posting to a target works; a target failing permanently is disabled (ADR 0033). */
export class TargetTable {
  constructor(private readonly db: Db) {}

  get(target: string): TargetHealth | null {
    return (
      (this.db
        .prepare(
          "SELECT target, failures, disabled_at AS disabledAt, reason FROM target_health WHERE target = ?",
        )
        .get(target) as TargetHealth | undefined) ?? null
    );
  }

  isDisabled(target: string): boolean {
    return this.get(target)?.disabledAt != null;
  }

  /** Counts one more permanent failure; returns the new count. */
  recordPermanentFailure(target: string, reason: string): number {
    this.db
      .prepare(
        `INSERT INTO target_health (target, failures, reason) VALUES (?, 1, ?)
         ON CONFLICT (target) DO UPDATE SET failures = failures + 1, reason = excluded.reason`,
      )
      .run(target, reason);
    return this.get(target)?.failures ?? 1;
  }

  recordSuccess(target: string): void {
    this.db.prepare("UPDATE target_health SET failures = 0 WHERE target = ? AND failures > 0").run(target);
  }

  disable(target: string, reason: string, at: string): void {
    this.db
      .prepare(
        `INSERT INTO target_health (target, failures, disabled_at, reason) VALUES (?, 0, ?, ?)
         ON CONFLICT (target) DO UPDATE SET disabled_at = excluded.disabled_at, reason = excluded.reason`,
      )
      .run(target, at, reason);
  }

  /** True if it was disabled. */
  enable(target: string): boolean {
    return (
      this.db
        .prepare(
          "UPDATE target_health SET disabled_at = NULL, failures = 0 WHERE target = ? AND disabled_at IS NOT NULL",
        )
        .run(target).changes === 1
    );
  }

  /** A chat that moved starts with a clean record under its new id. */
  forget(target: string): void {
    this.db.prepare("DELETE FROM target_health WHERE target = ?").run(target);
  }
}
