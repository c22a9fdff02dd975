import type { Db } from "../database.js";

/** Which articles the scheduler has already seen visible, and which wait for their embargo. */
export class AnnouncementStore {
  constructor(private readonly db: Db) {}

  knownCount(): number {
    return this.db.prepare("SELECT COUNT(*) FROM known_articles").pluck().get() as number;
  }

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

  markKnown(ids: readonly string[], at: string): void {
    const insert = this.db.prepare(
      "INSERT OR IGNORE INTO known_articles (article_id, seen_at) VALUES (?, ?)",
    );
    for (const id of ids) insert.run(id, at);
  }

  setEmbargo(articleId: string, dueAt: string): void {
    this.db
      .prepare(
        `INSERT INTO embargoes (article_id, due_at) VALUES (?, ?)
         ON CONFLICT (article_id) DO UPDATE SET due_at = excluded.due_at`,
      )
      .run(articleId, dueAt);
  }

  hasEmbargo(articleId: string): boolean {
    return this.db.prepare("SELECT 1 FROM embargoes WHERE article_id = ?").get(articleId) !== undefined;
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
