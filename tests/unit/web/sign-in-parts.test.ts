import { describe, expect, it } from "vitest";
import { CookieSigner, parseCookies, serializeCookie } from "../../../src/web/cookies.js";
import { escapeHtml, html } from "../../../src/web/html.js";
import { fromAcceptLanguage } from "../../../src/web/i18n.js";
import { MemorySessionStore, Sessions } from "../../../src/web/sessions.js";
import { AttemptLimiter } from "../../../src/web/sign-in/attempt-limiter.js";
import { manageableGuilds, mayManage } from "../../../src/web/sign-in/discord-oauth.js";
import {
  createOperatorLink,
  LINK_VALID_MS,
  MemorySignInTokenStore,
  redeemOperatorToken,
} from "../../../src/web/sign-in/operator-link.js";

describe("GIVEN operator links", () => {
  it("THEN a token is redeemed once, before 10 minutes, and of two concurrent redemptions one wins", async () => {
    const store = new MemorySignInTokenStore();
    const token = async () =>
      new URL(await createOperatorLink(store, "http://127.0.0.1:8080/", 0)).searchParams.get("token") ?? "";
    const once = await token();
    expect(await redeemOperatorToken(store, once, 1)).toBe(true);
    expect(await redeemOperatorToken(store, once, 2)).toBe(false);
    const late = await token();
    expect(await redeemOperatorToken(store, late, LINK_VALID_MS)).toBe(false);
    const raced = await token();
    const results = await Promise.all([
      redeemOperatorToken(store, raced, 5),
      redeemOperatorToken(store, raced, 5),
    ]);
    expect(results.sort()).toEqual([false, true]);
    expect(await redeemOperatorToken(store, "not a token", 5)).toBe(false);
  });
});

describe("GIVEN Discord guild entries", () => {
  it("THEN the owner, Administrator (0x8) or Manage Server (0x20) may manage; other bits may not", () => {
    expect(mayManage({ id: "1", owner: true, permissions: "0" })).toBe(true);
    expect(mayManage({ id: "1", permissions: "8" })).toBe(true);
    expect(mayManage({ id: "1", permissions: "32" })).toBe(true);
    expect(mayManage({ id: "1", permissions: String(0x10 | 0x2000 | 0x400) })).toBe(false);
    expect(mayManage({ id: "1", permissions: "2251799813685248" })).toBe(false);
    expect(mayManage({ id: "1", permissions: "not bits" })).toBe(false);
  });

  it("THEN only servers where the bot is count, and a malformed list counts as none", () => {
    const entries = [
      { id: "1", permissions: "32" },
      { id: "2", owner: true },
      { id: "3", permissions: "0" },
      null,
      "x",
    ];
    expect(manageableGuilds(entries, new Set(["1", "3"]))).toEqual(["1"]);
    expect(manageableGuilds({ message: "401" }, new Set(["1"]))).toEqual([]);
  });
});

describe("GIVEN cookies", () => {
  it("THEN a signed value verifies, and a changed value or signature or another secret's does not", () => {
    const signer = new CookieSigner("s".repeat(32));
    const signed = signer.sign("abc");
    expect(signer.verify(signed)).toBe("abc");
    expect(signer.verify(signed.replace("abc", "abd"))).toBeNull();
    expect(signer.verify(`${signed}x`)).toBeNull();
    expect(new CookieSigner("t".repeat(32)).verify(signed)).toBeNull();
    expect(signer.verify("abc")).toBeNull();
    expect(signer.verify(undefined)).toBeNull();
  });

  it("THEN parsing skips malformed pairs and keeps the first of a repeated name", () => {
    const cookies = parseCookies("a=1; bad; b=%E0%A4%A; a=2; c=x%20y");
    expect([...cookies]).toEqual([
      ["a", "1"],
      ["c", "x y"],
    ]);
    expect(serializeCookie("n", "v", { secure: true, maxAge: 0 })).toBe(
      "n=v; Path=/; SameSite=Lax; HttpOnly; Secure; Max-Age=0",
    );
  });
});

describe("GIVEN sessions on a fake clock", () => {
  it("THEN a session lives while used and ends 12 hours after its last request", async () => {
    let now = 0;
    const store = new MemorySessionStore();
    const sessions = new Sessions(store, () => now);
    const session = await sessions.open({ id: "operator", name: "operator" }, { kind: "operator" });
    now = 11 * 3600_000;
    expect(await sessions.find(session.id)).not.toBeNull();
    now += 12 * 3600_000;
    expect(await sessions.find(session.id)).not.toBeNull();
    now += 12 * 3600_000 + 1;
    expect(await sessions.find(session.id)).toBeNull();
    expect(store.size).toBe(0);
  });

  it("THEN the store keeps at most its maximum, dropping the least recently seen", async () => {
    const store = new MemorySessionStore(2);
    const sessions = new Sessions(store, () => 0);
    const [a, b, c] = [
      await sessions.open({ id: "a", name: "a" }, { kind: "operator" }),
      await sessions.open({ id: "b", name: "b" }, { kind: "operator" }),
      await sessions.open({ id: "c", name: "c" }, { kind: "operator" }),
    ];
    expect(await store.get(a.id)).toBeNull();
    expect(await store.get(b.id)).not.toBeNull();
    expect(await store.get(c.id)).not.toBeNull();
  });
});

describe("GIVEN the sign-in attempt limit", () => {
  it("THEN an address gets its burst, then waits for the refill; other addresses are not affected", () => {
    let now = 0;
    const limiter = new AttemptLimiter({ perMinute: 6, burst: 3 }, () => now);
    expect([1, 2, 3].map(() => limiter.take("10.0.0.1"))).toEqual([0, 0, 0]);
    expect(limiter.take("10.0.0.1")).toBe(10_000);
    expect(limiter.take("10.0.0.2")).toBe(0);
    now += 10_000;
    expect(limiter.take("10.0.0.1")).toBe(0);
    expect(limiter.take("10.0.0.1")).toBeGreaterThan(0);
  });
});

describe("GIVEN text for pages", () => {
  it("THEN interpolated values are escaped, nested templates are not escaped twice", () => {
    const title = `<script>alert("x")</script> & 'y'`;
    expect(html`<p>${title}</p>`.text).toBe(
      "<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;</p>",
    );
    expect(html`<ul>${["a<", "b"].map((x) => html`<li>${x}</li>`)}</ul>`.text).toBe(
      "<ul><li>a&lt;</li><li>b</li></ul>",
    );
    expect(html`${null}${undefined}${false}${0}`.text).toBe("0");
    expect(escapeHtml(`"'`)).toBe("&quot;&#39;");
  });

  it("THEN Accept-Language picks the best supported language by quality, English otherwise", () => {
    expect(fromAcceptLanguage("fr-CH, fr;q=0.9, en;q=0.8")).toBe("fr");
    expect(fromAcceptLanguage("de-DE, en;q=0.5, fr;q=0.7")).toBe("fr");
    expect(fromAcceptLanguage("de, es")).toBe("en");
    expect(fromAcceptLanguage("fr;q=0, en;q=0.1")).toBe("en");
    expect(fromAcceptLanguage(";;;q=,,")).toBe("en");
    expect(fromAcceptLanguage(undefined)).toBe("en");
  });
});
