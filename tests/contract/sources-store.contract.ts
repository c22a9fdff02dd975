import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { PollRecord, SourcesStore } from "../../src/domain/sources.js";
import { at } from "./fixtures.js";

/**
 * The contract of the SourcesStore port (src/domain/sources.ts, ADR 0110), written against the
 * port alone so that every engine runs it: tests/contract/sqlite.test.ts on SQLite, a networked
 * engine with its own factory. Each test gets a fresh, empty database; `another()` opens a second
 * store on it, as a second process would.
 */
export interface SourcesStoreFixture {
  store: SourcesStore;
  another(): Promise<SourcesStore>;
  close(): Promise<void>;
}

const LEASE = 15 * 60_000;
const A = "https://a.example/feed.xml";
const B = "https://b.example/feed.xml";

/** A successful poll at minute `m`, next due `next` minutes later. */
function read(m: number, next: number, extra: Partial<PollRecord> = {}): PollRecord {
  return {
    at: at(m),
    read: true,
    etag: '"e1"',
    lastModified: null,
    consecutiveFailures: 0,
    nextPollAt: at(m + next),
    disabled: false,
    lastError: null,
    imported: 0,
    ...extra,
  };
}

export function sourcesStoreContract(open: () => Promise<SourcesStoreFixture>): void {
  let fixture: SourcesStoreFixture | null = null;
  const store = () => {
    if (!fixture) throw new Error("no store open");
    return fixture.store;
  };
  beforeEach(async () => {
    fixture = await open();
  });
  afterEach(async () => {
    await fixture?.close();
    fixture = null;
  });

  describe("sources", () => {
    it("GIVEN a new source THEN it is due at once, and claimed by one worker at a time until its lease ends", async () => {
      await store().syncSources([{ url: A, fingerprint: "f1" }], at());
      const claimed = await store().claimDueSource([A], "w1", at(), LEASE);
      expect(claimed).toMatchObject({
        url: A,
        fingerprint: "f1",
        etag: null,
        lastModified: null,
        consecutiveFailures: 0,
        disabledAt: null,
        lastFetchAt: null,
        firstReadAt: null,
        itemsImported: 0,
      });
      const other = await fixture?.another();
      expect(await other?.claimDueSource([A], "w2", at(1), LEASE)).toBeNull();
      // The first worker died: its lease ends and another takes the source.
      expect(await other?.claimDueSource([A], "w2", at(15), LEASE)).toMatchObject({ url: A });
    });

    it("GIVEN two stores claiming at once THEN exactly one gets the source", async () => {
      await store().syncSources([{ url: A, fingerprint: "f1" }], at());
      const other = (await fixture?.another()) as SourcesStore;
      const both = await Promise.all([
        store().claimDueSource([A], "w1", at(), LEASE),
        other.claimDueSource([A], "w2", at(), LEASE),
      ]);
      expect(both.filter((c) => c !== null)).toHaveLength(1);
    });

    it("GIVEN a poll recorded THEN its validators, counts and next time are kept and the lease ends", async () => {
      await store().syncSources([{ url: A, fingerprint: "f1" }], at());
      await store().claimDueSource([A], "w1", at(), LEASE);
      await store().finishPoll(
        A,
        "w1",
        read(0, 15, { imported: 3, lastModified: "Wed, 01 Jan 2025 00:00:00 GMT" }),
      );
      expect(await store().claimDueSource([A], "w1", at(14), LEASE)).toBeNull();
      expect(await store().nextDue([A])).toBe(at(15));
      const again = await store().claimDueSource([A], "w1", at(15), LEASE);
      expect(again).toMatchObject({
        etag: '"e1"',
        lastModified: "Wed, 01 Jan 2025 00:00:00 GMT",
        lastFetchAt: at(0),
        lastSuccessAt: at(0),
        firstReadAt: at(0),
        itemsImported: 3,
      });
      const failed = read(15, 30, {
        read: false,
        consecutiveFailures: 1,
        lastError: "HTTP 500",
        imported: 0,
      });
      await store().finishPoll(A, "w1", failed);
      const [state] = await store().sourceStates([A]);
      expect(state).toMatchObject({
        lastFetchAt: at(15),
        lastSuccessAt: at(0),
        firstReadAt: at(0),
        consecutiveFailures: 1,
        lastError: "HTTP 500",
        nextPollAt: at(45),
        itemsImported: 3,
      });
    });

    it("GIVEN a poll that disabled the source THEN it is never due again, until its entry is edited", async () => {
      await store().syncSources([{ url: A, fingerprint: "f1" }], at());
      await store().claimDueSource([A], "w1", at(), LEASE);
      const gone = { ...read(0, 0), read: false, disabled: true, nextPollAt: null, consecutiveFailures: 1 };
      await store().finishPoll(A, "w1", { ...gone, lastError: "410 Gone" });
      expect(await store().claimDueSource([A], "w1", at(600), LEASE)).toBeNull();
      expect(await store().nextDue([A])).toBeNull();
      expect((await store().sourceStates([A]))[0]).toMatchObject({
        disabledAt: at(0),
        lastError: "410 Gone",
      });
      // The same entry read again (a restart, a reload): still disabled.
      await store().syncSources([{ url: A, fingerprint: "f1" }], at(700));
      expect(await store().claimDueSource([A], "w1", at(700), LEASE)).toBeNull();
      // The operator edited it: due at once, enabled, its failures forgotten.
      await store().syncSources([{ url: A, fingerprint: "f2" }], at(800));
      expect(await store().claimDueSource([A], "w1", at(800), LEASE)).toMatchObject({
        disabledAt: null,
        consecutiveFailures: 0,
        fingerprint: "f2",
      });
    });

    it("GIVEN an edited healthy source THEN it is due at once; an unchanged one keeps its time", async () => {
      await store().syncSources(
        [
          { url: A, fingerprint: "f1" },
          { url: B, fingerprint: "g1" },
        ],
        at(),
      );
      for (const url of [A, B]) {
        await store().claimDueSource([url], "w1", at(), LEASE);
        await store().finishPoll(url, "w1", read(0, 60));
      }
      await store().syncSources(
        [
          { url: A, fingerprint: "f2" },
          { url: B, fingerprint: "g1" },
        ],
        at(5),
      );
      expect(await store().claimDueSource([A, B], "w1", at(5), LEASE)).toMatchObject({ url: A });
      expect(await store().claimDueSource([A, B], "w1", at(5), LEASE)).toBeNull();
    });

    it("GIVEN several sources due THEN the most overdue is taken first, and only among those listed", async () => {
      await store().syncSources([{ url: B, fingerprint: "g" }], at(0));
      await store().syncSources([{ url: A, fingerprint: "f" }], at(3));
      expect(await store().claimDueSource([A], "w1", at(5), LEASE)).toMatchObject({ url: A });
      await store().finishPoll(A, "w1", read(5, 1));
      expect(await store().claimDueSource([A, B], "w1", at(10), LEASE)).toMatchObject({ url: B });
      // A source no longer listed keeps its row and its counts, and is never claimed.
      expect(await store().claimDueSource(["https://c.example/"], "w1", at(10), LEASE)).toBeNull();
      expect((await store().sourceStates()).map((s) => s.url)).toEqual([A, B]);
    });

    it("GIVEN a source under a lease THEN the next due time is the lease's end at the earliest", async () => {
      await store().syncSources([{ url: A, fingerprint: "f" }], at());
      await store().claimDueSource([A], "w1", at(), LEASE);
      expect(await store().nextDue([A])).toBe(at(15));
      expect(await store().nextDue([])).toBeNull();
    });
  });

  describe("seen items", () => {
    const item = ["guid:tag:a.example,2025:1", "url:https://a.example/1"];

    it("GIVEN an item claimed and written THEN any of its keys is seen, from any process, and it cannot be claimed again", async () => {
      expect(await store().hasSeen(item, at())).toBe(false);
      expect(await store().claimItem(item, { source: A, at: at() })).toBe(true);
      await store().itemWritten(item, "a/2025-07-17-one.md");
      const other = (await fixture?.another()) as SourcesStore;
      expect(await other.hasSeen(["url:https://a.example/1"], at(1))).toBe(true);
      // The same article from another feed: another guid, the same URL.
      expect(await other.claimItem(["guid:B#7", "url:https://a.example/1"], { source: B, at: at(1) })).toBe(
        false,
      );
      // Years later, and after a release: written is written (a deleted file stays deleted).
      await other.releaseItem(item);
      expect(await store().hasSeen(item, at(600_000))).toBe(true);
    });

    it("GIVEN two processes claiming one item at once THEN exactly one writes it", async () => {
      const other = (await fixture?.another()) as SourcesStore;
      const both = await Promise.all([
        store().claimItem(item, { source: A, at: at() }),
        other.claimItem([item[1] as string], { source: B, at: at() }),
      ]);
      expect(both.filter(Boolean)).toHaveLength(1);
    });

    it("GIVEN a claim released, or abandoned for 10 minutes THEN the item may be claimed again", async () => {
      await store().claimItem(item, { source: A, at: at() });
      expect(await store().hasSeen(item, at(1))).toBe(true);
      await store().releaseItem(item);
      expect(await store().hasSeen(item, at(1))).toBe(false);
      expect(await store().claimItem(item, { source: A, at: at(1) })).toBe(true);
      expect(await store().claimItem(item, { source: A, at: at(5) })).toBe(false);
      // Its process died before writing: the claim lapses.
      expect(await store().hasSeen(item, at(12))).toBe(false);
      expect(await store().claimItem(item, { source: A, at: at(12) })).toBe(true);
    });
  });
}
