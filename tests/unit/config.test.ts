import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.js";

/** The ConfigError an environment is refused with (the test fails if it is accepted). */
function rejection(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error("the configuration was accepted");
}

const problems = (env: Record<string, string>): string[] => rejection(env).problems;
const message = (env: Record<string, string>): string => rejection(env).message;

describe("GIVEN several bad keys at once", () => {
  it("THEN one message names each, the cross-key rules included (issue 12 item 4)", () => {
    const found = problems({
      LOG_LEVEL: "loud",
      TELEGRAM_WEBHOOK_URL: "https://bot.example.org/hook",
      ANNOUNCE_TARGETS: "discord:123456789012345678",
    });
    expect(found).toHaveLength(3);
    expect(found[0]).toMatch(/^LOG_LEVEL /);
    expect(found).toContain("TELEGRAM_WEBHOOK_SECRET is required when TELEGRAM_WEBHOOK_URL is set");
    expect(found).toContain("ANNOUNCE_TARGETS names discord:123456789012345678 but DISCORD_TOKEN is not set");
  });

  it("THEN a cross-key rule still runs on the good part of a key that failed its own check", () => {
    const found = problems({ ANNOUNCE_TARGETS: "telegram:-1001,nowhere" });
    expect(found.filter((p) => p.startsWith("ANNOUNCE_TARGETS must be"))).toHaveLength(1);
    expect(found).toContain("ANNOUNCE_TARGETS names telegram:-1001 but TELEGRAM_BOT_TOKEN is not set");
  });

  it("THEN a token that is set but malformed is reported once, as malformed, not also as missing", () => {
    const found = problems({ DISCORD_TOKEN: "abc/def", ANNOUNCE_TARGETS: "discord:123456789012345678" });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^DISCORD_TOKEN must be a Discord bot token/);
  });
});

describe("GIVEN secret values", () => {
  const badDiscord = "MTA4.Gx Yz1a/../leak?x=1";
  const badTelegram = "123456:AAH-secret\nvalue";
  const badSecret = "not a secret!";

  it("THEN a malformed token or webhook secret is named, never shown", () => {
    const text = message({
      DISCORD_TOKEN: badDiscord,
      TELEGRAM_BOT_TOKEN: badTelegram,
      TELEGRAM_WEBHOOK_SECRET: badSecret,
      TELEGRAM_WEBHOOK_URL: "https://bot.example.org/hook",
    });
    expect(text).toMatch(/DISCORD_TOKEN must be/);
    expect(text).toMatch(/TELEGRAM_BOT_TOKEN must be/);
    expect(text).toMatch(/TELEGRAM_WEBHOOK_SECRET must be/);
    for (const secret of [badDiscord, "Gx Yz1a", badTelegram, "AAH-secret", badSecret]) {
      expect(text).not.toContain(secret);
    }
  });

  it("THEN another bad value that holds a token has the token cut out", () => {
    const tokenValue = "123456:AAHgoodTokenValue_xyz";
    const text = message({
      TELEGRAM_BOT_TOKEN: tokenValue,
      TELEGRAM_WEBHOOK_URL: `ftp://host/bot${tokenValue}`,
    });
    expect(text).toMatch(/TELEGRAM_WEBHOOK_URL must be an http\(s\) URL/);
    expect(text).not.toContain("AAHgoodTokenValue_xyz");
  });

  it("THEN a harmless bad value is shown, quoted, control characters visible", () => {
    expect(problems({ LOG_LEVEL: "loud\u0000" })[0]).toContain('(got "loud\\u0000")');
  });
});

describe("token formats", () => {
  it.each([
    // Real shapes, and the fakes every test and e2e run uses (tests/e2e/**): all accepted.
    ["DISCORD_TOKEN", "MTA4NzY1NDMyMTA5ODc2NTQzMg.GxYz1a.abcdefghijklmnopqrstuvwxyz_-0123"],
    ["DISCORD_TOKEN", "npm-start-token.7Qx"],
    ["DISCORD_TOKEN", "deploy-token.4Kd"],
    ["DISCORD_TOKEN", "test"],
    ["TELEGRAM_BOT_TOKEN", "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"],
    ["TELEGRAM_BOT_TOKEN", "123456:TEST"],
    ["TELEGRAM_BOT_TOKEN", "654321:TESTtoken-fixtures-xyz"],
  ])("GIVEN %s=%s THEN accepted", (key, value) => {
    expect(loadConfig({ [key]: value })[key as "DISCORD_TOKEN" | "TELEGRAM_BOT_TOKEN"]).toBe(value);
  });

  it.each([
    ["DISCORD_TOKEN", "abc\ndef"],
    ["DISCORD_TOKEN", "abc def"],
    ["DISCORD_TOKEN", "abc/def"],
    ["DISCORD_TOKEN", "abc?def"],
    ["DISCORD_TOKEN", "abc#def"],
    ["DISCORD_TOKEN", "abc%2Fdef"],
    ["DISCORD_TOKEN", "abc\u0000def"],
    ["DISCORD_TOKEN", "abc..def"],
    ["DISCORD_TOKEN", "x".repeat(257)],
    ["TELEGRAM_BOT_TOKEN", "123456:AAH\nsecret"],
    ["TELEGRAM_BOT_TOKEN", "123456:../../etc"],
    ["TELEGRAM_BOT_TOKEN", "123456:abc?x=1"],
    ["TELEGRAM_BOT_TOKEN", "123456:abc#x"],
    ["TELEGRAM_BOT_TOKEN", "123456:abc%3A"],
    ["TELEGRAM_BOT_TOKEN", "123456:a\tb"],
    ["TELEGRAM_BOT_TOKEN", "AAHsecret"],
    ["TELEGRAM_BOT_TOKEN", "bot123456:AAH"],
    ["TELEGRAM_BOT_TOKEN", "123456:"],
  ])("GIVEN %s=%j THEN refused", (key, value) => {
    const found = problems({ [key]: value });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(new RegExp(`^${key} must be a`));
  });

  it("GIVEN a token with spaces around it (a pasted line) THEN trimmed and accepted", () => {
    expect(loadConfig({ TELEGRAM_BOT_TOKEN: " 123456:TEST\n" }).TELEGRAM_BOT_TOKEN).toBe("123456:TEST");
  });
});

describe("integer settings", () => {
  it("GIVEN decimal digits THEN the number; unset or empty THEN the default", () => {
    expect(loadConfig({ TELEGRAM_WEBHOOK_PORT: "8080" }).TELEGRAM_WEBHOOK_PORT).toBe(8080);
    expect(loadConfig({ TELEGRAM_WEBHOOK_PORT: " 443 " }).TELEGRAM_WEBHOOK_PORT).toBe(443);
    expect(loadConfig({}).TELEGRAM_WEBHOOK_PORT).toBe(8443);
    expect(loadConfig({ TELEGRAM_WEBHOOK_PORT: "" }).TELEGRAM_WEBHOOK_PORT).toBe(8443);
  });

  it.each([
    "0x50",
    "1e3",
    "0b1",
    "0o7",
    "80.0",
    "+80",
    "-80",
    "8 0",
    "٨٠",
    "Infinity",
    "0",
    "65536",
    "99999999999999999999",
  ])("GIVEN TELEGRAM_WEBHOOK_PORT=%s THEN refused, naming the rule", (value) => {
    const found = problems({ TELEGRAM_WEBHOOK_PORT: value });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(
      /^TELEGRAM_WEBHOOK_PORT must be a whole number from 1 to 65535, written in decimal digits only/,
    );
  });
});

describe("DIGEST_CRON", () => {
  it("GIVEN a well-formed expression that never fires THEN its own message, not 'not a cron expression'", () => {
    const found = problems({ DIGEST_CRON: "0 0 30 2 *" });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^DIGEST_CRON is a valid cron expression that never fires/);
  });
});
