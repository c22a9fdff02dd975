import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Command, Services } from "../../../../src/framework/command.js";
import { defineCommand } from "../../../../src/framework/command.js";
import type { Platform } from "../../../../src/framework/platform.js";
import { textReply } from "../../../../src/framework/reply.js";
import { registry } from "../../../../src/framework/run-command.js";
import { createTelegramPlatform } from "../../../../src/platforms/telegram/index.js";
import { Emulator, freePort } from "../../../e2e/telegram/emulator.js";
import { chat, expectNoViolations } from "../../../e2e/telegram/harness.js";
import { recordingLogger } from "../../../helpers/recording-logger.js";

/**
 * The Telegram platform's own wiring (telegram-platform.ts, recent-ids.ts), in-process against the
 * emulator, without the core: one command that answers "pong". Fast enough for the mutation run,
 * which sees mutants only in code that runs in the test's own process.
 */
const ping = defineCommand({
  name: "ping",
  description: { en: "Answers pong", fr: "Répond pong" },
  access: "everyone",
  options: [] as const,
  run: () => textReply("pong"),
});

let emulator: Emulator;
let bot: Platform | undefined;
let logs = recordingLogger();
let tokens = 0;
/** A fresh token per test, so the emulator's records of one test never meet another's. */
const nextToken = () => `${700000 + ++tokens}:TESTtoken-platform-unit-${tokens}`;

beforeAll(async () => {
  emulator = await Emulator.start();
});
afterAll(async () => {
  await emulator?.stop();
});
afterEach(async () => {
  expectNoViolations(emulator);
  await bot?.stop();
  bot = undefined;
  logs = recordingLogger();
});

function makeBot(
  token: string,
  options: {
    commands?: Command[];
    webhook?: { url: string; secret: string; port: number };
    onFatal?: (message: string) => void;
  } = {},
): Platform {
  bot = createTelegramPlatform({
    token,
    apiRoot: emulator.apiRoot,
    webhook: options.webhook,
    commands: registry(options.commands ?? [ping]),
    services: { log: logs.log } as Services,
    defaultLocale: "en",
    log: logs.log,
    onFatal: options.onFatal,
  });
  return bot;
}

const pingUpdate = (updateId: number, chatId: number) => ({
  update_id: updateId,
  message: {
    message_id: updateId,
    date: Math.floor(Date.now() / 1000),
    chat: { id: chatId, type: "private", first_name: "Unit" },
    from: { id: chatId, is_bot: false, first_name: "Unit", language_code: "en" },
    text: "/ping",
    entities: [{ type: "bot_command", offset: 0, length: 5 }],
  },
});

describe("GIVEN a Telegram platform in polling mode", () => {
  it("WHEN it starts THEN it registers the menus, clears any webhook, polls for the three update kinds, and is ready until stopped", async () => {
    const token = nextToken();
    const platform = makeBot(token);
    expect(platform.platform).toBe("telegram");
    expect(platform.directory?.ready()).toBe("telegram is new");
    await platform.start();
    expect(platform.directory?.ready()).toBe(true);
    expect(emulator.callsTo("getMe", token)).toHaveLength(1);
    expect(emulator.menu(token)?.map((c) => c.command)).toEqual(["ping"]);
    expect(emulator.menu(token, "fr")?.[0]?.description).toBe("Répond pong");
    expect(emulator.callsTo("deleteWebhook", token)[0]?.params).toMatchObject({
      drop_pending_updates: false,
    });
    await emulator.waitFor("a poll", () => emulator.callsTo("getUpdates", token).length > 0);
    expect(emulator.callsTo("getUpdates", token)[0]?.params).toMatchObject({
      allowed_updates: ["message", "channel_post", "callback_query"],
    });
    const up = logs.find(/telegram: bot is up/);
    expect(up?.level).toBe("info");
    expect(up?.obj).toMatchObject({ mode: "polling" });

    await expect(platform.start()).rejects.toThrow(
      "the Telegram platform cannot start twice (it is running)",
    );
    await platform.stop();
    expect(platform.directory?.ready()).toBe("telegram is stopped");
    await platform.stop();
    expect(logs.find(/stopped with work in progress/)).toBeUndefined();
  });

  it("WHEN a user sends a command THEN it is answered once", async () => {
    const token = nextToken();
    await makeBot(token).start();
    const user = emulator.user(token, { userId: 7101 });
    await user.client.sendCommand(user.client.makeCommand("/ping"));
    const [reply] = await emulator.waitFor("the reply", () => {
      const list = emulator.botMessages(token, 7101);
      return list.length > 0 ? list : undefined;
    });
    expect(reply?.text).toBe("pong");
  });

  it("WHEN it publishes THEN the message id comes back as text; after stop publish is refused as transient", async () => {
    const token = nextToken();
    const platform = makeBot(token);
    await platform.start();
    const sent = await platform.publish(chat("7102"), textReply("news"), { key: "k" });
    const [message] = emulator.botMessages(token, 7102);
    expect(sent).toEqual({ messageId: String(message?.messageId) });
    expect(message?.text).toBe("news");
    await platform.stop();
    await expect(platform.publish(chat("7102"), textReply("late"), { key: "k" })).rejects.toMatchObject({
      kind: "transient",
      message: "the Telegram platform is stopped",
    });
  });

  it("WHEN Telegram refuses a post THEN publish throws a PublishError without the token", async () => {
    const token = nextToken();
    await makeBot(token).start();
    emulator.failNext("sendMessage", 7103, 1, 403, {
      ok: false,
      error_code: 403,
      description: "Forbidden: bot was blocked by the user",
    });
    const error = await bot?.publish(chat("7103"), textReply("x"), { key: "k" }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "PublishError", kind: "permanent" });
    expect(String((error as Error).message)).not.toContain(token);
  });

  it("WHEN a menu or the webhook removal fails THEN it warns and starts anyway", async () => {
    const token = nextToken();
    emulator.failNext("setMyCommands", "*", 1, 400, {
      ok: false,
      error_code: 400,
      description: "Bad Request",
    });
    emulator.failNext("deleteWebhook", "*", 1, 500, { ok: false, error_code: 500, description: "Internal" });
    const platform = makeBot(token);
    await platform.start();
    expect(platform.directory?.ready()).toBe(true);
    const menu = logs.find(/setMyCommands failed/);
    expect(menu?.level).toBe("warn");
    expect(menu?.obj).toMatchObject({ language: "default" });
    expect(logs.find(/deleteWebhook failed; polling may get 409/)?.level).toBe("warn");
  });

  it("WHEN a command name cannot be registered THEN it warns naming it", async () => {
    const token = nextToken();
    const bad = { ...ping, name: "Bad-Name" } as Command;
    await makeBot(token, { commands: [ping, bad] }).start();
    const warning = logs.find(/these command names cannot be registered/);
    expect(warning?.level).toBe("warn");
    expect(warning?.obj).toEqual({ invalid: ["Bad-Name"] });
  });

  it("WHEN getMe answers 401 THEN start fails at once with the clear message, without the token, and the platform is stopped", async () => {
    const token = nextToken();
    emulator.failNext("getMe", "*", 1, 401, { ok: false, error_code: 401, description: "Unauthorized" });
    const platform = makeBot(token);
    const error = (await platform.start().catch((e: unknown) => e)) as Error;
    expect(error.message).toMatch(/TELEGRAM_BOT_TOKEN was rejected by Telegram/);
    expect(error.message).not.toContain(token);
    expect(emulator.callsTo("getMe", token)).toHaveLength(1);
    expect(platform.directory?.ready()).toBe("telegram is stopped");
    await expect(platform.start()).rejects.toThrow("(it is stopped)");
  });

  it("WHEN getMe answers 404 (a token Telegram does not know) THEN start fails at once too", async () => {
    const token = nextToken();
    emulator.failNext("getMe", "*", 1, 404, { ok: false, error_code: 404, description: "Not Found" });
    await expect(makeBot(token).start()).rejects.toThrow(/TELEGRAM_BOT_TOKEN was rejected by Telegram/);
    expect(emulator.callsTo("getMe", token)).toHaveLength(1);
  });

  it("WHEN getUpdates answers 401 while running THEN onFatal is called once and a throwing callback is logged", async () => {
    const token = nextToken();
    const onFatal = vi.fn(() => {
      throw new Error("callback broke");
    });
    await makeBot(token, { onFatal }).start();
    await emulator.waitFor("a long poll held open", () => emulator.heldPolls(token) === 1);
    emulator.failNext("getUpdates", "*", 1, 401, { ok: false, error_code: 401, description: "Unauthorized" });
    // Wakes the held poll; the next one gets the 401.
    const user = emulator.user(token, { userId: 7104 });
    await user.client.sendCommand(user.client.makeCommand("/ping"));
    await logs.waitForLine(/the onFatal callback threw/);
    expect(onFatal).toHaveBeenCalledTimes(1);
    expect(onFatal.mock.calls[0]).toEqual([expect.stringMatching(/TELEGRAM_BOT_TOKEN/)]);
    expect(logs.find(/the onFatal callback threw/)?.level).toBe("error");
  });
});

describe("GIVEN a Telegram platform in webhook mode", () => {
  it("WHEN updates arrive THEN the webhook is set with the secret, each update is handled once, and a redelivery is ignored", async () => {
    const token = nextToken();
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/hook/path`;
    const secret = "unit_webhook-secret";
    await makeBot(token, { webhook: { url, secret, port } }).start();
    expect(emulator.callsTo("setWebhook", token)[0]?.params).toMatchObject({
      url,
      secret_token: secret,
      allowed_updates: ["message", "channel_post", "callback_query"],
    });
    expect(emulator.callsTo("deleteWebhook", token)).toHaveLength(0);
    expect(logs.find(/telegram: bot is up/)?.obj).toMatchObject({ mode: "webhook" });
    const post = (body: object) =>
      fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": secret },
        body: JSON.stringify(body),
      });
    expect((await post(pingUpdate(9001, 7105))).status).toBe(200);
    expect((await post(pingUpdate(9001, 7105))).status).toBe(200);
    await emulator.waitFor("the reply", () => emulator.botMessages(token, 7105).length > 0);
    expect(logs.find(/duplicate update ignored/)?.obj).toEqual({ update: 9001 });
    expect((await post(pingUpdate(9002, 7105))).status).toBe(200);
    await emulator.waitFor("the second reply", () => emulator.botMessages(token, 7105).length >= 2);
    expect(emulator.botMessages(token, 7105).map((m) => m.text)).toEqual(["pong", "pong"]);
    // Only the webhook's own path takes updates.
    const wrong = await fetch(`http://127.0.0.1:${port}/hook`, {
      method: "POST",
      headers: { "x-telegram-bot-api-secret-token": secret },
      body: "{}",
    });
    expect(wrong.status).toBe(404);
  });
});
