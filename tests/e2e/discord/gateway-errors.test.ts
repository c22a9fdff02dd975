import { afterEach, describe, expect, it, vi } from "vitest";
import type { Services } from "../../../src/framework/command.js";
import type { Platform } from "../../../src/framework/platform.js";
import { registry } from "../../../src/framework/run-command.js";
import { type LogLine, recordingLogger } from "../../helpers/recording-logger.js";
import { waitFor } from "../../helpers/wait-for.js";
import { expectNoViolations, startBot, TOKEN, testCommands } from "./harness.js";
import { DiscordStandIn } from "./stand-in.js";

/**
 * discord.js decides at the close event whether a shard reconnects: an unrecoverable code emits
 * shardDisconnect (and the platform reports it as fatal), any other emits shardReconnecting (and
 * the platform logs "reconnecting"). So "nothing reconnects" is checked where it is decided, with
 * no window of waiting for a connection that does not come.
 */
const expectNoReconnect = async (stand: DiscordStandIn, logs: LogLine[]) => {
  await waitFor(() => stand.openSockets === 0, { what: "the refused socket to close" });
  expect(logs.filter((l) => /reconnecting/.test(l.msg ?? ""))).toEqual([]);
  expect(stand.connections).toBe(1);
  expect(stand.identifies).toBe(1);
};

describe("GIVEN Discord refuses the bot", () => {
  let standIn: DiscordStandIn | undefined;
  const logs = recordingLogger();

  afterEach(async () => {
    await standIn?.close();
    expect(logs.text()).not.toContain(TOKEN);
    expect(logs.text()).not.toContain("wrong-token");
  });

  const start = (token?: string, onFatal?: (message: string) => void) =>
    startBot({
      standIn: standIn as DiscordStandIn,
      commands: registry(testCommands),
      // Never used: the bot does not get past logging in.
      services: { log: logs.log } as Services,
      log: logs.log,
      token,
      onFatal,
    });

  it("WHEN the token is refused over REST (401) THEN start fails with a clear message and no gateway attempt", async () => {
    standIn = await DiscordStandIn.start({ token: TOKEN });
    await expect(start("wrong-token")).rejects.toThrow(/rejected the bot token \(401\).*DISCORD_TOKEN/);
    expect(standIn.identifies).toBe(0);
    // The stand-in refused the wrong token, as Discord does; nothing else was refused.
    expect(standIn.takeViolations().map((v) => [v.status, v.rule])).toEqual([[401, "a wrong bot token"]]);
  });

  it("WHEN the gateway closes with 4004 THEN start fails once, without a reconnect loop", async () => {
    standIn = await DiscordStandIn.start({ closeOnIdentify: 4004 });
    const onFatal = vi.fn();
    await expect(start(undefined, onFatal)).rejects.toThrow(/4004.*DISCORD_TOKEN/);
    await expectNoReconnect(standIn, logs.lines);
    // start() itself reports the failure: the fatal callback is for a session already running.
    expect(onFatal).not.toHaveBeenCalled();
    expectNoViolations(standIn);
  });

  it("WHEN the gateway closes with 4014 THEN start fails naming the intents", async () => {
    standIn = await DiscordStandIn.start({ closeOnIdentify: 4014 });
    await expect(start()).rejects.toThrow(/intents.*4014/);
    await expectNoReconnect(standIn, logs.lines);
    expectNoViolations(standIn);
  });
});

describe("GIVEN a running bot", () => {
  let standIn: DiscordStandIn | undefined;
  let bot: Platform | undefined;
  const logs = recordingLogger();

  afterEach(async () => {
    expectNoViolations(standIn);
    await bot?.stop();
    await standIn?.close();
    expect(logs.text()).not.toContain(TOKEN);
  });

  for (const [code, pattern] of [
    [4004, /4004.*DISCORD_TOKEN.*will not reconnect/],
    [4014, /intents.*4014.*will not reconnect/],
  ] as const) {
    it(`WHEN the gateway closes with ${code} after READY THEN onFatal is called once, after the log line, and nothing reconnects`, async () => {
      standIn = await DiscordStandIn.start({ token: TOKEN });
      // What the log held when the callback ran: main.ts exits from it, so the reason must be there
      // already. Recorded here and asserted below: an expect inside the callback would be caught
      // (and only logged) by the platform, and could never fail the test.
      const loggedBefore: boolean[] = [];
      const onFatal = vi.fn((_message: string) => {
        loggedBefore.push(logs.lines.some((l) => l.level === "error" && pattern.test(l.msg ?? "")));
      });
      bot = await startBot({
        standIn,
        commands: registry(testCommands),
        services: { log: logs.log } as Services,
        log: logs.log,
        onFatal,
      });
      expect(standIn.identifies).toBe(1);

      standIn.closeGateway(code);

      await waitFor(() => onFatal.mock.calls.length > 0, { what: "the fatal callback" });
      expect(onFatal.mock.calls[0]?.[0]).toMatch(pattern);
      expect(loggedBefore).toEqual([true]);
      await expectNoReconnect(standIn, logs.lines);
      await logs.waitForLine(/discord stopped/);
      expect(onFatal).toHaveBeenCalledTimes(1);
      await expect(
        bot.publish({ platform: "discord", id: "300000000000000001" }, { cards: [] }, { key: "k" }),
      ).rejects.toThrow(/not connected/);
    });
  }
});
