import type { Db } from "../database.js";

/** Which articles the scheduler has already seen visible, and which wait for their embargo. */
export class AnnouncementTable {
  constructor(private readonly db: Db) {}

  /** The ids among `ids` not seen before, in the given order. */
  unknown(ids: readonly string[]): string[] {
    if (ids.length === 0) return [];
    const known = new Set(
      this.db
        .prepare("SELECT article_id FROM known_articles WHERE article_id IN (SELECT value FROM json_each(?))")
        .pluck()
        .all(JSON.stringify(ids)) as string[],
    );
    return ids.filter((id) => !known.has(id));
  }

  /** Marks an article seen; false if it had been seen already. */
  markKnown(id: string, at: string): boolean {
    return (
      this.db.prepare("INSERT OR IGNORE INTO known_articles (article_id, seen_at) VALUES (?, ?)").run(id, at)
        .changes === 1
    );
  }

  setEmbargo(articleId: string, dueAt: string): void {
    this.db
      .prepare(
        `INSERT INTO embargoes (article_id, due_at) VALUES (?, ?)
         ON CONFLICT (article_id) DO UPDATE SET due_at = excluded.due_at`,
      )
      .run(articleId, dueAt);
  }

  removeEmbargo(articleId: string): void {
    this.db.prepare("DELETE FROM embargoes WHERE article_id = ?").run(articleId);
  }

  dueEmbargoes(now: string): string[] {
    return this.db
      .prepare("SELECT article_id FROM embargoes WHERE due_at <= ? ORDER BY due_at")
      .pluck()
      .all(now) as string[];
  }

  nextEmbargoAt(): string | null {
    return this.db.prepare("SELECT MIN(due_at) FROM embargoes").pluck().get() as string | null;
  }
}
