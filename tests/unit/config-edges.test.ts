import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { configProblems } from "../helpers/config-problems.js";

/**
 * The edges of src/config.ts that the mutation run showed no test standing on: a correct value
 * with junk around it, values exactly at a limit, a complete configuration that must load, and
 * secrets too short or too odd to be caught by the other cases.
 */

const problems = configProblems;

const DISCORD_TOKEN = "MTA4Nzg5.GxYz1a.abcdefghijklmnopqrstuvwxyz012345";
const TELEGRAM_TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";

describe("GIVEN a complete configuration with every pair of keys set together", () => {
  it("THEN it loads, with no complaint from the rules across keys", () => {
    const env = {
      DISCORD_TOKEN,
      TELEGRAM_BOT_TOKEN: TELEGRAM_TOKEN,
      TELEGRAM_WEBHOOK_URL: "https://bot.example.org/hook",
      TELEGRAM_WEBHOOK_SECRET: "s3cret_value-1",
      ANNOUNCE_TARGETS: "discord:123456789012345678,telegram:-1001234567890",
      DISCORD_SHARDS: "0,1",
      DISCORD_SHARD_COUNT: "2",
      DISCORD_CLIENT_ID: "123456789012345678",
      DISCORD_CLIENT_SECRET: "abcdefghijklmnopqrstuvwxyz012345",
      DASHBOARD_URL: "https://news.example.org",
      DASHBOARD_SECRET: "x".repeat(32),
      DATABASE_URL: "postgres://newsdesk@db.example.org:5432/newsdesk",
    };
    expect(problems(env)).toEqual([]);
    const config = loadConfig(env);
    expect(config.TELEGRAM_WEBHOOK_SECRET).toBe("s3cret_value-1");
    expect(config.DISCORD_SHARD_COUNT).toBe(2);
  });
});

describe("GIVEN a correct value with something before or after it", () => {
  it.each([
    ["TELEGRAM_API_ROOT", "see https://api.example.org"],
    ["TELEGRAM_API_ROOT", "https://api.example.org and more"],
    ["DASHBOARD_PORT", "8080x"],
    ["DASHBOARD_PORT", "x8080"],
    ["METRICS_PORT", "9100/tcp"],
    ["DASHBOARD_HOST", "127.0.0.1/24"],
    ["DASHBOARD_URL", "https://news.example.org/path"],
    ["DASHBOARD_URL", "ftp://news.example.org"],
    ["DISCORD_GUILD_ID", "123456789012345678x"],
    ["DISCORD_GUILD_ID", "x123456789012345678"],
    ["DISCORD_CLIENT_ID", "id:123456789012345678"],
    ["DATABASE_URL", "url=postgres://db/newsdesk"],
    ["DISCORD_SHARDS", "0,1;"],
    ["TELEGRAM_WEBHOOK_SECRET", "good_secret!"],
    ["TELEGRAM_WEBHOOK_SECRET", "!good_secret"],
  ])("THEN %s=%j is refused, naming the key", (key, value) => {
    const found = problems({ [key]: value });
    expect(found.some((p) => p.startsWith(`${key} `))).toBe(true);
  });
});

describe("GIVEN values exactly at a limit", () => {
  it.each([
    ["DASHBOARD_PORT", "65535", true],
    ["DASHBOARD_PORT", "65536", false],
    ["METRICS_PORT", "65535", true],
    ["METRICS_PORT", "65536", false],
    ["DATABASE_POOL_SIZE", "1", true],
    ["DATABASE_POOL_SIZE", "0", false],
    ["DATABASE_POOL_SIZE", "100", true],
    ["DATABASE_POOL_SIZE", "101", false],
    ["TELEGRAM_WEBHOOK_SECRET", "a".repeat(256), true],
    ["TELEGRAM_WEBHOOK_SECRET", "a".repeat(257), false],
    ["DASHBOARD_SECRET", "d".repeat(32), true],
    ["DASHBOARD_SECRET", "d".repeat(31), false],
    ["DISCORD_GUILD_ID", "12345", true],
    ["DISCORD_GUILD_ID", "1234", false],
  ])("THEN %s of %j is accepted: %s", (key, value, accepted) => {
    const mine = problems({ [key]: value }).filter((p) => p.startsWith(`${key} `));
    expect(mine).toHaveLength(accepted ? 0 : 1);
  });
});

describe("GIVEN secrets that other cases do not reach", () => {
  it("THEN a malformed secret too short to be cut out of other values is still never shown", () => {
    const found = problems({ TELEGRAM_WEBHOOK_SECRET: "x!" }).join("\n");
    expect(found).toMatch(/^TELEGRAM_WEBHOOK_SECRET /);
    expect(found).not.toContain("x!");
  });

  it("THEN a four-character secret inside another bad value is cut out, named [secret]", () => {
    const found = problems({
      TELEGRAM_WEBHOOK_SECRET: "k9Zq",
      TELEGRAM_WEBHOOK_URL: "hook k9Zq",
    }).join("\n");
    expect(found).toContain(
      'TELEGRAM_WEBHOOK_URL must be an http(s) URL (TELEGRAM_WEBHOOK_URL) (got "hook [secret]")',
    );
    expect(found).not.toContain("k9Zq");
  });

  it("THEN a secret set with spaces around it is cut out by its trimmed value", () => {
    const found = problems({
      TELEGRAM_WEBHOOK_SECRET: "  k9Zq7  ",
      DASHBOARD_URL: "k9Zq7",
    }).join("\n");
    expect(found).not.toContain("k9Zq7");
  });

  it("THEN a value longer than 80 characters is shown cut, with an ellipsis, and 80 are shown whole", () => {
    const long = `https://${"a".repeat(100)} x`;
    expect(problems({ DASHBOARD_URL: long })[0]).toContain(`(got "${long.slice(0, 80)}…")`);
    const exact = `ftp://${"b".repeat(74)}`;
    expect(exact).toHaveLength(80);
    expect(problems({ DASHBOARD_URL: exact })[0]).toContain(`(got "${exact}")`);
  });
});
