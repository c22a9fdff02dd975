import { copyFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ROOT, SEED_ID, SEED_TITLE } from "../../helpers/seed.js";
import { spawnBot } from "../../helpers/spawn-bot.js";
import { CHANNEL_A } from "../../unit/web/fake-services.js";
import { inspect, type TestPage, useBrowser } from "./browser.js";
import { type RealFixture, startRealFixture } from "./real-fixture.js";

/**
 * The dashboard's flows in Chromium, on the real core with the shipped content: the operator link
 * made by the CLI in another process, search and an article with both previews, a post scheduled in
 * the channel's zone and seen by the CLI's /schedule list, pause and cancel, a digest previewed by
 * its fire times, and a delivery failure explained. Every page is checked by axe (no serious or
 * critical violation) and kept as a screenshot in tests/artifacts/web; with UPDATE_DOCS_SCREENSHOTS=1
 * the overview and the article page are also written to docs/images (what the README shows).
 */
const { open } = useBrowser();
let fixture: RealFixture;
beforeEach(async () => {
  fixture = await startRealFixture();
});
afterEach(async () => {
  await fixture.close();
});

const CONSOLE = "console";

/** The CLI in its own process, on the fixture's database. */
async function cli(args: string[]): Promise<string> {
  const run = spawnBot(
    { CONTENT_DIR: fixture.contentDir, DATABASE_PATH: fixture.dbPath, DASHBOARD_URL: fixture.url },
    "src/cli.ts",
    args,
  );
  const { code } = await run.exited;
  if (code !== 0) throw new Error(`cli ${args.join(" ")} exited ${code}: ${run.stderr()}`);
  return run.stdout();
}

async function signIn(tab: TestPage): Promise<void> {
  const link = (await cli(["dashboard-link"])).trim();
  await tab.page.goto(link);
  await tab.page.getByRole("button", { name: "Sign in" }).click();
  await tab.page.waitForURL(`${fixture.url}/`);
}

/** The pages the README shows, as docs/images names. */
const DOCS_SCREENSHOTS: Record<string, string> = {
  "real-overview-busy": "dashboard-overview.png",
  "real-article": "dashboard-article.png",
};

/** axe-clean, no CSP refusal, and a screenshot (also under docs/images when asked). */
async function checked(tab: TestPage, name: string): Promise<void> {
  expect(await inspect(tab.page, name), name).toEqual([]);
  expect(tab.cspRefusals, name).toEqual([]);
  const docs = DOCS_SCREENSHOTS[name];
  if (process.env.UPDATE_DOCS_SCREENSHOTS && docs) {
    mkdirSync(join(ROOT, "docs", "images"), { recursive: true });
    copyFileSync(join(ROOT, "tests", "artifacts", "web", `${name}.png`), join(ROOT, "docs", "images", docs));
  }
}

/** The date of tomorrow in a zone, as an <input type=date> takes it. */
function tomorrowIn(zone: string): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: zone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(new Date(Date.now() + 86_400_000));
}

async function scheduleRow(page: Page, id: string) {
  return page.getByRole("row").filter({ hasText: id });
}

describe("GIVEN an operator link made by the CLI", () => {
  it("THEN it signs in once, and the overview shows the real library", async () => {
    const tab = await open();
    const link = (await cli(["dashboard-link"])).trim();
    expect(link).toMatch(new RegExp(`^${fixture.url}/sign-in/link\\?token=[\\w-]{43}$`));
    await tab.page.goto(link);
    await tab.page.getByRole("button", { name: "Sign in" }).click();
    await tab.page.waitForURL(`${fixture.url}/`);
    await expect(tab.page.getByTestId("article-count").textContent()).resolves.toBe(
      `${fixture.core.library.count()} articles in the library`,
    );
    await checked(tab, "real-overview");

    const other = await open();
    await other.page.goto(link);
    await other.page.getByRole("button", { name: "Sign in" }).click();
    await expect(other.page.getByRole("alert").textContent()).resolves.toContain("not valid");
  });
});

describe("GIVEN a signed-in operator", () => {
  it("THEN a search opens an article with its summary, key facts and both previews", async () => {
    const tab = await open();
    await signIn(tab);
    const { page } = tab;
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Articles" }).click();
    await page.getByLabel("Words to look for").fill("bitcoin");
    await page.getByRole("button", { name: "Search" }).click();
    await page.waitForURL(/\/articles\?q=bitcoin/);
    await checked(tab, "real-search");
    await page.getByRole("link", { name: SEED_TITLE }).click();
    await page.waitForURL(`${fixture.url}/articles/${SEED_ID}`);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(SEED_TITLE);
    await expect(page.getByRole("heading", { name: "Key facts" })).toBeTruthy();
    const discord = page.getByRole("figure", { name: "Discord" });
    const telegram = page.getByRole("figure", { name: "Telegram" });
    await expect(discord.locator(".dc-embed .dc-title").textContent()).resolves.toBe(SEED_TITLE);
    await expect(discord.locator(".dc-button").allTextContents()).resolves.toEqual([
      "Full text",
      "Key facts",
    ]);
    await expect(telegram.locator(".tg-text > b").first().textContent()).resolves.toBe(SEED_TITLE);
    await expect(telegram.locator(".tg-button").allTextContents()).resolves.toEqual([
      "Full text",
      "Key facts",
    ]);
    // The page shows what the adapters send: the Telegram HTML as sent sits beside its rendering.
    await page.getByText("Telegram HTML, as sent").click();
    await expect(page.locator("pre.source").first().textContent()).resolves.toContain(`<b>${SEED_TITLE}</b>`);
    await checked(tab, "real-article");
  });

  it("THEN a post is scheduled in the channel's zone, seen by the CLI's /schedule list, then paused and cancelled", async () => {
    const tab = await open();
    await signIn(tab);
    const { page } = tab;
    await page.goto(`${fixture.url}/settings?target=${CONSOLE}`);
    await page.getByLabel("Time zone").fill("Asia/Tokyo");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("status").textContent()).resolves.toBe("Saved.");

    await page.goto(`${fixture.url}/articles/${SEED_ID}`);
    await page.getByRole("link", { name: "Schedule a post of it" }).click();
    await page.getByRole("link", { name: "console" }).click();
    await expect(page.getByLabel("Article (its id, or words of its title)").inputValue()).resolves.toBe(
      SEED_ID,
    );
    const day = tomorrowIn("Asia/Tokyo");
    await page.getByLabel("Date (Asia/Tokyo)").fill(day);
    await page.getByLabel("Time (Asia/Tokyo)").fill("09:30");
    await page.getByRole("button", { name: "Schedule the post" }).click();
    const flash = (await page.getByRole("status").textContent()) ?? "";
    const id = /Scheduled: (\w+)\./.exec(flash)?.[1] ?? "";
    expect(id).not.toBe("");
    await expect((await scheduleRow(page, id)).textContent()).resolves.toContain("09:30");
    await checked(tab, "real-schedules");

    const stored = await fixture.core.services.scheduling?.overview({ platform: "console", id: "console" });
    expect(stored?.schedules[0]?.runAt?.toISOString()).toBe(`${day}T00:30:00.000Z`);
    const listed = await cli(["ask", "/schedule list"]);
    expect(listed).toContain(id);
    expect(listed).toContain("09:30");
    expect(listed).toContain("Asia/Tokyo");

    await page.getByRole("button", { name: `Pause ${id}` }).click();
    await expect(page.getByRole("status").textContent()).resolves.toBe(`${id} is paused.`);
    await expect((await scheduleRow(page, id)).textContent()).resolves.toContain("paused");
    await page.getByRole("button", { name: `Cancel ${id}` }).click();
    await expect(page.getByRole("status").textContent()).resolves.toBe(`${id} is cancelled.`);
    expect(await page.getByRole("row").filter({ hasText: id }).count()).toBe(0);

    await page.goto(`${fixture.url}/audit`);
    const actions = await page.getByRole("row").allTextContents();
    for (const action of ["schedule.post", "schedule.pause", "schedule.cancel", "settings.timezone"]) {
      expect(
        actions.some((row) => row.includes(action) && row.includes("operator") && row.includes("web")),
        action,
      ).toBe(true);
    }
    await checked(tab, "real-audit");
  });

  it("THEN a digest's cron is previewed as its next five times, then created", async () => {
    const tab = await open();
    await signIn(tab);
    const { page } = tab;
    await page.goto(`${fixture.url}/schedules?target=${CONSOLE}`);
    await page.getByLabel("Cron").fill("* * * * *");
    await page.getByRole("button", { name: "Show the next five times" }).click();
    await expect(page.getByRole("alert").textContent()).resolves.toContain("at most once every 5 minutes");
    await page.getByLabel("Cron").fill("0 9 * * 1-5");
    await page.getByLabel("Topic").fill("bitcoin");
    await page.getByRole("button", { name: "Show the next five times" }).click();
    const times = await page.getByTestId("fire-times").getByRole("listitem").allTextContents();
    expect(times).toHaveLength(5);
    expect(times.every((t) => t.includes("09:00"))).toBe(true);
    await checked(tab, "real-digest-preview");
    await page.getByRole("button", { name: "Create this digest" }).click();
    await expect(page.getByRole("status").textContent()).resolves.toMatch(/^Digest created: \w+\.$/);
    await expect(page.getByRole("row").filter({ hasText: "Digest on bitcoin" }).count()).resolves.toBe(1);
  });

  it("THEN a channel's failed delivery is explained with the platform's error, and the overview flags the channel", async () => {
    const target = `discord:${CHANNEL_A}`;
    fixture.refusing.set(CHANNEL_A, "Missing Access");
    const scheduling = fixture.core.services.scheduling;
    await scheduling?.schedulePost(
      { platform: "discord", id: CHANNEL_A },
      { id: "u1", name: "Alice" },
      { articleId: SEED_ID, when: "in 1 min" },
    );
    // Three refusals in a row turn posting off (ADR 0033): 1 min, then each retry's backoff.
    for (const ms of [61_000, 31_000, 61_000]) await fixture.advance(ms);
    // What else a running bot has: a post and a digest to come on the console.
    const console = { platform: "console" as const, id: "console" };
    await scheduling?.schedulePost(
      console,
      { id: "u1", name: "Alice" },
      { articleId: SEED_ID, when: "in 3 h" },
    );
    await scheduling?.scheduleDigest(
      console,
      { id: "u1", name: "Alice" },
      { cron: "0 9 * * 1-5", topic: "bitcoin" },
    );
    const tab = await open();
    await signIn(tab);
    const { page } = tab;
    await expect(page.getByRole("region", { name: "Next posts" }).getByRole("row").count()).resolves.toBe(3);
    await checked(tab, "real-overview-busy");
    await expect(page.getByRole("region", { name: "Needs attention" }).textContent()).resolves.toContain(
      "#news (Server A): posting is turned off: Missing Access",
    );
    await page.getByRole("link", { name: "#news (Server A)" }).first().click();
    await page.waitForURL(`${fixture.url}/deliveries?target=${encodeURIComponent(target)}`);
    const row = page.getByRole("row").filter({ hasText: SEED_TITLE });
    await expect(row.textContent()).resolves.toMatch(/failed.*3.*Missing Access/);
    await page.getByLabel("Article (its id, or words of its title)").fill(SEED_ID);
    await page.getByRole("button", { name: "Explain" }).click();
    const findings = await page.getByTestId("explanation").getByRole("listitem").allTextContents();
    expect(findings[0]).toMatch(/The post failed after 3 attempt\(s\).*The platform said:.*Missing Access/);
    expect(findings[1]).toMatch(/Posting to this channel was turned off .* Missing Access/);
    await checked(tab, "real-deliveries");
  });

  it("THEN subscriptions are followed and unfollowed, and the sources page says it is coming", async () => {
    const tab = await open();
    await signIn(tab);
    const { page } = tab;
    await page.goto(`${fixture.url}/subscriptions?target=${CONSOLE}`);
    await page.getByLabel("Topic").fill("Bitcoin");
    await page.getByRole("button", { name: "Follow", exact: true }).click();
    await expect(page.getByRole("status").textContent()).resolves.toBe("Now following Bitcoin.");
    await checked(tab, "real-subscriptions");
    await page.getByRole("button", { name: "Unfollow Bitcoin" }).click();
    await expect(page.getByRole("status").textContent()).resolves.toBe("No longer following Bitcoin.");
    await page.goto(`${fixture.url}/sources`);
    await expect(page.locator("main p").textContent()).resolves.toContain("coming");
    await checked(tab, "real-sources");
    await page.goto(`${fixture.url}/deliveries`);
    await checked(tab, "real-deliveries-channels");
  });
});
