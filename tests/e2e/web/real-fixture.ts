import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig } from "../../../src/config.js";
import { type Core, createCore } from "../../../src/core.js";
import { createMetrics, startWeb } from "../../../src/dashboard-start.js";
import { PublishError, type Published } from "../../../src/domain/publisher.js";
import type { Reply } from "../../../src/domain/reply.js";
import type { ChannelRef } from "../../../src/domain/target.js";
import type { Platform } from "../../../src/framework/platform.js";
import { PublisherRegistry } from "../../../src/schedule/publisher-registry.js";
import type { Dashboard } from "../../../src/web/dashboard.js";
import { FakeClock } from "../../helpers/fake-clock.js";
import { recordingLogger } from "../../helpers/recording-logger.js";
import { REAL_CONTENT } from "../../helpers/seed.js";
import { CHANNEL_A, CHANNEL_B, GUILD_A, GUILD_B } from "../../unit/web/fake-services.js";

/**
 * The dashboard as the bot runs it: the real core (the shipped content, a SQLite file, the
 * scheduler), wired by src/dashboard-start.ts exactly as main.ts does, with two stand-in platforms:
 * the console, and a Discord that knows servers A and B and whose posts to channel A can be made to
 * fail. The scheduler's clock is a fake one that a test moves (then wakes the scheduler).
 */
export interface RealFixture {
  core: Core;
  dashboard: Dashboard;
  url: string;
  dbPath: string;
  contentDir: string;
  clock: FakeClock;
  logs: ReturnType<typeof recordingLogger>;
  /** Channel ids whose posts Discord refuses for good, with the platform's words. */
  refusing: Map<string, string>;
  posted: { target: string; reply: Reply }[];
  /** Moves the scheduler's clock and lets it plan and send what fell due. */
  advance(ms: number): Promise<void>;
  close(): Promise<void>;
}

export async function startRealFixture(
  env: Record<string, string> = {},
  options: { sourcesFile?: string } = {},
): Promise<RealFixture> {
  const dir = mkdtempSync(join(tmpdir(), "newsdesk-web-real-"));
  const dbPath = join(dir, "newsdesk.db");
  const config = loadConfig({
    CONTENT_DIR: REAL_CONTENT,
    DATABASE_PATH: dbPath,
    DASHBOARD_PORT: "0",
    DASHBOARD_SECRET: "real-fixture-secret-real-fixture-secret",
    ...env,
  });
  const clock = new FakeClock(Date.now());
  const logs = recordingLogger();
  const publishers = new PublisherRegistry();
  const metrics = createMetrics(config);
  const core = await createCore({
    contentDir: config.CONTENT_DIR,
    databasePath: dbPath,
    defaultLocale: "en",
    log: logs.log,
    clock: clock.clock,
    schedule: { digestCron: null, timeZone: "UTC", targets: [], catchUp: "latest", publishers },
    telemetry: metrics?.telemetry,
    sources: options.sourcesFile ? { file: options.sourcesFile, allowPrivate: true } : undefined,
  });
  const refusing = new Map<string, string>();
  const posted: RealFixture["posted"] = [];
  let n = 0;
  const publish = async (target: ChannelRef, reply: Reply): Promise<Published> => {
    const refusal = refusing.get(target.id);
    if (refusal) throw new PublishError("permanent", refusal);
    posted.push({ target: `${target.platform}:${target.id}`, reply });
    n += 1;
    return { messageId: `m${n}` };
  };
  const guilds = new Map([
    [CHANNEL_A, { guild: GUILD_A, name: "#news (Server A)" }],
    [CHANNEL_B, { guild: GUILD_B, name: "#news (Server B)" }],
  ]);
  const platforms: Platform[] = [
    {
      platform: "console",
      start: async () => undefined,
      stop: async () => undefined,
      publish,
      directory: { ready: () => true, nameOf: async () => "console" },
    },
    {
      platform: "discord",
      start: async () => undefined,
      stop: async () => undefined,
      publish,
      directory: {
        ready: () => true,
        botGuildIds: () => new Set([GUILD_A, GUILD_B]),
        guildOf: (id) => guilds.get(id)?.guild ?? null,
        nameOf: async (id) => guilds.get(id)?.name ?? null,
        channels: () => [...guilds].map(([id, c]) => ({ id, name: c.name })),
      },
    },
  ];
  for (const platform of platforms) publishers.add(platform);
  const web = await startWeb({ config, core, platforms, metrics, log: logs.log });
  if (!web.dashboard) throw new Error("the dashboard did not start");
  await core.scheduler?.start();
  const dashboard = web.dashboard;
  return {
    core,
    dashboard,
    url: dashboard.publicUrl,
    dbPath,
    contentDir: config.CONTENT_DIR,
    clock,
    logs,
    refusing,
    posted,
    async advance(ms) {
      clock.time += ms;
      core.scheduler?.wake();
      await core.scheduler?.idle();
    },
    async close() {
      await web.close();
      await core.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
