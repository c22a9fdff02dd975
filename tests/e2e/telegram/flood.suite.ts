import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { defineCommand } from "../../../src/framework/command.js";
import { textReply } from "../../../src/framework/reply.js";
import { gate } from "../../helpers/wait-for.js";
import { Emulator, freePort, type TestUser } from "./emulator.js";
import { type BotUnderTest, REAL_CONTENT, startBot } from "./harness.js";

/**
 * One user floods a group with 300 commands; another user's /help in another chat must still be
 * answered while the flood is being worked through (issue 11, defect 3). Before the fix the poller
 * took the 300 updates in arrival order and fetched nothing more until they were down to 64, each
 * waiting for a reply Telegram lets out at 20 a minute per group: /help waited for minutes.
 */

let emulator: Emulator;
let bot: BotUnderTest | null = null;

/** A command that holds its slot until the test opens the gate, and counts how many started. */
function slowCommand() {
  const release = gate();
  let started = 0;
  const command = defineCommand({
    name: "slow",
    description: { en: "Answers when the test says so", fr: "Répond quand le test le dit" },
    access: "everyone",
    options: [] as const,
    async run() {
      started++;
      await release.promise;
      return textReply("slow done");
    },
  });
  return { command, open: release.open, started: () => started };
}

/** Posts `count` copies of a command as fast as the emulator takes them (in arrival order). */
async function flood(user: TestUser, text: string, count: number): Promise<void> {
  for (let sent = 0; sent < count; sent += 50) {
    const batch = Array.from({ length: Math.min(50, count - sent) }, () => user.client.makeCommand(text));
    // One batch at a time keeps the arrival order of the batches; within one, order does not matter.
    await Promise.all(batch.map((message) => user.client.sendCommand(message)));
  }
}

const texts = (token: string, chatId: number) => emulator.botMessages(token, chatId).map((m) => m.text);

describe("Telegram: one user's flood does not starve the others", () => {
  beforeAll(async () => {
    emulator = await Emulator.start();
  });

  afterEach(async () => {
    await bot?.stop();
    bot = null;
  });

  afterAll(async () => {
    await emulator?.stop();
  });

  it("GIVEN 300 /news bitcoin from one user in a group THEN another user's /help in another chat is answered while the flood's replies are still going out", async () => {
    const token = "555001:TESTtoken-flood-fair";
    // No rate limit here: the per-chat queues alone must keep the other chat served.
    bot = await startBot({ emulator, token, contentDir: REAL_CONTENT });
    const flooder = emulator.user(token, { userId: 9001, chatId: -1009001, type: "supergroup" });
    const reader = emulator.user(token, { userId: 9002 });
    await flood(flooder, "/news bitcoin", 300);
    await emulator.waitFor("the flood's first reply", () => texts(token, flooder.chatId).length > 0);
    await reader.client.sendCommand(reader.client.makeCommand("/help"));
    const [help] = await emulator.waitFor("the reader's /help reply", () => {
      const list = texts(token, reader.chatId);
      return list.length > 0 ? list : undefined;
    });
    expect(help).toContain("Newsdesk");
    // Telegram lets a group have 20 messages a minute: most of the flood is still to be answered.
    expect(texts(token, flooder.chatId).length).toBeLessThan(300);
  });

  it("GIVEN a rate limit THEN the flooder gets their burst, one slow-down answer and then silence, while another chat is answered", async () => {
    const token = "555002:TESTtoken-flood-limit";
    const slow = slowCommand();
    bot = await startBot({
      emulator,
      token,
      contentDir: REAL_CONTENT,
      extraCommands: [slow.command],
      // One new command a minute after a burst of 5: the refill plays no part in this test.
      rateLimit: { perMinute: 1, burst: 5 },
    });
    const flooder = emulator.user(token, { userId: 9011, chatId: -1009011, type: "supergroup" });
    const reader = emulator.user(token, { userId: 9012 });
    const neighbour = emulator.user(token, { userId: 9013, chatId: -1009011, type: "supergroup" });
    await flood(flooder, "/slow", 300);
    await reader.client.sendCommand(reader.client.makeCommand("/help"));
    await emulator.waitFor("the reader's /help reply", () => texts(token, reader.chatId).length > 0);
    // Answered while the flood's commands are still running (they wait for the gate), and with
    // no more of them running than the group's own share.
    expect(slow.started()).toBeGreaterThan(0);
    expect(slow.started()).toBeLessThanOrEqual(2);
    expect(texts(token, flooder.chatId)).toEqual([]);

    slow.open();
    // Someone else in the same group, after the flood: their own bucket, answered after it.
    await neighbour.client.sendCommand(neighbour.client.makeCommand("/help"));
    const group = await emulator.waitFor("the burst, the warning and the neighbour's reply", () => {
      const list = texts(token, flooder.chatId);
      return list.length >= 7 ? list : undefined;
    });
    expect(group.filter((t) => t === "slow done")).toHaveLength(5);
    expect(group.filter((t) => t.includes("too fast"))).toHaveLength(1);
    expect(group.filter((t) => t.includes("Newsdesk"))).toHaveLength(1);
    expect(slow.started()).toBe(5);
  });

  it("GIVEN webhook mode and a flood of updates THEN what runs at once is capped too, and another chat is answered", async () => {
    const token = "555003:TESTtoken-flood-hook";
    const slow = slowCommand();
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/telegram/hook`;
    const secret = "flood_webhook-secret";
    bot = await startBot({
      emulator,
      token,
      contentDir: REAL_CONTENT,
      extraCommands: [slow.command],
      webhook: { url, secret, port },
    });
    const post = (updateId: number, chatId: number, text: string) =>
      fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": secret },
        body: JSON.stringify({
          update_id: updateId,
          message: {
            message_id: updateId,
            date: Math.floor(Date.now() / 1000),
            chat: { id: chatId, type: chatId < 0 ? "supergroup" : "private" },
            from: { id: Math.abs(chatId) + 1, is_bot: false, first_name: "Hook" },
            text,
            entities: [{ type: "bot_command", offset: 0, length: text.length }],
          },
        }),
      });
    for (let i = 0; i < 300; i += 50) {
      const statuses = await Promise.all(
        Array.from({ length: 50 }, (_, j) => post(10_000 + i + j, -1009021, "/slow").then((r) => r.status)),
      );
      expect(statuses.every((s) => s === 200)).toBe(true);
    }
    expect((await post(20_000, 9022, "/help")).status).toBe(200);
    await emulator.waitFor("the /help reply in the other chat", () => texts(token, 9022).length > 0);
    // Before the fix every update ran at once: 300 handlers in flight.
    expect(slow.started()).toBeLessThanOrEqual(2);
    slow.open();
  });
});
