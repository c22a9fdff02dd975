import { afterEach, describe, expect, it } from "vitest";
import { silentLogger } from "../../../src/domain/logger.js";
import type { Platform } from "../../../src/framework/platform.js";
import { REAL_CONTENT } from "../../helpers/seed.js";
import { openCore, startBot, TOKEN } from "./harness.js";
import { CHANNEL_ID, DiscordStandIn, GUILD_ID } from "./stand-in.js";

/**
 * What the dashboard asks of Discord (src/platforms/discord/directory.ts), read from discord.js's
 * cache as the stand-in's GUILD_CREATE fills it: servers, channels and their names, readiness.
 */
let standIn: DiscordStandIn | undefined;
let bot: Platform | undefined;
let core: Awaited<ReturnType<typeof openCore>> | undefined;
afterEach(async () => {
  await bot?.stop();
  await core?.close();
  await standIn?.close();
});

describe("GIVEN the bot connected to a server with two text channels", () => {
  it("THEN the directory knows the server, its channels with names, and says ready until stopped", async () => {
    standIn = await DiscordStandIn.start({ token: TOKEN });
    core = await openCore(REAL_CONTENT, silentLogger);
    bot = await startBot({ standIn, commands: core.commands, services: core.services, log: silentLogger });
    const directory = bot.directory;
    expect(directory?.ready()).toBe(true);
    expect([...(directory?.botGuildIds?.() ?? [])]).toEqual([GUILD_ID]);
    expect(directory?.guildOf?.(CHANNEL_ID)).toBe(GUILD_ID);
    expect(directory?.guildOf?.("399999999999999999")).toBeNull();
    await expect(directory?.nameOf?.(CHANNEL_ID)).resolves.toBe("#news (Newsroom)");
    expect(
      directory
        ?.channels?.()
        .map((c) => c.name)
        .sort(),
    ).toEqual(["#locked (Newsroom)", "#news (Newsroom)"]);
    await bot.stop();
    expect(directory?.ready()).toMatch(/stopped/);
  });
});
