import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SEED_ID } from "../../helpers/seed.js";
import { waitFor } from "../../helpers/wait-for.js";
import { type RealFixture, startRealFixture } from "./real-fixture.js";

/**
 * HTTP-level checks of the pages on the real dashboard: none answers without a session, a form
 * without its CSRF token or from another origin changes nothing (the database is read after), bad
 * input gets the service's words and a 400, and the probes answer without signing in.
 */
let fixture: RealFixture;
beforeEach(async () => {
  fixture = await startRealFixture();
});
afterEach(async () => {
  await fixture.close();
});

const PAGES = [
  "/",
  "/articles",
  "/articles?q=bitcoin",
  `/articles/${SEED_ID}`,
  "/schedules",
  "/schedules?target=console",
  "/deliveries",
  `/deliveries?target=console&article=${SEED_ID}`,
  "/subscriptions?target=console",
  "/settings",
  "/audit",
  "/sources",
];

const get = (path: string, cookie = "") =>
  fetch(`${fixture.url}${path}`, { redirect: "manual", headers: cookie ? { cookie } : {} });
const post = (path: string, fields: Record<string, string>, headers: Record<string, string>) =>
  fetch(`${fixture.url}${path}`, {
    method: "POST",
    redirect: "manual",
    headers: { origin: fixture.url, "content-type": "application/x-www-form-urlencoded", ...headers },
    body: new URLSearchParams(fields),
  });

async function operator(): Promise<{ cookie: string; csrf: string }> {
  const link = new URL(await fixture.dashboard.createOperatorLink());
  const signedIn = await post(link.pathname, { token: link.searchParams.get("token") ?? "" }, {});
  const cookie = (signedIn.headers.getSetCookie()[0] ?? "").split(";")[0] ?? "";
  const page = await (await get("/schedules?target=console", cookie)).text();
  return { cookie, csrf: /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? "" };
}

const postForm = (csrf: string) => ({
  _csrf: csrf,
  target: "console",
  article: SEED_ID,
  date: "2099-01-01",
  time: "09:00",
});
const schedulesOfConsole = async () =>
  (await fixture.core.services.scheduling?.overview({ platform: "console", id: "console" }))?.schedules ?? [];

describe("GIVEN no session", () => {
  it("THEN every page goes to sign-in and every form is refused", async () => {
    for (const path of PAGES) {
      const response = await get(path);
      expect(response.status, path).toBe(303);
      expect(response.headers.get("location"), path).toBe("/sign-in");
    }
    expect((await post("/schedules/post", postForm("x"), {})).status).toBe(403);
    expect(await schedulesOfConsole()).toEqual([]);
  });

  it("THEN the probes answer: healthz, readyz with every check, metrics with the library's size", async () => {
    expect(await (await get("/healthz")).text()).toBe("ok\n");
    const ready = await get("/readyz");
    expect([ready.status, await ready.text()]).toEqual([200, "ready\n"]);
    expect(await (await get("/metrics")).text()).toContain(
      `newsdesk_articles ${fixture.core.library.count()}`,
    );
  });
});

describe("GIVEN a signed-in operator", () => {
  it("THEN every page answers 200 and carries the security headers", async () => {
    const { cookie } = await operator();
    for (const path of PAGES) {
      const response = await get(path, cookie);
      expect(response.status, path).toBe(200);
      expect(response.headers.get("content-security-policy"), path).toContain("frame-ancestors 'none'");
      expect(response.headers.get("x-content-type-options"), path).toBe("nosniff");
    }
    expect((await get("/articles/no-such-article", cookie)).status).toBe(404);
    expect((await get("/schedules?target=nowhere:1", cookie)).status).toBe(404);
  });

  it("THEN a form without its CSRF token, or from another origin, changes nothing", async () => {
    const { cookie, csrf } = await operator();
    const { _csrf: _, ...withoutToken } = postForm(csrf);
    expect((await post("/schedules/post", withoutToken, { cookie })).status).toBe(403);
    expect((await post("/schedules/post", postForm("forged"), { cookie })).status).toBe(403);
    const foreign = await post("/schedules/post", postForm(csrf), { cookie, origin: "http://127.0.0.1:1" });
    expect(foreign.status).toBe(403);
    expect(await schedulesOfConsole()).toEqual([]);
    expect(await fixture.core.dashboard.reads.auditOf(null, 10)).toEqual([]);
    // The same form, from here with its token: the control that the form itself works.
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const made = await post("/schedules/post", { ...postForm(csrf), date: tomorrow }, { cookie });
    expect(made.status).toBe(303);
    expect(await schedulesOfConsole()).toHaveLength(1);
  });

  it("THEN bad input is refused in the service's words with a 400, and the form keeps what was typed", async () => {
    const { cookie, csrf } = await operator();
    const past = await post("/schedules/post", { ...postForm(csrf), date: "2001-01-01" }, { cookie });
    expect(past.status).toBe(400);
    const page = await past.text();
    expect(page).toContain("is already past. Pick a time to come.");
    expect(page).toContain('value="2001-01-01"');
    const unknown = await post(
      "/schedules/post",
      { ...postForm(csrf), article: "zzqx-nothing-like-it", date: "2001-01-01" },
      { cookie },
    );
    expect(await unknown.text()).toContain("No article matches");
    const cron = await get("/schedules?target=console&cron=61+9+*+*+*", cookie);
    expect(await cron.text()).toContain("the minute field is “61”: it takes 0 to 59");
    expect(await schedulesOfConsole()).toEqual([]);
  });
});

describe("GIVEN a sources file whose feed cannot be reached", () => {
  let withSources: RealFixture;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "newsdesk-web-sources-"));
    const file = join(dir, "sources.yml");
    // Port 9 (discard) on this machine: nothing listens, so every fetch fails at once.
    writeFileSync(file, "sources:\n  - url: http://127.0.0.1:9/feed.xml\n    name: Closed port\n");
    withSources = await startRealFixture({}, { sourcesFile: file });
    withSources.core.sources?.start();
  });
  afterAll(async () => {
    await withSources.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("THEN /sources lists it as failing with the fetcher's reason, and the overview asks for attention", async () => {
    const link = new URL(await withSources.dashboard.createOperatorLink());
    const signedIn = await fetch(`${withSources.url}${link.pathname}`, {
      method: "POST",
      redirect: "manual",
      headers: { origin: withSources.url, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ token: link.searchParams.get("token") ?? "" }),
    });
    const cookie = (signedIn.headers.getSetCookie()[0] ?? "").split(";")[0] ?? "";
    const page = await waitFor(
      async () => {
        const text = await (await fetch(`${withSources.url}/sources`, { headers: { cookie } })).text();
        return text.includes("failing") && text;
      },
      { what: "the source's first failed fetch on /sources" },
    );
    expect(page).toContain("Closed port");
    expect(page).toContain("http://127.0.0.1:9/feed.xml");
    expect(page).toMatch(/failing: [^<]*(ECONNREFUSED|refused|connect)/i);
    const overview = await (await fetch(`${withSources.url}/`, { headers: { cookie } })).text();
    expect(overview).toContain("source Closed port is failing");
  });
});
