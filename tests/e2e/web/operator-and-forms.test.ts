import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CHANNEL_A } from "../../unit/web/fake-services.js";
import {
  cookieOf,
  csrfOf,
  get,
  postForm,
  signInOperator,
  startWebFixture,
  type WebFixture,
} from "./web-fixture.js";

/** HTTP-level: the operator link, sessions, and the checks every form passes through. */
let fixture: WebFixture;
beforeEach(async () => {
  fixture = await startWebFixture();
});
afterEach(async () => {
  await fixture.dashboard.close();
});

const TARGET = `discord:${CHANNEL_A}`;
const settingsForm = (csrf: string) => ({
  _csrf: csrf,
  target: TARGET,
  timeZone: "Europe/Paris",
  language: "fr",
});

describe("GIVEN no session", () => {
  it("THEN every page redirects to the sign-in page, and the sign-in page answers", async () => {
    for (const path of ["/", "/settings", `/settings?target=${TARGET}`]) {
      const response = await get(fixture, path);
      expect(response.status, path).toBe(303);
      expect(response.headers.get("location")).toBe("/sign-in");
    }
    expect((await get(fixture, "/sign-in")).status).toBe(200);
  });

  it("THEN a POST to a signed-in form is refused and changes nothing", async () => {
    const response = await postForm(fixture, "/settings", settingsForm("anything"));
    expect(response.status).toBe(403);
    expect(fixture.services.changes).toEqual([]);
  });

  it("THEN a forged or altered session cookie counts as none", async () => {
    const cookie = await signInOperator(fixture);
    const altered = `${cookie.slice(0, -3)}AAA`;
    expect((await get(fixture, "/", altered)).status).toBe(303);
    const unsigned = cookie.slice(0, cookie.lastIndexOf("."));
    expect((await get(fixture, "/", unsigned)).status).toBe(303);
  });
});

describe("GIVEN an operator link", () => {
  it("THEN it signs in once: the GET only asks, the POST signs in, a second POST is refused", async () => {
    const link = new URL(await fixture.dashboard.createOperatorLink());
    expect(link.origin).toBe(fixture.url);
    const token = link.searchParams.get("token") ?? "";
    // Opening the link (as a link previewer would) does not use it up.
    const shown = await get(fixture, link.pathname + link.search);
    expect(shown.status).toBe(200);
    expect(await shown.text()).toContain(`value="${token}"`);
    const first = await postForm(fixture, link.pathname, { token });
    expect(first.status).toBe(303);
    const cookie = cookieOf(first, "nd_session") ?? "";
    expect((await get(fixture, "/", cookie)).status).toBe(200);
    const second = await postForm(fixture, link.pathname, { token });
    expect(second.status).toBe(403);
    expect(cookieOf(second, "nd_session")).toBeUndefined();
  });

  it("THEN it is refused after 10 minutes", async () => {
    const link = new URL(await fixture.dashboard.createOperatorLink());
    fixture.clock.advance(10 * 60 * 1000 + 1);
    const response = await postForm(fixture, link.pathname, { token: link.searchParams.get("token") ?? "" });
    expect(response.status).toBe(403);
  });

  it("THEN the session cookie is HttpOnly and SameSite=Lax, and not Secure over plain http", async () => {
    const link = new URL(await fixture.dashboard.createOperatorLink());
    const response = await postForm(fixture, link.pathname, { token: link.searchParams.get("token") ?? "" });
    const header = response.headers.getSetCookie().find((c) => c.startsWith("nd_session=")) ?? "";
    expect(header).toMatch(/; HttpOnly/);
    expect(header).toMatch(/; SameSite=Lax/);
    expect(header).not.toMatch(/Secure/);
  });
});

describe("GIVEN a signed-in operator", () => {
  let cookie: string;
  beforeEach(async () => {
    cookie = await signInOperator(fixture);
  });

  it("THEN a form with the session's CSRF token from the dashboard's origin changes the settings", async () => {
    const csrf = await csrfOf(fixture, `/settings?target=${TARGET}`, cookie);
    const response = await postForm(fixture, "/settings", settingsForm(csrf), { cookie });
    expect(response.status).toBe(303);
    expect(fixture.services.changes).toEqual([
      {
        target: TARGET,
        actor: { id: "operator", name: "operator", language: "en" },
        change: { timeZone: "Europe/Paris", language: "fr" },
      },
    ]);
  });

  it("THEN a POST without the CSRF token, or with another session's, is refused and changes nothing", async () => {
    const without = await postForm(
      fixture,
      "/settings",
      { target: TARGET, timeZone: "Asia/Tokyo", language: "fr" },
      { cookie },
    );
    expect(without.status).toBe(403);
    const other = await csrfOf(fixture, "/", await signInOperator(fixture));
    const wrong = await postForm(fixture, "/settings", settingsForm(other), { cookie });
    expect(wrong.status).toBe(403);
    expect(fixture.services.changes).toEqual([]);
    expect(fixture.logs.find(/POST refused \(CSRF token\)/)).toBeTruthy();
  });

  it("THEN a POST from another origin, or with neither Origin nor Referer, is refused and changes nothing", async () => {
    const csrf = await csrfOf(fixture, "/", cookie);
    const foreign = await postForm(fixture, "/settings", settingsForm(csrf), {
      cookie,
      origin: "http://evil.example",
    });
    expect(foreign.status).toBe(403);
    const nullOrigin = await postForm(fixture, "/settings", settingsForm(csrf), { cookie, origin: "null" });
    expect(nullOrigin.status).toBe(403);
    const bare = await fetch(`${fixture.url}/settings`, {
      method: "POST",
      redirect: "manual",
      headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(settingsForm(csrf)),
    });
    expect(bare.status).toBe(403);
    expect(fixture.services.changes).toEqual([]);
    // A same-origin Referer stands in for a missing Origin.
    const referred = await fetch(`${fixture.url}/settings`, {
      method: "POST",
      redirect: "manual",
      headers: {
        cookie,
        referer: `${fixture.url}/settings`,
        "content-type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams(settingsForm(csrf)),
    });
    expect(referred.status).toBe(303);
  });

  it("THEN bad input gets the service's words in the reader's language and changes nothing", async () => {
    const csrf = await csrfOf(fixture, "/", cookie);
    const response = await postForm(
      fixture,
      "/settings",
      { ...settingsForm(csrf), timeZone: "Mars/Olympus" },
      { cookie: `${cookie}; nd_lang=fr` },
    );
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Fuseau horaire inconnu.");
    expect(fixture.services.changes).toEqual([]);
  });

  it("THEN a body over 16 KB is refused with 413", async () => {
    const csrf = await csrfOf(fixture, "/", cookie);
    const response = await postForm(
      fixture,
      "/settings",
      { ...settingsForm(csrf), pad: "x".repeat(20_000) },
      { cookie },
    );
    expect(response.status).toBe(413);
    expect(fixture.services.changes).toEqual([]);
  });

  it("THEN signing out ends the session: the cookie opens nothing afterwards", async () => {
    const csrf = await csrfOf(fixture, "/", cookie);
    const refused = await postForm(fixture, "/sign-out", {}, { cookie });
    expect(refused.status).toBe(403);
    expect((await get(fixture, "/", cookie)).status).toBe(200);
    const out = await postForm(fixture, "/sign-out", { _csrf: csrf }, { cookie });
    expect(out.status).toBe(303);
    expect(out.headers.get("location")).toBe("/sign-in");
    expect(cookieOf(out, "nd_session")).toBe("nd_session=");
    expect((await get(fixture, "/", cookie)).status).toBe(303);
  });

  it("THEN the session ends after 12 hours without a request, and lasts while used", async () => {
    for (let hour = 0; hour < 3; hour++) {
      fixture.clock.advance(11 * 3600 * 1000);
      expect((await get(fixture, "/", cookie)).status).toBe(200);
    }
    fixture.clock.advance(12 * 3600 * 1000 + 1);
    expect((await get(fixture, "/", cookie)).status).toBe(303);
  });
});

describe("GIVEN any answer", () => {
  it("THEN it carries a CSP without inline scripts, no framing, nosniff and a referrer policy", async () => {
    const cookie = await signInOperator(fixture);
    for (const [path, session] of [
      ["/sign-in", undefined],
      ["/", cookie],
      ["/nowhere", cookie],
      ["/assets/dashboard.css", undefined],
      ["/healthz", undefined],
    ] as const) {
      const response = await get(fixture, path, session);
      const csp = response.headers.get("content-security-policy") ?? "";
      expect(csp, path).toMatch(/frame-ancestors 'none'/);
      expect(csp).toMatch(/script-src 'self'/);
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
      expect(csp).toMatch(/style-src 'self'/);
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("referrer-policy")).toBe("same-origin");
    }
  });

  it("THEN a page holds no inline script, style attribute or style element", async () => {
    const cookie = await signInOperator(fixture);
    for (const path of ["/sign-in", "/", "/settings", `/settings?target=${TARGET}`]) {
      const page = await (await get(fixture, path, cookie)).text();
      expect(page, path).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
      expect(page).not.toMatch(/\sstyle=|<style/);
      expect(page).not.toMatch(/\son[a-z]+=/);
    }
  });
});

describe("GIVEN many sign-in attempts from one address", () => {
  it("THEN past the burst they get 429 with Retry-After, good tokens included", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++)
      statuses.push((await postForm(fixture, "/sign-in/link", { token: `bad${i}` })).status);
    expect(statuses.every((s) => s === 403)).toBe(true);
    const link = new URL(await fixture.dashboard.createOperatorLink());
    const limited = await postForm(fixture, link.pathname, { token: link.searchParams.get("token") ?? "" });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    // The limit refills: a minute later the (unused) link still works.
    fixture.clock.advance(60_000);
    const later = await postForm(fixture, link.pathname, { token: link.searchParams.get("token") ?? "" });
    expect(later.status).toBe(303);
  });
});

describe("GIVEN an https public address", () => {
  it("THEN cookies are Secure and links use it", async () => {
    const secure = await startWebFixture({ publicUrl: "https://news.example.org" });
    try {
      const link = new URL(await secure.dashboard.createOperatorLink());
      expect(link.origin).toBe("https://news.example.org");
      const response = await fetch(
        `${secure.url}${link.pathname}`.replace(
          "https://news.example.org",
          `http://127.0.0.1:${secure.dashboard.port}`,
        ),
        {
          method: "POST",
          redirect: "manual",
          headers: {
            origin: "https://news.example.org",
            "content-type": "application/x-www-form-urlencoded",
          },
          body: new URLSearchParams({ token: link.searchParams.get("token") ?? "" }),
        },
      );
      expect(response.status).toBe(303);
      expect(response.headers.getSetCookie()[0]).toMatch(/; Secure/);
    } finally {
      await secure.dashboard.close();
    }
  });
});
