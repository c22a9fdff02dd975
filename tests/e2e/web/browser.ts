import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { ROOT } from "../../helpers/seed.js";

/**
 * The browser harness: Debian's Chromium (never a downloaded build) driven by playwright-core,
 * launched once per test file. Every request that leaves 127.0.0.1 is aborted and recorded (the
 * Telegram widget's script would go to telegram.org), Content-Security-Policy refusals are
 * collected from the console, axe-core runs in the page, and screenshots land in tests/artifacts/web.
 */
export const CHROMIUM = "/usr/bin/chromium";
export const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
export const ARTIFACTS = join(ROOT, "tests", "artifacts", "web");
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

export interface TestPage {
  page: Page;
  context: BrowserContext;
  /** Console messages in which Chromium refused something under the CSP. */
  cspRefusals: string[];
  /** Requests to anywhere but 127.0.0.1, aborted. */
  blocked: string[];
}

/** Launches Chromium before the file's tests and closes it after; `browser()` gives it. */
export function useBrowser(): {
  browser: () => Browser;
  open: (options?: { locale?: string }) => Promise<TestPage>;
} {
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
    mkdirSync(ARTIFACTS, { recursive: true });
  });
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
  });
  const get = () => {
    if (!browser) throw new Error("the browser is not launched (useBrowser() outside a describe's hooks?)");
    return browser;
  };
  return {
    browser: get,
    /** A fresh context (its own cookies) and page, in `locale` (Accept-Language) if given. */
    open: async (options = {}) => {
      const context = await get().newContext({ locale: options.locale ?? "en-US" });
      contexts.push(context);
      const blocked: string[] = [];
      await context.route("**/*", (route) => {
        const url = new URL(route.request().url());
        if (url.hostname === "127.0.0.1") return route.continue();
        blocked.push(url.toString());
        return route.abort("blockedbyclient");
      });
      const page = await context.newPage();
      // Well inside the test's own timeout, so a missing element fails with Playwright's own message.
      page.setDefaultTimeout(10_000);
      const cspRefusals: string[] = [];
      page.on("console", (message) => {
        if (/Content Security Policy|Refused to/i.test(message.text())) cspRefusals.push(message.text());
      });
      return { page, context, cspRefusals, blocked };
    },
  };
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: number;
}

/** axe-core's serious and critical violations on the page as it is now (none expected). */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol, which the page's CSP does not govern: no inline script is added.
  await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: axe and document are the page's globals (no DOM types here)
    const page: any = globalThis;
    const run = await page.axe.run(page.document, { resultTypes: ["violations"] });
    return run.violations.map((v: { id: string; impact: string | null; help: string; nodes: unknown[] }) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.length,
    }));
  });
  return (result as AxeViolation[]).filter((v) => v.impact === "serious" || v.impact === "critical");
}

/** Saves a full-page screenshot as tests/artifacts/web/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** The page checked the way every page is: no serious axe violation, a screenshot kept. */
export async function inspect(page: Page, name: string): Promise<AxeViolation[]> {
  await screenshot(page, name);
  return seriousViolations(page);
}
