import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { parseCron } from "../../src/framework/cron-syntax.js";
import { configProblems } from "../helpers/config-problems.js";

const problems = configProblems;

describe("scheduling settings in the configuration", () => {
  it("GIVEN a DIGEST_CRON node-cron accepts but the scheduler refuses (over 120 characters) THEN one clear problem", () => {
    const minutes = Array.from({ length: 60 }, (_, i) => i).join(",");
    const cron = `${minutes} 9 * * *`;
    expect(parseCron(cron)).toBeNull();
    const found = problems({ DIGEST_CRON: cron });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^DIGEST_CRON must be a 5- or 6-field cron expression/);
  });

  it("GIVEN a DIGEST_CRON the scheduler parses THEN accepted", () => {
    expect(loadConfig({ DIGEST_CRON: "0 9 * * 1-5" }).DIGEST_CRON).toBe("0 9 * * 1-5");
  });

  it("GIVEN NEWS_TIMEZONE in any case THEN its canonical spelling; an unknown zone THEN one problem", () => {
    expect(loadConfig({ NEWS_TIMEZONE: "europe/paris" }).NEWS_TIMEZONE).toBe("Europe/Paris");
    const found = problems({ NEWS_TIMEZONE: "Mars/Olympus", DIGEST_CRON: "every day" });
    expect(found.filter((p) => p.startsWith("NEWS_TIMEZONE"))).toHaveLength(1);
    expect(found.filter((p) => p.startsWith("DIGEST_CRON"))).toHaveLength(1);
  });

  it("GIVEN LOAD_THREADS THEN 1 or 2 (default 2); anything else THEN one problem", () => {
    expect(loadConfig({}).LOAD_THREADS).toBe(2);
    expect(loadConfig({ LOAD_THREADS: "1" }).LOAD_THREADS).toBe(1);
    const found = problems({ LOAD_THREADS: "8" });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^LOAD_THREADS/);
  });
});
