import { afterEach, describe, expect, it, vi } from "vitest";
import type { Services } from "../../../src/framework/command.js";
import type { Platform } from "../../../src/framework/platform.js";
import { registry } from "../../../src/framework/run-command.js";
import { recordingLogger, startBot, TOKEN, testCommands } from "./harness.js";
import { DiscordStandIn } from "./stand-in.js";

describe("GIVEN Discord refuses the bot", () => {
  let standIn: DiscordStandIn | undefined;
  const logs: string[] = [];

  afterEach(async () => {
    await standIn?.close();
    expect(logs.join("\n")).not.toContain(TOKEN);
    expect(logs.join("\n")).not.toContain("wrong-token");
  });

  /**
   * After a refused start: the stand-in sees its only socket closed, and no new connection comes
   * while we poll for one (discord.js would reconnect within 500 ms; the client is destroyed).
   */
  const expectNoReconnect = async (stand: DiscordStandIn) => {
    await stand.waitFor(() => stand.openSockets === 0, "the refused socket to close", 2_000);
    await expect(stand.waitFor(() => stand.connections > 1, "a reconnect", 700)).rejects.toThrow(
      /timed out waiting for a reconnect/,
    );
    expect(stand.connections).toBe(1);
    expect(stand.identifies).toBe(1);
  };

  const start = (token?: string, onFatal?: (message: string) => void) => {
    const log = recordingLogger(logs);
    // Never used: the bot does not get past logging in.
    const services = { log } as Services;
    return startBot({
      standIn: standIn as DiscordStandIn,
      commands: registry(testCommands),
      services,
      log,
      token,
      onFatal,
    });
  };

  it("WHEN the token is refused over REST (401) THEN start fails with a clear message and no gateway attempt", async () => {
    standIn = await DiscordStandIn.start({ token: TOKEN });
    await expect(start("wrong-token")).rejects.toThrow(/rejected the bot token \(401\).*DISCORD_TOKEN/);
    expect(standIn.identifies).toBe(0);
  });

  it("WHEN the gateway closes with 4004 THEN start fails once, without a reconnect loop", async () => {
    standIn = await DiscordStandIn.start({ closeOnIdentify: 4004 });
    const onFatal = vi.fn();
    await expect(start(undefined, onFatal)).rejects.toThrow(/4004.*DISCORD_TOKEN/);
    await expectNoReconnect(standIn);
    // start() itself reports the failure: the fatal callback is for a session already running.
    expect(onFatal).not.toHaveBeenCalled();
  });

  it("WHEN the gateway closes with 4014 THEN start fails naming the intents", async () => {
    standIn = await DiscordStandIn.start({ closeOnIdentify: 4014 });
    await expect(start()).rejects.toThrow(/intents.*4014/);
    await expectNoReconnect(standIn);
  });
});

describe("GIVEN a running bot", () => {
  let standIn: DiscordStandIn | undefined;
  let bot: Platform | undefined;
  const logs: string[] = [];

  afterEach(async () => {
    await bot?.stop();
    await standIn?.close();
    expect(logs.join("\n")).not.toContain(TOKEN);
  });

  for (const [code, pattern] of [
    [4004, /4004.*DISCORD_TOKEN.*will not reconnect/],
    [4014, /intents.*4014.*will not reconnect/],
  ] as const) {
    it(`WHEN the gateway closes with ${code} after READY THEN onFatal is called once, after the log line, and nothing reconnects`, async () => {
      standIn = await DiscordStandIn.start({ token: TOKEN });
      const log = recordingLogger(logs);
      const onFatal = vi.fn((_message: string) => {
        // The clear message is in the log before the callback runs (main.ts exits from it).
        expect(logs.some((l) => l.includes('"level":"error"') && pattern.test(l))).toBe(true);
      });
      bot = await startBot({
        standIn,
        commands: registry(testCommands),
        services: { log } as Services,
        log,
        onFatal,
      });
      expect(standIn.identifies).toBe(1);

      standIn.closeGateway(code);

      await expect.poll(() => onFatal.mock.calls.length).toBe(1);
      expect(onFatal.mock.calls[0]?.[0]).toMatch(pattern);
      await standIn.waitFor(() => standIn?.openSockets === 0, "the closed socket", 2_000);
      const stand = standIn;
      await expect(stand.waitFor(() => stand.connections > 1, "a reconnect", 700)).rejects.toThrow(
        /timed out waiting for a reconnect/,
      );
      expect(onFatal).toHaveBeenCalledTimes(1);
      await expect(bot.publish("300000000000000001", { cards: [] } as never, "en")).rejects.toThrow(
        /not connected/,
      );
    });
  }
});
