import { describe, expect, it } from "vitest";
import { DEFAULT_DASHBOARD_PORT, dashboardPort, loadConfig } from "../../src/config.js";
import { configProblems } from "../helpers/config-problems.js";

/** The dashboard's settings: on by default in the console only, every bad key in the one message. */
const problems = configProblems;

describe("GIVEN no dashboard settings", () => {
  it("THEN the console serves it on 127.0.0.1 at the documented port, and a platform bot does not", () => {
    const console = loadConfig({});
    expect(dashboardPort(console)).toBe(DEFAULT_DASHBOARD_PORT);
    expect(console.DASHBOARD_HOST).toBe("127.0.0.1");
    expect(console.DASHBOARD_TRUST_PROXY).toBe(false);
    expect(dashboardPort(loadConfig({ TELEGRAM_BOT_TOKEN: "123:abc" }))).toBeNull();
    expect(dashboardPort(loadConfig({ DISCORD_TOKEN: "abc.def" }))).toBeNull();
  });
});

describe("GIVEN DASHBOARD_PORT", () => {
  it("THEN a port turns it on anywhere, 0 picks a free one, and off turns the console's off", () => {
    expect(dashboardPort(loadConfig({ DASHBOARD_PORT: "8080", DISCORD_TOKEN: "abc.def" }))).toBe(8080);
    expect(dashboardPort(loadConfig({ DASHBOARD_PORT: "0" }))).toBe(0);
    expect(dashboardPort(loadConfig({ DASHBOARD_PORT: "OFF" }))).toBeNull();
  });
});

describe("GIVEN bad dashboard settings", () => {
  it("THEN each is named in one message, with the rules across keys", () => {
    const found = problems({
      DASHBOARD_PORT: "70000",
      DASHBOARD_URL: "https://news.example.org/dashboard",
      DASHBOARD_SECRET: "short",
      METRICS_PORT: "0x50",
      DASHBOARD_TRUST_PROXY: "yes",
      DISCORD_CLIENT_ID: "123456789012345678",
    });
    expect(found.map((p) => p.split(" ")[0])).toEqual([
      "DASHBOARD_PORT",
      "DASHBOARD_URL",
      "DASHBOARD_SECRET",
      "DASHBOARD_TRUST_PROXY",
      "METRICS_PORT",
      "DISCORD_CLIENT_ID",
      "DISCORD_CLIENT_ID",
    ]);
    expect(found.join("\n")).not.toContain("short");
    expect(found).toContain(
      "DISCORD_CLIENT_ID and DISCORD_CLIENT_SECRET go together (Discord sign-in needs both)",
    );
  });
});
