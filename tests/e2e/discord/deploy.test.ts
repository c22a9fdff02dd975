import { execFile } from "node:child_process";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { commands } from "../../../commands/index.js";
import { deployCommands } from "../../../src/platforms/discord/deploy-commands.js";
import { REPO } from "../../helpers/spawn-bot.js";
import { expectNoViolations } from "./harness.js";
import { APP_ID, DiscordStandIn, GUILD_ID } from "./stand-in.js";

const TOKEN = "deploy-token.4Kd";

describe("GIVEN the deploy command against the stand-in", () => {
  let standIn: DiscordStandIn;
  beforeAll(async () => {
    standIn = await DiscordStandIn.start({ token: TOKEN });
  });
  afterEach(() => expectNoViolations(standIn));
  afterAll(async () => {
    await standIn?.close();
  });
  const lastPut = () => standIn.calls.filter((c) => c.method === "PUT").at(-1);

  it("WHEN `npm run deploy:discord` runs with DISCORD_GUILD_ID THEN the commands are registered in that guild", async () => {
    // The script itself, as npm runs it: config from the environment, a summary on stdout.
    const env = {
      PATH: process.env.PATH ?? "",
      DISCORD_TOKEN: TOKEN,
      DISCORD_API_BASE: standIn.apiBase,
      DISCORD_GUILD_ID: GUILD_ID,
    };
    const { code, stdout } = await new Promise<{ code: number; stdout: string }>((resolve) =>
      execFile(
        process.execPath,
        ["--import", "tsx", "src/deploy-discord.ts"],
        { cwd: REPO, env },
        (error, out) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout: out }),
      ),
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(/Registered \d+ commands in guild 200000000000000001: .*\/news/);
    expect(lastPut()?.path).toBe(`/applications/${APP_ID}/guilds/${GUILD_ID}/commands`);
    expect(lastPut()?.body.map((c: { name: string }) => c.name)).toContain("article");
  });

  it("WHEN no guild is given THEN the commands are registered globally", async () => {
    const { names } = await deployCommands({ token: TOKEN, apiBase: standIn.apiBase, commands });
    expect(names).toContain("news");
    expect(lastPut()?.path).toBe(`/applications/${APP_ID}/commands`);
  });

  it("WHEN the token is refused THEN it fails, and the error does not carry the token", async () => {
    const error = await deployCommands({ token: "wrong-token.9", apiBase: standIn.apiBase, commands }).catch(
      (e: unknown) => e as Error,
    );
    expect(error).toBeInstanceOf(Error);
    expect(String(error)).not.toContain("wrong-token.9");
    expect(standIn.takeViolations().map((v) => v.status)).toEqual([401]);
  });
});
