import { execFile } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO } from "../../helpers/spawn-bot.js";
import { APP_ID, DiscordStandIn, GUILD_ID } from "./stand-in.js";

describe("GIVEN `npm run deploy:discord` (src/platforms/discord/deploy.ts) against the stand-in", () => {
  let standIn: DiscordStandIn;
  beforeAll(async () => {
    standIn = await DiscordStandIn.start({ token: "deploy-token" });
  });
  afterAll(async () => {
    await standIn?.close();
  });

  /** What `npm run deploy:discord -- ...args` runs, with only the given environment. */
  const deploy = (env: Record<string, string>, ...args: string[]) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      const environment = {
        PATH: process.env.PATH ?? "",
        DISCORD_TOKEN: "deploy-token",
        DISCORD_API_BASE: standIn.apiBase,
        DISCORD_GUILD_ID: "",
        ...env,
      };
      execFile(
        process.execPath,
        ["--import", "tsx", "src/platforms/discord/deploy.ts", ...args],
        { cwd: REPO, env: environment },
        (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
      );
    });

  it("WHEN a guild id is configured THEN the commands are registered in that guild", async () => {
    const { code, stdout } = await deploy({ DISCORD_GUILD_ID: GUILD_ID });
    expect(code).toBe(0);
    expect(stdout).toMatch(/Registered \d+ commands in guild 200000000000000001: .*\/news/);
    const put = standIn.calls.find((c) => c.method === "PUT");
    expect(put?.path).toBe(`/applications/${APP_ID}/guilds/${GUILD_ID}/commands`);
    expect(put?.body.map((c: { name: string }) => c.name)).toContain("article");
  });

  it("WHEN --global is given THEN the commands are registered globally", async () => {
    const { code, stdout } = await deploy({ DISCORD_GUILD_ID: GUILD_ID }, "--global");
    expect(code).toBe(0);
    expect(stdout).toContain("globally");
    expect(standIn.calls.filter((c) => c.method === "PUT").at(-1)?.path).toBe(
      `/applications/${APP_ID}/commands`,
    );
  });

  it("WHEN the token is refused THEN it fails with a message and a non-zero exit, without the token", async () => {
    const { code, stderr } = await deploy({ DISCORD_TOKEN: "wrong-token" });
    expect(code).toBe(1);
    expect(stderr).toContain("deploy:discord failed");
    expect(stderr).not.toContain("wrong-token");
  });
});
