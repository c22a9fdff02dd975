import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseArticleBytes } from "../../../src/content/read-article-file.js";
import { type FixtureServer, NO_EVAL_DATA, startFixtureServer } from "../../helpers/http-fixture-server.js";
import { spawnBot } from "../../helpers/spawn-bot.js";

/**
 * The `cli import` contract, as the checks use it: one JSON document with exactly the item fields,
 * exit 0 when the source was read, 1 when it could not be, 2 on usage errors; --dry-run writes
 * nothing. Each run is a real process against the fixture server on 127.0.0.1.
 */

const work = mkdtempSync(join(tmpdir(), "newsdesk-cli-import-"));
let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer();
  // Teasers linking to real pages (full text extracted) and to a dead page (the feed's text stays).
  const item = (path: string, guid: string, title: string) =>
    `<item><title>${title}</title><link>${server.url(path)}</link><guid isPermaLink="false">${guid}</guid>` +
    `<pubDate>Thu, 17 Jul 2025 08:30:00 GMT</pubDate><dc:creator>Desk</dc:creator>` +
    `<description>A short teaser for ${title}.</description></item>`;
  server.setBody(
    `<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Teasers</title>` +
      `${item("/pages/lemonde-1", "g1", "Renseignement")}${item("/pages/ars-1", "g2", "Ars")}` +
      `${item("/status/404", "g3", "Gone page")}</channel></rss>`,
  );
});
afterAll(async () => {
  await server.close();
  rmSync(work, { recursive: true, force: true });
});

const FEED = () => server.url("/bytes?type=application/rss%2Bxml");
const FIELDS = ["author", "date", "file", "fullText", "guid", "reason", "status", "title", "url"];

async function cli(args: string[], env: Record<string, string> = { FETCH_ALLOW_PRIVATE: "true" }) {
  const run = spawnBot({ LOG_LEVEL: "warn", DATABASE_PATH: join(work, "unused.db"), ...env }, "src/cli.ts", [
    "import",
    ...args,
  ]);
  const { code } = await run.exited;
  return { code, stdout: run.stdout(), stderr: run.stderr() };
}

describe.skipIf(NO_EVAL_DATA)("cli import", () => {
  it("GIVEN a feed THEN one JSON document of items with exactly the contract's fields, files written; again THEN unchanged", async () => {
    const dir = join(work, "content");
    const first = await cli([FEED(), "--content", dir, "--json"]);
    expect(first.code, first.stderr).toBe(0);
    const { items } = JSON.parse(first.stdout) as { items: Record<string, unknown>[] };
    expect(Object.keys(JSON.parse(first.stdout))).toEqual(["items"]);
    for (const item of items) expect(Object.keys(item).sort()).toEqual(FIELDS);
    expect(items.map((i) => [i.title, i.status, i.fullText, i.guid])).toEqual([
      ["Renseignement", "imported", true, "g1"],
      ["Ars", "imported", true, "g2"],
      ["Gone page", "imported", false, "g3"],
    ]);
    expect(items[0]).toMatchObject({ author: "Desk", date: "2025-07-17T08:30:00Z", reason: null });
    expect(items[2]?.reason).toMatch(/404/);
    for (const item of items) {
      const file = item.file as string;
      expect(existsSync(file), file).toBe(true);
      const parsed = parseArticleBytes(file.slice(dir.length + 1), readFileSync(file));
      expect(parsed.ok && parsed.warnings).toEqual([]);
    }

    const again = await cli([FEED(), "--content", dir, "--json"]);
    expect(again.code).toBe(0);
    const second = JSON.parse(again.stdout) as { items: { status: string; file: unknown }[] };
    expect(second.items.map((i) => [i.status, i.file])).toEqual([
      ["unchanged", null],
      ["unchanged", null],
      ["unchanged", null],
    ]);
  });

  it("GIVEN --dry-run THEN items are new, files null, and nothing is written", async () => {
    const dir = join(work, "dry");
    const pages = () => server.requests.filter((r) => r.path.startsWith("/pages/")).length;
    const before = pages();
    const run = await cli([FEED(), "--content", dir, "--dry-run", "--json", "--full-text", "always"]);
    expect(run.code, run.stderr).toBe(0);
    const { items } = JSON.parse(run.stdout) as { items: { status: string; file: unknown }[] };
    expect(items.map((i) => [i.status, i.file])).toEqual([
      ["new", null],
      ["new", null],
      ["new", null],
    ]);
    expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([]);
    // Only the feed was asked for: no page of the dry run was fetched.
    expect(pages()).toBe(before);
  });

  it("GIVEN a source that cannot be read THEN exit 1 with the reason, and a JSON document still", async () => {
    const dir = join(work, "never");
    const [refused, missing, notFeed] = await Promise.all([
      cli([FEED(), "--content", dir, "--json"], {}),
      cli([server.url("/status/404"), "--content", dir, "--json"]),
      cli([server.url("/feeds/README.md"), "--content", dir]),
    ]);
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout)).toEqual({ items: [], error: expect.stringMatching(/loopback/) });
    expect(refused.stderr).toMatch(/refused/);
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.stdout).error).toMatch(/404/);
    expect(notFeed.code).toBe(1);
    expect(notFeed.stdout).toBe("");
    expect(notFeed.stderr).toMatch(/not a feed or a page/);
    expect(existsSync(dir)).toBe(false);
  });

  it("GIVEN bad usage THEN one line on stderr and exit 2", async () => {
    const runs = await Promise.all([
      cli([]),
      cli(["not a url"]),
      cli([FEED(), "--full-text", "sometimes"]),
      cli([FEED(), FEED()]),
      cli([FEED(), "--dryrun"]),
    ]);
    for (const run of runs) {
      expect(run.code, run.stderr).toBe(2);
      expect(run.stderr.trim().split("\n")).toHaveLength(1);
      expect(run.stdout).toBe("");
    }
  });
});
