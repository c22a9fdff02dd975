/**
 * The world every schedule test runs in (over 300 lines so that it is one world): a fake library
 * that behaves like src/content/library.ts, fake insights, recording publishers that can fail or
 * hang, and a harness with a fake clock and a real SQLite file in os.tmpdir().
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { commands } from "../../../commands/index.js";
import type { Article, ArticleMatch, ArticleMeta, TopicCount } from "../../../src/domain/article.js";
import type { Clock } from "../../../src/domain/clock.js";
import type { InsightsPort } from "../../../src/domain/insights.js";
import type { LibraryChange, WatchedLibrary } from "../../../src/domain/library.js";
import type { Locale } from "../../../src/domain/locale.js";
import { silentLogger } from "../../../src/domain/logger.js";
import {
  PublishError,
  type Published,
  type Publisher,
  type PublishOptions,
} from "../../../src/domain/publisher.js";
import type { Reply } from "../../../src/domain/reply.js";
import type { SchedulingStore } from "../../../src/domain/scheduling-store.js";
import type { ChannelRef, PlatformName } from "../../../src/domain/target.js";
import type { CommandContext } from "../../../src/framework/command.js";
import { makeContext } from "../../../src/framework/context.js";
import { registry } from "../../../src/framework/run-command.js";
import { PublisherRegistry } from "../../../src/schedule/publisher-registry.js";
import { createScheduler, type Scheduler, type SchedulerDeps } from "../../../src/schedule/scheduler.js";
import type { SchedulerConfig } from "../../../src/schedule/scheduler-env.js";
import { type Db, openDatabase } from "../../../src/store/sqlite/database.js";
import { SqliteSchedulingStore } from "../../../src/store/sqlite/scheduling-store.js";
import { FakeClock } from "../../helpers/fake-clock.js";
import { type Said, sayTo } from "../../helpers/say.js";

export function article(id: string, extra: Partial<Article> = {}): Article {
  return {
    id,
    title: `Title ${id}`,
    author: null,
    category: "Économie",
    tags: ["bitcoin"],
    lang: "fr",
    date: "2025-07-17",
    sections: [{ heading: null, text: `First sentence of ${id}. Second one. Third one. Fourth one.` }],
    source: null,
    file: `${id}.txt`,
    summary: null,
    publishAt: null,
    ...extra,
  };
}

/** An in-memory library that behaves like src/content/library.ts: embargo-aware, with events. */
export class FakeLibrary implements WatchedLibrary {
  private readonly articles = new Map<string, Article>();
  private readonly listeners: ((e: LibraryChange) => void)[] = [];
  private seq = 0;
  private readonly order = new Map<string, number>();

  constructor(
    private readonly clock: Clock,
    initial: Article[] = [],
  ) {
    for (const a of initial) this.put(a);
  }

  private put(a: Article): void {
    this.articles.set(a.id, a);
    if (!this.order.has(a.id)) this.order.set(a.id, this.seq++);
  }

  /** A file appearing in content/. */
  add(a: Article): void {
    this.put(a);
    this.emit({ type: "added", id: a.id });
  }

  change(a: Article): void {
    this.put(a);
    this.emit({ type: "changed", id: a.id });
  }

  remove(id: string): void {
    this.articles.delete(id);
    this.emit({ type: "removed", id });
  }

  onChange(listener: (e: LibraryChange) => void): void {
    this.listeners.push(listener);
  }

  private emit(e: LibraryChange): void {
    for (const l of this.listeners) l(e);
  }

  private visible(a: Article): boolean {
    return a.publishAt === null || Date.parse(a.publishAt) <= this.clock.now().getTime();
  }

  private meta(a: Article): ArticleMeta {
    const { sections: _s, ...meta } = a;
    return meta;
  }

  search(query: string, limit: number): ArticleMeta[] {
    const q = query.toLowerCase();
    return this.latest(1000)
      .filter((m) => m.title.toLowerCase().includes(q))
      .slice(0, limit);
  }

  latest(limit: number): ArticleMeta[] {
    return [...this.articles.values()]
      .filter((a) => this.visible(a))
      .sort(
        (a, b) =>
          (b.date ?? "").localeCompare(a.date ?? "") ||
          (this.order.get(b.id) ?? 0) - (this.order.get(a.id) ?? 0),
      )
      .slice(0, limit)
      .map((a) => this.meta(a));
  }

  get(id: string): Article | null {
    const a = this.articles.get(id);
    return a && this.visible(a) ? a : null;
  }

  getMeta(id: string): ArticleMeta | null {
    const a = this.articles.get(id);
    return a ? this.meta(a) : null;
  }

  resolve(idOrQuery: string): ArticleMatch {
    const direct = this.get(idOrQuery.trim());
    if (direct) return { article: direct, by: "id" };
    const hit = this.search(idOrQuery.trim(), 1)[0];
    const found = hit ? this.get(hit.id) : null;
    return found ? { article: found, by: "words" } : { article: null, idShaped: false, closest: [] };
  }

  topics(): { categories: TopicCount[]; tags: TopicCount[] } {
    const categories = new Map<string, number>();
    const tags = new Map<string, number>();
    for (const a of this.articles.values()) {
      if (!this.visible(a)) continue;
      if (a.category) categories.set(a.category, (categories.get(a.category) ?? 0) + 1);
      for (const t of a.tags) tags.set(t, (tags.get(t) ?? 0) + 1);
    }
    const list = (m: Map<string, number>) => [...m].map(([name, count]) => ({ name, count }));
    return { categories: list(categories), tags: list(tags) };
  }

  suggest(): { id: string; title: string }[] {
    return [];
  }

  count(): number {
    return this.articles.size;
  }
}

export const fakeInsights: InsightsPort = {
  summary: async (a, n) => (a.sections[0]?.text ?? "").split(/(?<=\.)\s+/).slice(0, n),
  facts: async () => [],
  cachedSummary: () => null,
};

export interface Sent {
  platform: PlatformName;
  channelId: string;
  reply: Reply;
  /** The publish key: the same on every attempt of one delivery. */
  key: string;
  at: string;
}

/**
 * Records every post; `fail` decides per channel what happens: nothing (success), a PublishError
 * to throw, or "hang" (a send that never returns, as in a process killed mid-send).
 */
export class RecordingPublisher implements Publisher {
  readonly sent: Sent[] = [];
  fail: (channelId: string, attempt: number) => PublishError | "hang" | null = () => null;
  private readonly attempts = new Map<string, number>();
  private n = 0;
  private hung!: () => void;
  /** Resolves once a send hangs: waiting for the scheduler to go idle is then pointless. */
  readonly hangs = new Promise<void>((resolve) => {
    this.hung = resolve;
  });

  constructor(
    readonly platform: PlatformName,
    private readonly clock: Clock,
  ) {}

  /** Every call's target id and key, sent or not. */
  readonly calls: { channelId: string; key: string }[] = [];

  async publish(target: ChannelRef, reply: Reply, { key }: PublishOptions): Promise<Published> {
    const channelId = target.id;
    this.calls.push({ channelId, key });
    const attempt = (this.attempts.get(channelId) ?? 0) + 1;
    this.attempts.set(channelId, attempt);
    const outcome = this.fail(channelId, attempt);
    if (outcome === "hang") {
      this.hung();
      return new Promise(() => {});
    }
    if (outcome) throw outcome;
    this.sent.push({ platform: this.platform, channelId, reply, key, at: this.clock.now().toISOString() });
    this.n += 1;
    return { messageId: `${this.platform}-${this.n}` };
  }

  to(channelId: string): Sent[] {
    return this.sent.filter((s) => s.channelId === channelId);
  }
}

export { PublishError };

export const CONFIG: SchedulerConfig = {
  digestCron: null,
  timeZone: "UTC",
  targets: [],
  catchUp: "latest",
  defaultLocale: "en",
};

export interface Harness {
  db: Db;
  /** The scheduling store of the first scheduler, for what a test checks beside the commands. */
  store: SchedulingStore;
  time: FakeClock;
  library: FakeLibrary;
  discord: RecordingPublisher;
  telegram: RecordingPublisher;
  scheduler: Scheduler;
  /** A new scheduler on the same database (a restart, or a second process). */
  another(overrides?: Partial<SchedulerDeps>): Scheduler;
  /** A SIGKILL: the scheduler's timers vanish, its sends in flight never finish, nothing is cleaned. */
  crash(s: Scheduler): void;
  /** Lets every scheduler of this harness finish its pass. */
  settle(): Promise<void>;
  ctx(options?: SpeakerOptions): CommandContext;
  /** Says a typed line to the bot's commands, as `ctx(options)` describes who and where (tests/helpers/say.ts). */
  say(line: string, options?: SpeakerOptions): Promise<Said>;
  close(): void;
}

/** Who says a line, and where: a moderator (default) in discord:100 (default), in English (default). */
export interface SpeakerOptions {
  moderator?: boolean;
  channel?: { platform: PlatformName; id: string };
  locale?: Locale;
}

/** A scheduler on a fresh database file, with a fake clock, fake library and publishers. */
export function harness(options: {
  start: string;
  config?: Partial<SchedulerConfig>;
  articles?: Article[];
  tuning?: SchedulerDeps["tuning"];
  dbPath?: string;
}): Harness {
  const dir = options.dbPath ? null : mkdtempSync(join(tmpdir(), "newsdesk-schedule-"));
  const path = options.dbPath ?? join(dir as string, "test.db");
  const db = openDatabase(path);
  const time = new FakeClock(options.start);
  const library = new FakeLibrary(time.clock, options.articles ?? []);
  const discord = new RecordingPublisher("discord", time.clock);
  const telegram = new RecordingPublisher("telegram", time.clock);
  const all: Scheduler[] = [];
  const timersOf = new Map<Scheduler, ReturnType<FakeClock["timers"]>>();
  const dbs: Db[] = [db];
  const store = new SqliteSchedulingStore(db);
  const make = (overrides: Partial<SchedulerDeps> = {}, ownStore: SchedulingStore = store): Scheduler => {
    const timers = time.timers();
    const s = createScheduler({
      store: ownStore,
      library,
      insights: fakeInsights,
      publishers: new PublisherRegistry([discord, telegram]),
      clock: time.clock,
      timers,
      log: silentLogger,
      config: { ...CONFIG, ...options.config },
      tuning: { eventDebounceMs: 0, ...options.tuning },
      ...overrides,
    });
    all.push(s);
    timersOf.set(s, timers);
    return s;
  };
  const scheduler = make();
  time.settle = async () => {
    for (let i = 0; i < 3; i++) {
      await new Promise<void>((r) => setImmediate(r));
      await Promise.race([Promise.all(all.map((s) => s.idle())), discord.hangs, telegram.hangs]);
    }
  };
  function ctx(o: SpeakerOptions = {}): CommandContext {
    return makeContext({
      locale: o.locale ?? "en",
      user: { id: "u1", name: "Alice" },
      channel: o.channel ?? { platform: "discord", id: "100" },
      isModerator: async () => o.moderator ?? true,
      textLimit: 4000,
      services: {
        library,
        insights: fakeInsights,
        clock: time.clock,
        log: silentLogger,
        scheduling: scheduler.port,
      },
    });
  }
  const say = sayTo(registry(commands), ctx);
  return {
    db,
    store,
    time,
    library,
    discord,
    telegram,
    scheduler,
    another(overrides = {}) {
      const other = openDatabase(path);
      dbs.push(other);
      return make(overrides, overrides.store ?? new SqliteSchedulingStore(other));
    },
    crash(s) {
      timersOf.get(s)?.kill();
      all.splice(all.indexOf(s), 1);
    },
    // Fires what is due now (a debounced library event, say) and lets every pass finish.
    settle: () => time.advance(0),
    ctx,
    say,
    close() {
      for (const d of dbs) if (d.open) d.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function tmpDbPath(): { path: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "newsdesk-schedule-"));
  return { path: join(dir, "shared.db"), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
