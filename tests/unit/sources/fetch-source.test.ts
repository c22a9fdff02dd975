import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Resolver } from "../../../src/sources/address-guard.js";
import { charsetOf, createFetcher, retryAfter } from "../../../src/sources/fetch-source.js";
import type { FetchOutcome } from "../../../src/sources/fetch-types.js";
import { USER_AGENT } from "../../../src/sources/user-agent.js";
import { FakeClock } from "../../helpers/fake-clock.js";
import { type FixtureServer, NO_EVAL_DATA, startFixtureServer } from "../../helpers/http-fixture-server.js";
import { waitFor } from "../../helpers/wait-for.js";

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(async () => {
  await server.close();
});

/** Private addresses allowed (the fixture is on 127.0.0.1); no pacing unless a test wants it. */
const open = (extra: Parameters<typeof createFetcher>[0] = {}) =>
  createFetcher({ guard: { allowPrivate: true }, hostIntervalMs: 0, ...extra });

function ok(outcome: FetchOutcome) {
  if (outcome.kind !== "ok") throw new Error(`expected ok, got ${JSON.stringify(outcome)}`);
  return outcome;
}

describe.skipIf(NO_EVAL_DATA)("createFetcher", () => {
  it("GIVEN a feed THEN it is fetched with Newsdesk's User-Agent and its validators are returned", async () => {
    const outcome = ok(
      await open().fetch({ url: server.url("/feeds/rss-parser/craigslist.rss"), purpose: "feed" }),
    );
    expect(outcome.body.toString("utf8")).toContain("<rdf:RDF");
    expect(outcome.etag).toMatch(/^"[0-9a-f]+"$/);
    expect(outcome.lastModified).toBe("Wed, 01 Jan 2025 00:00:00 GMT");
    expect(outcome.contentType).toBe("application/rss+xml");
    const sent = server.requests.at(-1);
    expect(sent?.headers["user-agent"]).toBe(USER_AGENT);
    expect(USER_AGENT).toMatch(/^Newsdesk\/\d+\.\d+\.\d+/);
  });

  it("GIVEN the validators of the last fetch THEN a 304 comes back as not-modified with them", async () => {
    const fetcher = open();
    const url = server.url("/feeds/rss-parser/craigslist.rss");
    const first = ok(await fetcher.fetch({ url, purpose: "feed" }));
    const second = await fetcher.fetch({
      url,
      purpose: "feed",
      etag: first.etag,
      lastModified: first.lastModified,
    });
    expect(second).toMatchObject({
      kind: "not-modified",
      etag: first.etag,
      lastModified: first.lastModified,
    });
    expect(server.requests.at(-1)?.headers["if-none-match"]).toBe(first.etag);
    const byDate = await fetcher.fetch({ url, purpose: "feed", lastModified: first.lastModified });
    expect(byDate.kind).toBe("not-modified");
  });

  it.each(["gzip", "deflate", "deflate-raw", "br"])(
    "GIVEN a %s body THEN it is decompressed",
    async (encoding) => {
      const plain = ok(
        await open().fetch({ url: server.url("/feeds/rss-parser/heraldsun.rss"), purpose: "feed" }),
      );
      const packed = ok(
        await open().fetch({
          url: server.url(`/${encoding}/feeds/rss-parser/heraldsun.rss`),
          purpose: "feed",
        }),
      );
      expect(packed.body.equals(plain.body)).toBe(true);
    },
  );

  it("GIVEN up to 5 redirects THEN the final answer is returned with its URL; 6 are refused", async () => {
    const five = ok(
      await open().fetch({ url: server.url("/redirect/5/feeds/rss-parser/craigslist.rss"), purpose: "feed" }),
    );
    expect(five.finalUrl).toBe(server.url("/feeds/rss-parser/craigslist.rss"));
    const six = await open().fetch({
      url: server.url("/redirect/6/feeds/rss-parser/craigslist.rss"),
      purpose: "feed",
    });
    expect(six).toMatchObject({ kind: "failed", reason: "more than 5 redirects" });
  });

  it("GIVEN a redirect to 127.0.0.1 THEN it is refused unless private addresses are allowed", async () => {
    const resolver: Resolver = async () => [{ address: "127.0.0.1", family: 4 }];
    const guarded = createFetcher({ guard: { allowHosts: ["fixture.test"], resolver }, hostIntervalMs: 0 });
    const target = server.url("/feeds/rss-parser/craigslist.rss");
    const start = `http://fixture.test:${server.port}/redirect-to?url=${encodeURIComponent(target)}`;
    const refused = await guarded.fetch({ url: start, purpose: "feed" });
    expect(refused.kind).toBe("refused");
    if (refused.kind === "refused") {
      expect(refused.reason).toContain(target);
      expect(refused.reason).toContain("127.0.0.1 is a loopback (127.0.0.0/8) address");
      expect(refused.reason).toContain(`redirected from ${start}`);
    }
    // The allowed host itself was reached (the refusal is the redirect's, not the first hop's).
    expect(
      ok(
        await guarded.fetch({
          url: `http://fixture.test:${server.port}/feeds/rss-parser/craigslist.rss`,
          purpose: "feed",
        }),
      ).status,
    ).toBe(200);
    const allowed = createFetcher({ guard: { allowPrivate: true, resolver }, hostIntervalMs: 0 });
    expect((await allowed.fetch({ url: start, purpose: "feed" })).kind).toBe("ok");
  });

  it("GIVEN the default guard THEN a feed on 127.0.0.1 is refused before any request is sent", async () => {
    const before = server.requests.length;
    const outcome = await createFetcher().fetch({
      url: server.url("/feeds/rss-parser/craigslist.rss"),
      purpose: "feed",
    });
    expect(outcome).toMatchObject({ kind: "refused" });
    if (outcome.kind === "refused")
      expect(outcome.reason).toContain(`refused ${server.url("/feeds/rss-parser/craigslist.rss")}`);
    expect(server.requests.length).toBe(before);
  });

  it("GIVEN a name whose resolver answers loopback THEN the lookup refuses and nothing is sent", async () => {
    const resolver: Resolver = async () => [{ address: "127.0.0.1", family: 4 }];
    const before = server.requests.length;
    const outcome = await createFetcher({ guard: { resolver }, hostIntervalMs: 0 }).fetch({
      url: `http://sneaky.test:${server.port}/feeds/rss-parser/craigslist.rss`,
      purpose: "feed",
    });
    expect(outcome.kind).toBe("refused");
    if (outcome.kind === "refused") expect(outcome.reason).toContain("sneaky.test resolves to 127.0.0.1");
    expect(server.requests.length).toBe(before);
  });

  it("GIVEN 410 THEN the outcome is gone; 429 with Retry-After THEN retry-later with the date, and the host is held", async () => {
    const clock = new FakeClock();
    clock.time = Date.parse("2025-01-01T00:00:00Z");
    const fetcher = open({ clock });
    expect((await fetcher.fetch({ url: server.url("/status/410"), purpose: "feed" })).kind).toBe("gone");
    const limited = await fetcher.fetch({ url: server.url("/status/429?retry-after=120"), purpose: "feed" });
    expect(limited).toMatchObject({ kind: "retry-later", status: 429, notBefore: clock.time + 120_000 });
    const before = server.requests.length;
    const held = await fetcher.fetch({
      url: server.url("/feeds/rss-parser/craigslist.rss"),
      purpose: "feed",
    });
    expect(held).toMatchObject({ kind: "retry-later", notBefore: clock.time + 120_000 });
    expect(server.requests.length).toBe(before);
    const unavailable = await open().fetch({
      url: server.url("/status/503?retry-after=Wed, 01 Jan 2031 00:00:00 GMT"),
      purpose: "feed",
    });
    expect(unavailable).toMatchObject({ kind: "retry-later", notBefore: Date.parse("2031-01-01T00:00:00Z") });
    expect(await open().fetch({ url: server.url("/status/500"), purpose: "feed" })).toMatchObject({
      kind: "failed",
      status: 500,
    });
  });

  it("GIVEN a response that never ends THEN the total timeout stops it", async () => {
    const outcome = await open({ totalTimeoutMs: 300 }).fetch({ url: server.url("/slow"), purpose: "feed" });
    expect(outcome).toMatchObject({ kind: "failed" });
    if (outcome.kind === "failed") expect(outcome.reason).toContain("no complete answer within 300 ms");
  });

  it("GIVEN a 6 MB body THEN it is refused at the 5 MB cap", async () => {
    const outcome = await open().fetch({ url: server.url("/oversized?mb=6"), purpose: "page" });
    expect(outcome).toMatchObject({ kind: "failed" });
    if (outcome.kind === "failed") expect(outcome.reason).toContain("larger than 5 MB");
    expect(ok(await open().fetch({ url: server.url("/oversized?mb=1"), purpose: "page" })).body.length).toBe(
      1024 * 1024,
    );
  });

  it("GIVEN a gzip bomb (64 KB inflating to 64 MB) THEN decompression stops at the cap", async () => {
    const outcome = await open({ maxBytes: 1024 * 1024 }).fetch({
      url: server.url("/bomb"),
      purpose: "feed",
    });
    expect(outcome).toMatchObject({ kind: "failed" });
    if (outcome.kind === "failed") expect(outcome.reason).toContain("larger than 1 MB");
  });

  it("GIVEN robots.txt disallowing a path THEN pages under it are refused, feeds are not, and robots.txt is read once", async () => {
    server.setRobots(
      "User-agent: *\nDisallow: /pages/\nAllow: /pages/001\n\nUser-agent: otherbot\nDisallow: /\n",
    );
    const before = server.requests.length;
    try {
      const fetcher = open();
      const refused = await fetcher.fetch({ url: server.url("/pages/aclu"), purpose: "page" });
      expect(refused).toMatchObject({
        kind: "refused",
        reason: `robots.txt of 127.0.0.1:${server.port} disallows /pages/aclu`,
      });
      expect((await fetcher.fetch({ url: server.url("/pages/001"), purpose: "page" })).kind).toBe("ok");
      expect(
        (await fetcher.fetch({ url: server.url("/feeds/rss-parser/craigslist.rss"), purpose: "feed" })).kind,
      ).toBe("ok");
      expect(server.requests.slice(before).filter((r) => r.path === "/robots.txt")).toHaveLength(1);
    } finally {
      server.setRobots(null);
    }
  });

  it("GIVEN robots.txt answering 503 THEN pages are not fetched (unreachable means disallowed); 404 THEN they are", async () => {
    server.setRobots(503);
    try {
      const refused = await open().fetch({ url: server.url("/pages/001"), purpose: "page" });
      expect(refused).toMatchObject({
        kind: "refused",
        reason: `robots.txt of 127.0.0.1:${server.port} disallows /pages/001`,
      });
    } finally {
      server.setRobots(null);
    }
    expect((await open().fetch({ url: server.url("/pages/001"), purpose: "page" })).kind).toBe("ok");
  });

  it("GIVEN two requests to one host THEN the second waits for the pacing interval on the clock", async () => {
    const clock = new FakeClock();
    const fetcher = createFetcher({ guard: { allowPrivate: true }, hostIntervalMs: 1_000, clock });
    const url = server.url("/feeds/rss-parser/craigslist.rss");
    expect((await fetcher.fetch({ url, purpose: "feed" })).kind).toBe("ok");
    const before = server.requests.length;
    let done = false;
    const second = fetcher.fetch({ url, purpose: "feed" }).then((o) => {
      done = true;
      return o;
    });
    await clock.advance(999);
    expect(server.requests.length).toBe(before);
    expect(done).toBe(false);
    await clock.advance(1);
    await waitFor(() => done, { what: "the paced request" });
    expect((await second).kind).toBe("ok");
    expect(server.requests.length).toBe(before + 1);
  });
});

describe("retryAfter and charsetOf", () => {
  it("GIVEN seconds or an HTTP date THEN an epoch time; garbage THEN null", () => {
    expect(retryAfter("30", 1_000)).toBe(31_000);
    expect(retryAfter("Thu, 01 Jan 1970 00:00:05 GMT", 1_000)).toBe(5_000);
    expect(retryAfter("Thu, 01 Jan 1970 00:00:00 GMT", 1_000)).toBe(1_000);
    expect(retryAfter("soon", 1_000)).toBeNull();
    expect(retryAfter(null, 1_000)).toBeNull();
  });
  it("GIVEN a Content-Type THEN its charset, lowercase", () => {
    expect(charsetOf('text/xml; charset="ISO-8859-1"')).toBe("iso-8859-1");
    expect(charsetOf("text/html")).toBeNull();
  });
});
