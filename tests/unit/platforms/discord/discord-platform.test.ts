import { afterEach, describe, expect, it, vi } from "vitest";
import type { Services } from "../../../../src/framework/command.js";
import type { Platform } from "../../../../src/framework/platform.js";
import { textReply } from "../../../../src/framework/reply.js";
import { registry } from "../../../../src/framework/run-command.js";
import { deployCommands } from "../../../../src/platforms/discord/deploy-commands.js";
import type { DiscordPlatformOptions } from "../../../../src/platforms/discord/discord-platform.js";
import { createDiscordPlatform } from "../../../../src/platforms/discord/index.js";
import { ask, expectNoViolations, slowRelease, TOKEN, testCommands } from "../../../e2e/discord/harness.js";
import {
  APP_ID,
  CHANNEL_ID,
  DiscordStandIn,
  GUILD_ID,
  type InteractionInput,
} from "../../../e2e/discord/stand-in.js";
import { recordingLogger } from "../../../helpers/recording-logger.js";
import { gate, waitFor } from "../../../helpers/wait-for.js";

/**
 * The Discord platform's own wiring (discord-platform.ts, client.ts, watch-connection.ts,
 * directory.ts), in-process against the strict stand-in, without the core: the commands are the
 * harness's test commands. Fast enough for the mutation run (stryker.config.json), which sees
 * mutants only in code that runs in the test's own process.
 */
let standIn: DiscordStandIn | undefined;
let bot: Platform | undefined;
let logs = recordingLogger();

afterEach(async () => {
  expectNoViolations(standIn);
  await bot?.stop();
  await standIn?.close();
  expect(logs.text()).not.toContain(TOKEN);
  bot = undefined;
  standIn = undefined;
  logs = recordingLogger();
});

function makeBot(
  options: {
    guildId?: string;
    onFatal?: (message: string) => void;
    token?: string;
    sharding?: DiscordPlatformOptions["sharding"];
    deferAfterMs?: number;
  } = {},
) {
  bot = createDiscordPlatform({
    deferAfterMs: options.deferAfterMs,
    sharding: options.sharding,
    token: options.token ?? TOKEN,
    apiBase: standIn?.apiBase,
    guildId: options.guildId,
    commands: registry(testCommands),
    // The test commands use none of the services.
    services: { log: logs.log } as Services,
    defaultLocale: "en",
    log: logs.log,
    onFatal: options.onFatal,
  });
  return bot;
}

describe("GIVEN a Discord platform against the stand-in", () => {
  it("WHEN it starts THEN it registers the commands globally, says what it connected to, and is ready until stopped", async () => {
    standIn = await DiscordStandIn.start({ token: TOKEN });
    const platform = makeBot();
    expect(platform.platform).toBe("discord");
    expect(platform.directory?.ready()).toBe("discord is idle");
    await platform.start();
    expect(platform.directory?.ready()).toBe(true);
    const connected = logs.find(/discord connected/);
    expect(connected?.level).toBe("info");
    expect(connected?.obj).toMatchObject({ guilds: 1, shards: [0] });
    expect(logs.find(/"msg":"slash commands"/)?.obj).toMatchObject({
      scope: "global",
      outcome: "registered",
    });
    const names = (standIn.commands.get("global") as { name: string }[]).map((c) => c.name).sort();
    expect(names).toEqual(testCommands.map((c) => c.name).sort());

    await expect(platform.start()).rejects.toThrow("the Discord platform starts once");
    await platform.stop();
    expect(platform.directory?.ready()).toBe("discord is stopped");
    await platform.stop();
    expect(logs.lines.filter((l) => l.msg === "discord stopped")).toHaveLength(1);
  });

  it("WHEN a guild id is given THEN the commands go to that server only", async () => {
    standIn = await DiscordStandIn.start({ token: TOKEN });
    await makeBot({ guildId: GUILD_ID }).start();
    expect(standIn.commands.has(`/guilds/${GUILD_ID}`)).toBe(true);
    expect(standIn.commands.has("global")).toBe(false);
    expect(logs.find(/"msg":"slash commands"/)?.obj).toMatchObject({ scope: "guild" });
  });

  it("WHEN the command check fails THEN it warns and runs anyway, with the commands registered before", async () => {
    standIn = await DiscordStandIn.start({ token: TOKEN });
    standIn.failNext((_m, path) => path === `/applications/${APP_ID}/commands`, 5, 403, {
      message: "Missing Access",
      code: 50001,
    });
    const platform = makeBot();
    await platform.start();
    expect(platform.directory?.ready()).toBe(true);
    const warning = logs.find(/could not check the slash commands/);
    expect(warning?.level).toBe("warn");
    expect(JSON.stringify(warning?.obj)).toContain("Missing Access");
  });

  it("WHEN it publishes THEN the reply goes to the channel with a nonce from the key and no pings, and the message id comes back", async () => {
    standIn = await DiscordStandIn.start({ token: TOKEN });
    const platform = makeBot();
    const target = { platform: "discord" as const, id: CHANNEL_ID };
    await expect(platform.publish(target, textReply("early"), { key: "k1" })).rejects.toMatchObject({
      kind: "transient",
      message: "discord is not connected",
    });
    await platform.start();
    const sent = await platform.publish(target, textReply("Hello @everyone"), { key: "k1" });
    const posts = standIn.calls.filter(
      (c) => c.method === "POST" && c.path === `/channels/${CHANNEL_ID}/messages`,
    );
    expect(posts).toHaveLength(1);
    expect(posts[0]?.body.content).toContain("Hello");
    expect(posts[0]?.body.allowed_mentions).toEqual({ parse: [] });
    expect(posts[0]?.body.enforce_nonce).toBe(true);
    expect(sent.messageId).toMatch(/^5\d+$/);
    // The same key gives the same nonce (a post resumed after a crash is not posted twice).
    await platform.publish(target, textReply("Hello again"), { key: "k1" });
    const nonces = standIn.calls
      .filter((c) => c.method === "POST" && c.path === `/channels/${CHANNEL_ID}/messages`)
      .map((c) => c.body.nonce);
    expect(nonces[0]).toBe(nonces[1]);
    expect(nonces[0]).toHaveLength(21);
  });

  it("WHEN a post meets a rate limit longer than 30 s THEN it fails as rate-limited at once; a channel that refuses the bot THEN permanent", async () => {
    standIn = await DiscordStandIn.start({ token: TOKEN });
    const platform = makeBot();
    await platform.start();
    const stand = standIn;
    const posts = (method: string, path: string) =>
      method === "POST" && path === `/channels/${CHANNEL_ID}/messages`;
    stand.rateLimit(posts, 1, 60);
    const target = { platform: "discord" as const, id: CHANNEL_ID };
    const limited = await platform.publish(target, textReply("x"), { key: "r1" }).catch((e: unknown) => e);
    expect(limited).toMatchObject({ kind: "rate-limited" });
    expect((limited as { retryAfterMs: number }).retryAfterMs).toBeGreaterThan(30_000);
    stand.failNext(posts, 1, 403, { code: 50001, message: "Missing Access" });
    await expect(platform.publish(target, textReply("x"), { key: "r2" })).rejects.toMatchObject({
      kind: "permanent",
      message: expect.stringContaining(`403/50001 on channel ${CHANNEL_ID}`),
    });
    stand.takeViolations();
  });

  it("WHEN a user runs a command THEN the interaction is handled and answered", async () => {
    standIn = await DiscordStandIn.start({ token: TOKEN });
    await makeBot().start();
    const { answer } = await ask(standIn, { kind: "command", name: "purge", permissions: 1n << 5n });
    expect(answer.content).toBe("purged");
  });

  it("WHEN the token is refused THEN start fails with the 401 message, and the platform stays stopped", async () => {
    standIn = await DiscordStandIn.start({ token: TOKEN });
    const platform = makeBot({ token: "wrong-token" });
    await expect(platform.start()).rejects.toThrow(
      "Discord rejected the bot token (401): check DISCORD_TOKEN in the Developer Portal",
    );
    expect(standIn.takeViolations().map((v) => v.status)).toEqual([401]);
    expect(platform.directory?.ready()).toBe("discord is stopped");
    await expect(platform.start()).rejects.toThrow("starts once");
  });

  it("WHEN the REST base cannot be reached THEN start fails saying it could not connect", async () => {
    standIn = await DiscordStandIn.start({ token: TOKEN });
    const base = standIn.apiBase;
    await standIn.close();
    standIn = undefined;
    bot = createDiscordPlatform({
      token: TOKEN,
      apiBase: base,
      commands: registry(testCommands),
      services: { log: logs.log } as Services,
      defaultLocale: "en",
      log: logs.log,
    });
    await expect(bot.start()).rejects.toThrow(/^could not connect to Discord: /);
  });
});

describe("GIVEN handlers slower than the deferral delay", () => {
  /** Sends `input` with the handler held, and returns its token once the bot has deferred. */
  const held = async (stand: DiscordStandIn, input: InteractionInput) => {
    slowRelease.gate = gate();
    const { token } = stand.interact(input);
    await waitFor(() => stand.answers(token).length > 0, { what: "the deferral" });
    return token;
  };

  it("WHEN a command is slow THEN a public placeholder, then the answer edited in; a slow error replaces it privately", async () => {
    standIn = await DiscordStandIn.start({ token: TOKEN });
    await makeBot({ deferAfterMs: 0 }).start();
    const stand = standIn;
    const slow = await held(stand, { kind: "command", name: "slow" });
    expect(stand.answers(slow)[0]?.body).toEqual({ type: 5, data: { flags: 0 } });
    slowRelease.gate.open();
    const edit = await waitFor(() => stand.answers(slow)[1], { what: "the edit" });
    expect(edit).toMatchObject({ method: "PATCH", body: { content: "done slowly" } });

    const failing = await held(stand, { kind: "command", name: "slowfail" });
    slowRelease.gate.open();
    await waitFor(() => stand.answers(failing).length >= 3, { what: "the private error" });
    const calls = stand.answers(failing);
    expect(calls.map((c) => c.method)).toEqual(["POST", "DELETE", "POST"]);
    expect(calls[2]?.body).toMatchObject({ flags: 64, content: "No article matches “nothing”." });
  });

  it("WHEN a button press is slow THEN it is deferred silently and the answer follows up", async () => {
    standIn = await DiscordStandIn.start({ token: TOKEN });
    await makeBot({ deferAfterMs: 0 }).start();
    const stand = standIn;
    const token = await held(stand, { kind: "button", customId: "slow?", message: { content: "a message" } });
    expect(stand.answers(token)[0]?.body.type).toBe(6);
    slowRelease.gate.open();
    const followUp = await waitFor(() => stand.answers(token)[1], { what: "the follow-up" });
    expect(followUp).toMatchObject({ method: "POST", body: { content: "done slowly" } });
  });
});

describe("GIVEN sharding settings (several machines, ADR 0106)", () => {
  for (const [sharding, shards] of [
    [{ shardCount: 2 }, [0, 1]],
    [{ shardCount: 3, shards: [2] }, [2]],
  ] as const) {
    it(`WHEN ${JSON.stringify(sharding)} THEN this process identifies as shards ${JSON.stringify(shards)} of ${sharding.shardCount}`, async () => {
      standIn = await DiscordStandIn.start({ token: TOKEN });
      await makeBot({ sharding }).start();
      expect(logs.find(/discord connected/)?.obj).toMatchObject({ shards });
      expect(standIn.identifies).toBe(shards.length);
    });
  }
});

describe("GIVEN deployCommands (npm run deploy:discord)", () => {
  it("WHEN a guild is given THEN the whole set is put in that server only, and the names come back", async () => {
    standIn = await DiscordStandIn.start({ token: TOKEN });
    const commands = registry(testCommands);
    const { names } = await deployCommands({
      token: TOKEN,
      apiBase: standIn.apiBase,
      guildId: GUILD_ID,
      commands,
    });
    expect(names.sort()).toEqual(testCommands.map((c) => c.name).sort());
    const stored = standIn.commands.get(`/guilds/${GUILD_ID}`) as { name: string }[];
    expect(stored.map((c) => c.name).sort()).toEqual(names);
    expect(standIn.commands.has("global")).toBe(false);
  });
});

describe("GIVEN a running Discord platform that Discord ends for good", () => {
  it("WHEN the gateway closes with 4014 THEN onFatal is called once after the log line, the platform stops, and the directory names the reason", async () => {
    standIn = await DiscordStandIn.start({ token: TOKEN });
    const order: string[] = [];
    const onFatal = vi.fn((message: string) => {
      order.push(
        logs.lines.some((l) => l.level === "error" && l.msg === message) ? "after log" : "before log",
      );
    });
    const platform = makeBot({ onFatal });
    await platform.start();
    standIn.closeGateway(4014);
    await logs.waitForLine(/discord stopped/);
    expect(onFatal).toHaveBeenCalledTimes(1);
    expect(onFatal.mock.calls[0]?.[0]).toMatch(/4014.*; Discord is stopped and will not reconnect$/);
    expect(order).toEqual(["after log"]);
    expect(platform.directory?.ready()).toMatch(/4014/);
    expect(logs.find(/reconnecting/)).toBeUndefined();
  });

  it("WHEN the onFatal callback throws THEN the platform logs it and still stops", async () => {
    standIn = await DiscordStandIn.start({ token: TOKEN });
    await makeBot({
      onFatal() {
        throw new Error("callback broke");
      },
    }).start();
    standIn.closeGateway(4004);
    const line = await logs.waitForLine(/the onFatal callback threw/);
    expect(line.level).toBe("error");
    expect(JSON.stringify(line.obj)).toContain("callback broke");
    await logs.waitForLine(/discord stopped/);
  });

  it("WHEN the connection drops THEN it warns once, reconnects and says so", async () => {
    standIn = await DiscordStandIn.start({ token: TOKEN });
    const platform = makeBot();
    await platform.start();
    const stand = standIn;
    stand.dropConnection();
    await logs.waitForLine(/discord gateway (resumed|connected again)/);
    expect(logs.lines.filter((l) => l.msg === "discord gateway lost; reconnecting")).toHaveLength(1);
    expect(logs.find(/discord gateway (resumed|connected again)/)?.obj).toEqual({ attempts: 1 });
    await waitFor(() => platform.directory?.ready() === true, { what: "ready again" });
  });
});
