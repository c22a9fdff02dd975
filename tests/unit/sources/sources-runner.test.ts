import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fileArticleWriter } from "../../../src/sources/article-writer.js";
import { createFetcher } from "../../../src/sources/fetch-source.js";
import type { Fetcher, FetchOutcome } from "../../../src/sources/fetch-types.js";
import { readSourcesFile, type SourceConfig } from "../../../src/sources/sources-file.js";
import { createSourcesRunner, type SourcesRunner } from "../../../src/sources/sources-runner.js";
import { type Db, openDatabase } from "../../../src/store/sqlite/database.js";
import { SqliteSourcesStore } from "../../../src/store/sqlite/sources-store.js";
import { FakeClock } from "../../helpers/fake-clock.js";
import { type FixtureServer, startFixtureServer } from "../../helpers/http-fixture-server.js";
import { recordingLogger } from "../../helpers/recording-logger.js";
import { FEED_PATH, rssFeed } from "../../helpers/rss-feed.js";
import { tempContent } from "../../helpers/temp-content.js";

/**
 * The sources runner over a real SQLite store, a fake clock and timers: polls at each source's
 * pace, the failure policy (back-off, disabled after 20 failures or a 410, an edit to try again),
 * dedupe across a restart and across sources, and a first read's backlog passed over.
 */

const START = "2025-07-17T08:00:00.000Z";
const MIN = 60_000;
const work = mkdtempSync(join(tmpdir(), "newsdesk-runner-"));
let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(async () => {
  await server.close();
  rmSync(work, { recursive: true, force: true });
});
let dbs = 0;

function source(url: string, yaml = ""): SourceConfig {
  const reading = readSourcesFile(`- url: ${url}\n  full_text: never\n${yaml}`);
  if (!reading.ok || !reading.sources[0]) throw new Error(JSON.stringify(reading.problems));
  return reading.sources[0];
}

/** A runner on its own fake clock (a process), on the database file `dbPath`. */
function runnerOn(options: {
  dbPath?: string;
  contentDir?: string;
  fetcher: Fetcher;
  start?: string | number;
  libraryHas?: (url: string) => boolean;
}) {
  const clock = new FakeClock(options.start ?? START);
  const db: Db = openDatabase(options.dbPath ?? join(work, `runner-${++dbs}.db`));
  const store = new SqliteSourcesStore(db);
  const contentDir = options.contentDir ?? tempContent("newsdesk-runner-content-").dir;
  const passedOver: string[] = [];
  const rec = recordingLogger();
  const runner: SourcesRunner = createSourcesRunner({
    store,
    fetcher: options.fetcher,
    writer: fileArticleWriter(contentDir, { now: () => clock.now() }),
    backlog: { passOver: async (ids) => void passedOver.push(...ids) },
    libraryHas: options.libraryHas,
    contentDir,
    file: "sources.yml",
    clock: clock.clock,
    timers: clock.timers(),
    log: rec.log,
    // Only due polls wake it: time jumps straight from one to the next.
    tuning: { maxSleepMs: 365 * 24 * 60 * MIN },
  });
  return {
    clock,
    store,
    runner,
    rec,
    passedOver,
    contentDir,
    /** Moves the clock to the source's next poll and lets it run. */
    async nextPoll(url: string) {
      const [state] = await store.sourceStates([url]);
      if (!state?.nextPollAt) throw new Error(`${url} has no next poll`);
      await clock.advanceTo(state.nextPollAt);
      await runner.idle();
    },
    async close() {
      await runner.stop();
      db.close();
    },
  };
}

/** A fetcher that answers every request with `outcome` and notes when it was asked. */
function scripted(clock: () => number, outcome: (url: string) => FetchOutcome) {
  const asked: number[] = [];
  const fetcher: Fetcher = {
    async fetch(request) {
      asked.push(clock());
      return outcome(request.url);
    },
  };
  return { fetcher, asked };
}

describe("the failure policy, polled", () => {
  it("GIVEN a source that keeps failing THEN it backs off, is disabled at the 20th failure and shown so, and an edit of its entry tries it again", async () => {
    let clockNow = () => 0;
    const url = "https://dead.example/feed";
    const fake = scripted(
      () => clockNow(),
      () => ({ kind: "failed", url, status: 500, reason: `${url} answered HTTP 500` }),
    );
    const bot = runnerOn({ fetcher: fake.fetcher });
    clockNow = () => bot.clock.now();
    bot.runner.setSources([source(url)]);
    bot.runner.start();
    await bot.runner.idle();
    for (let n = 2; n <= 20; n++) await bot.nextPoll(url);

    expect(fake.asked).toHaveLength(20);
    const gaps = fake.asked.slice(1, 7).map((t, i) => (t - (fake.asked[i] as number)) / MIN);
    expect(gaps).toEqual([15, 30, 60, 120, 240, 360]);
    const [state] = await bot.store.sourceStates([url]);
    expect(state).toMatchObject({ consecutiveFailures: 20, nextPollAt: null });
    expect(state?.disabledAt).not.toBeNull();

    const { sources } = await bot.runner.overview();
    expect(sources[0]).toMatchObject({
      state: "disabled",
      consecutiveFailures: 20,
      lastError: expect.stringMatching(/disabled after 20 consecutive failures.*HTTP 500/),
    });
    expect(bot.rec.find(/source disabled/)?.level).toBe("error");
    // Nothing more, however long it waits.
    await bot.clock.advance(30 * 24 * 60 * MIN);
    await bot.runner.idle();
    expect(fake.asked).toHaveLength(20);

    // The operator edits the entry: tried again at once.
    bot.runner.setSources([source(url, "  interval: 20\n")]);
    await bot.runner.idle();
    expect(fake.asked).toHaveLength(21);
    expect((await bot.runner.overview()).sources[0]).toMatchObject({
      state: "failing",
      consecutiveFailures: 1,
    });
    await bot.close();
  });

  it("GIVEN 410 Gone THEN the source is disabled at once", async () => {
    const url = "https://gone.example/feed";
    const fake = scripted(
      () => 0,
      () => ({ kind: "gone", url, finalUrl: url, status: 410 }),
    );
    const bot = runnerOn({ fetcher: fake.fetcher });
    bot.runner.setSources([source(url)]);
    bot.runner.start();
    await bot.runner.idle();
    await bot.clock.advance(24 * 60 * MIN);
    await bot.runner.idle();
    expect(fake.asked).toHaveLength(1);
    expect((await bot.runner.overview()).sources[0]).toMatchObject({
      state: "disabled",
      lastError: `${url} answered 410 Gone`,
    });
    await bot.close();
  });

  it("GIVEN 429 with a Retry-After of 3 hours THEN the next poll waits for it, not for the back-off", async () => {
    let clockNow = () => 0;
    const url = "https://busy.example/feed";
    const fake = scripted(
      () => clockNow(),
      () => ({
        kind: "retry-later",
        url,
        status: 429,
        notBefore: clockNow() + 180 * MIN,
        reason: `${url} answered 429`,
      }),
    );
    const bot = runnerOn({ fetcher: fake.fetcher });
    clockNow = () => bot.clock.now();
    bot.runner.setSources([source(url)]);
    bot.runner.start();
    await bot.runner.idle();
    await bot.nextPoll(url);
    expect(fake.asked.map((t) => (t - Date.parse(START)) / MIN)).toEqual([0, 180]);
    await bot.close();
  });
});

describe("dedupe and the first read, over the fixture server", () => {
  it("GIVEN a restart, a reordered feed, a second source and files an operator deleted or edited THEN only the new item is written", async () => {
    const content = tempContent("newsdesk-restart-");
    const dbPath = join(work, "restart.db");
    const fetcher = createFetcher({ guard: { allowPrivate: true }, hostIntervalMs: 0 });
    const three = [
      { guid: "g3", title: "Third storm", day: 15 },
      { guid: "g2", title: "Second storm", day: 14 },
      { guid: "g1", title: "First storm", day: 13 },
    ];
    server.setBody(rssFeed(three));
    const url = server.url(FEED_PATH);
    const first = runnerOn({ dbPath, contentDir: content.dir, fetcher });
    first.runner.setSources([source(url, "  folder: storms\n")]);
    first.runner.start();
    await first.runner.idle();
    const folder = join(content.dir, "storms");
    const files = () => readdirSync(folder).sort();
    expect(files()).toEqual([
      "2025-07-13-first-storm.md",
      "2025-07-14-second-storm.md",
      "2025-07-15-third-storm.md",
    ]);
    // The first read is a backlog: every article passed over, before its file appeared.
    expect(first.passedOver.sort()).toEqual(files().map((f) => f.replace(/\.md$/, "")));
    await first.close();

    unlinkSync(join(folder, "2025-07-13-first-storm.md"));
    const edited = join(folder, "2025-07-14-second-storm.md");
    writeFileSync(edited, `${readFileSync(edited, "utf8")}\nAn operator's note.\n`);
    // The feed changes order and gains an item: new ETag, a full answer.
    server.setBody(rssFeed([...three.reverse(), { guid: "g4", title: "Fourth storm", day: 16 }]));

    const second = runnerOn({
      dbPath,
      contentDir: content.dir,
      fetcher,
      start: Date.parse(START) + 16 * MIN,
    });
    const copy = server.url(`${FEED_PATH}&copy=1`);
    second.runner.setSources([source(url, "  folder: storms\n"), source(copy, "  folder: copies\n")]);
    second.runner.start();
    await second.runner.idle();
    expect(files()).toEqual([
      "2025-07-14-second-storm.md",
      "2025-07-15-third-storm.md",
      "2025-07-16-fourth-storm.md",
    ]);
    expect(readFileSync(edited, "utf8")).toContain("An operator's note.");
    // The same articles from another feed (other guids' scope, same links): nothing written.
    expect(existsSync(join(content.dir, "copies"))).toBe(false);
    const states = await second.store.sourceStates();
    expect(Object.fromEntries(states.map((s) => [s.url, s.itemsImported]))).toEqual({ [url]: 4, [copy]: 0 });
    // Not a first read: the new item is left to be announced.
    expect(second.passedOver).toEqual([]);
    await second.close();
    content.remove();
  });

  it("GIVEN announce_first: 1 THEN of the first read only the newest item may be announced", async () => {
    server.setBody(
      rssFeed([
        { guid: "b", title: "Middle day", day: 14 },
        { guid: "c", title: "Latest day", day: 15 },
        { guid: "a", title: "Early day", day: 13 },
      ]),
    );
    const bot = runnerOn({ fetcher: createFetcher({ guard: { allowPrivate: true }, hostIntervalMs: 0 }) });
    bot.runner.setSources([
      source(server.url(`${FEED_PATH}&announce`), "  announce_first: 1\n  folder: days\n"),
    ]);
    bot.runner.start();
    await bot.runner.idle();
    expect(readdirSync(join(bot.contentDir, "days"))).toHaveLength(3);
    expect(bot.passedOver.sort()).toEqual(["2025-07-13-early-day", "2025-07-14-middle-day"]);
    await bot.close();
  });

  it("GIVEN an article already in the library from the same link (cli import, a hand-written file) THEN that item is not written again", async () => {
    server.setBody(
      rssFeed([
        { guid: "k2", title: "Known already", day: 14 },
        { guid: "n1", title: "Not known", day: 15 },
      ]),
    );
    const bot = runnerOn({
      fetcher: createFetcher({ guard: { allowPrivate: true }, hostIntervalMs: 0 }),
      libraryHas: (url) => url === "https://news.example/k2",
    });
    bot.runner.setSources([source(server.url(`${FEED_PATH}&library`), "  folder: known\n")]);
    bot.runner.start();
    await bot.runner.idle();
    expect(readdirSync(join(bot.contentDir, "known"))).toEqual(["2025-07-15-not-known.md"]);
    await bot.close();
  });
});
