import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, describe, expect, it } from "vitest";
import type { Services } from "../../../src/framework/command.js";
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

  const start = (token?: string) => {
    const log = recordingLogger(logs);
    // Never used: the bot does not get past logging in.
    const services = { log } as Services;
    return startBot({
      standIn: standIn as DiscordStandIn,
      commands: registry(testCommands),
      services,
      log,
      token,
    });
  };

  it("WHEN the token is refused over REST (401) THEN start fails with a clear message and no gateway attempt", async () => {
    standIn = await DiscordStandIn.start({ token: TOKEN });
    await expect(start("wrong-token")).rejects.toThrow(/rejected the bot token \(401\).*DISCORD_TOKEN/);
    expect(standIn.identifies).toBe(0);
  });

  it("WHEN the gateway closes with 4004 THEN start fails once, without a reconnect loop", async () => {
    standIn = await DiscordStandIn.start({ closeOnIdentify: 4004 });
    await expect(start()).rejects.toThrow(/4004.*DISCORD_TOKEN/);
    // A reconnect would come after 500 ms; give it more than twice that to show none comes.
    await sleep(1200);
    expect(standIn.identifies).toBe(1);
  });

  it("WHEN the gateway closes with 4014 THEN start fails naming the intents", async () => {
    standIn = await DiscordStandIn.start({ closeOnIdentify: 4014 });
    await expect(start()).rejects.toThrow(/intents.*4014/);
    await sleep(1200);
    expect(standIn.identifies).toBe(1);
  });
});
