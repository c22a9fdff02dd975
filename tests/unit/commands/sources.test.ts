import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Core, createCore } from "../../../src/core.js";
import { silentLogger } from "../../../src/domain/logger.js";
import type { SourceStatus, SourcesOverview } from "../../../src/domain/sources.js";
import { sayToConsole } from "../../helpers/say.js";
import { REAL_CONTENT } from "../../helpers/seed.js";

/** /sources renders what the SourcesService reports, in both languages. */

let core: Core;
beforeAll(async () => {
  core = await createCore({
    contentDir: REAL_CONTENT,
    databasePath: ":memory:",
    defaultLocale: "en",
    log: silentLogger,
  });
});
afterAll(async () => core.close());

const status = (extra: Partial<SourceStatus>): SourceStatus => ({
  name: "Coast",
  url: "https://coast.example/feed.xml",
  folder: "coast",
  intervalMs: 15 * 60_000,
  state: "ok",
  lastFetchAt: new Date("2025-07-17T08:00:00Z"),
  lastSuccessAt: new Date("2025-07-17T08:00:00Z"),
  nextPollAt: new Date("2025-07-17T08:15:00Z"),
  itemsImported: 12,
  consecutiveFailures: 0,
  lastError: null,
  disabledAt: null,
  ...extra,
});

const OVERVIEW: SourcesOverview = {
  file: "./sources.yml",
  problems: [{ line: 14, message: "interval must be at least 5 minutes" }],
  sources: [
    status({}),
    status({
      name: "Dead",
      state: "disabled",
      itemsImported: 1,
      consecutiveFailures: 20,
      lastError: "disabled after 20 consecutive failures; last: HTTP 500",
      disabledAt: new Date("2025-07-18T10:00:00Z"),
      nextPollAt: null,
    }),
    status({
      name: "Busy",
      state: "failing",
      consecutiveFailures: 2,
      lastError: "429",
      nextPollAt: new Date("2025-07-17T09:00:00Z"),
    }),
    status({ name: "Fresh", state: "new", lastFetchAt: null, lastSuccessAt: null, itemsImported: 0 }),
  ],
};

const ask = (locale: "en" | "fr", overview: SourcesOverview | null) =>
  sayToConsole(() => ({
    commands: core.commands,
    services: { ...core.services, sources: overview ? { overview: async () => overview } : undefined },
  }))("/sources", locale);

describe("/sources", () => {
  it("GIVEN sources in every state THEN each is listed with its status, in English", async () => {
    const text = (await ask("en", OVERVIEW)).plain;
    expect(text).toContain("Sources (4)");
    expect(text).toContain(
      "1 problem in ./sources.yml (the log has each): line 14: interval must be at least 5 minutes",
    );
    expect(text).toContain("Coast · ok");
    expect(text).toContain("Last fetch: Thu, 17 Jul 2025, 08:00 (UTC)");
    expect(text).toContain("12 articles imported");
    expect(text).toContain("Dead · disabled");
    expect(text).toContain("Disabled since Fri, 18 Jul 2025, 10:00 (UTC)");
    expect(text).toContain("Last error: disabled after 20 consecutive failures; last: HTTP 500");
    expect(text).toContain("Busy · failing");
    expect(text).toContain("2 failures in a row; next try Thu, 17 Jul 2025, 09:00 (UTC)");
    expect(text).toContain("Fresh · not fetched yet");
    expect(text).toContain("Last fetch: never");
  });

  it("GIVEN the same in French THEN it is said in French", async () => {
    const text = (await ask("fr", OVERVIEW)).plain;
    expect(text).toContain("Dead · désactivée");
    expect(text).toContain("Busy · en échec");
    expect(text).toContain("Fresh · pas encore relevée");
    expect(text).toContain("12 articles importés");
    expect(text).toMatch(/Dernier relevé\s:\sjeu\. 17 juil\. 2025/);
    expect(text).toMatch(/ligne 14\s:\sinterval/);
  });

  it("GIVEN no sources THEN it says where they are listed; no sources room THEN it says so", async () => {
    const none = (await ask("en", { file: "./sources.yml", problems: [], sources: [] })).plain;
    expect(none).toContain("No sources yet: the operator lists feeds and pages in ./sources.yml.");
    expect((await ask("fr", null)).text).toBe("Aucune source n’est relevée ici.");
  });
});
