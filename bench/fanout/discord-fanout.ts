/**
 * Discord fan-out: a digest to many channels through the real platform's publish() (discord.js,
 * its REST queue, postToChannel and its pacer at POST_PACE), logged in to the stand-in through
 * our strict 50 requests/s limit (discord-server.ts, another process). Channels arrive with the guild at login, as on
 * Discord, so a post is one REST request: 1,000 posts, the last can start 19 s after the first.
 */

import { silentLogger } from "../../src/domain/logger.js";
import type { Reply } from "../../src/domain/reply.js";
import { registry } from "../../src/framework/run-command.js";
import { createDiscordPlatform } from "../../src/platforms/discord/index.js";
import { windowFloorMs } from "./limiter.js";
import { startServer } from "./server-process.js";
import { stubServices } from "./stub-services.js";
import type { FanoutResult } from "./telegram-fanout.js";

interface ServerStats {
  accepted: number;
  refused: number;
  requests: number;
  messages: number;
  arrivals: number[];
}

const TOKEN = "bench-fanout-token";
const channelId = (i: number) => `31${String(i).padStart(16, "0")}`;

export async function discordFanout(options: {
  reply: Reply;
  count: number;
  scenario: string;
}): Promise<FanoutResult> {
  const server = await startServer("discord-server.ts", ["--channels", String(options.count)]);
  const platform = createDiscordPlatform({
    token: TOKEN,
    apiBase: `${server.root}/api`,
    commands: registry([]),
    services: stubServices(),
    defaultLocale: "en",
    log: silentLogger,
  });
  await platform.start();
  // Login and command registration are not part of the fan-out.
  await new Promise((r) => setTimeout(r, 1_100));
  const before = await server.stats<ServerStats>();
  let errors = 0;
  let firstError: string | undefined;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: options.count }, (_, i) =>
      platform
        .publish({ platform: "discord", id: channelId(i) }, options.reply, { key: `bench:${i}` })
        .catch((error: unknown) => {
          errors++;
          firstError ??= error instanceof Error ? error.message : String(error);
        }),
    ),
  );
  const elapsedMs = performance.now() - started;
  const after = await server.stats<ServerStats>();
  await platform.stop();
  await server.stop();
  const requests = after.accepted - before.accepted;
  const floorMs = windowFloorMs(requests, 50, 1000);
  return {
    scenario: options.scenario,
    targets: options.count,
    messages: after.messages - before.messages,
    limits: "50 requests/s overall",
    floorMs,
    elapsedMs: Math.round(elapsedMs),
    ratioToFloor: Math.round((elapsedMs / floorMs) * 1000) / 1000,
    status429: after.refused - before.refused,
    errors,
    ...(firstError ? { firstError } : {}),
    requests,
    simulatedRttMs: 0,
  };
}
