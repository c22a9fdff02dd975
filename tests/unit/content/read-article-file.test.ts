import { mkdtempSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { ParseOutcome } from "../../../src/content/article.js";
import {
  MAX_ARTICLE_BYTES,
  parseArticleBytes,
  readArticleFile,
} from "../../../src/content/read-article-file.js";
import { articleIdFromPath } from "../../../src/content/slug.js";
import { articleBody } from "../../../src/domain/article.js";

const dir = mkdtempSync(join(tmpdir(), "newsdesk-read-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TXT =
  "Titre de l'article\n\nNina Bardot | ENERGY | FR | 17 juillet 2025\nLe réseau a tenu pendant la vague de chaleur, selon l'opérateur.\n";

function reasonOf(outcome: ParseOutcome): string {
  if (outcome.ok) throw new Error("expected the file to be skipped");
  return outcome.reason;
}

describe("GIVEN the bytes of a file", () => {
  it("WHEN the extension is not .txt or .md THEN it is skipped with a reason naming it", () => {
    expect(reasonOf(parseArticleBytes("notes.docx", Buffer.from(TXT)))).toBe(
      '".docx" is not an article: only .txt and .md are read',
    );
    expect(reasonOf(parseArticleBytes("README", Buffer.from(TXT)))).toMatch(/without extension/);
  });

  it("WHEN a file on disk is not .txt or .md THEN it is refused by its name, never opened", async () => {
    // The file does not exist: a read would have said ENOENT.
    const outcome = await readArticleFile(join(dir, "missing.png"), "missing.png");
    expect(reasonOf(outcome)).toBe('".png" is not an article: only .txt and .md are read');
  });

  it("WHEN the extension is in capitals THEN it is still read", () => {
    expect(parseArticleBytes("NOTE.TXT", Buffer.from(TXT)).ok).toBe(true);
  });

  it("WHEN the file is empty THEN it is skipped", () => {
    expect(reasonOf(parseArticleBytes("a.txt", Buffer.alloc(0)))).toBe("the file is empty");
  });

  it("WHEN the file holds only whitespace THEN it is skipped", () => {
    expect(reasonOf(parseArticleBytes("a.md", Buffer.from(" \n\t\r\n \u00a0\n")))).toBe(
      "the file holds only whitespace",
    );
  });

  it("WHEN a word carries a long run of combining marks THEN the run is cut to 8 before the text is read", () => {
    // 200,000 marks would keep NFC busy for about ten seconds; cut first, it is a plain article.
    const zalgo = `b${"\u0301\u0316".repeat(100_000)}itcoin`;
    const outcome = parseArticleBytes("a.txt", Buffer.from(`${TXT}Le ${zalgo} monte.\n`));
    if (!outcome.ok) throw new Error(outcome.reason);
    const body = articleBody(outcome.article);
    expect(body).toContain("Le b");
    expect(body).toContain("itcoin monte.");
    expect(body.match(/\p{M}+/gu)?.map((run) => run.length)).toEqual([8]);
  });

  it("WHEN the file has NUL bytes THEN it is skipped as binary", () => {
    const bytes = Buffer.concat([Buffer.from(TXT), Buffer.from([0, 1, 2, 3]), Buffer.from(TXT)]);
    expect(reasonOf(parseArticleBytes("a.txt", bytes))).toBe("the file looks binary, not like text");
  });

  it("WHEN the file is mostly control characters THEN it is skipped as binary", () => {
    const bytes = Buffer.from(Array.from({ length: 400 }, (_, i) => (i % 5 === 0 ? 0x07 : 0x41)));
    expect(reasonOf(parseArticleBytes("a.txt", bytes))).toBe("the file looks binary, not like text");
  });

  it("WHEN the file is UTF-16 THEN the reason says how to fix it", () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TXT, "utf16le")]);
    expect(reasonOf(parseArticleBytes("a.txt", bytes))).toMatch(/UTF-16.*UTF-8/);
  });

  it("WHEN the bytes are Latin-1 THEN the article loads with its accents and a Latin-1 warning", () => {
    const bytes = Buffer.from(TXT, "latin1");
    expect(bytes.includes(0xe9)).toBe(true); // "é" as one Latin-1 byte, invalid as UTF-8
    const outcome = parseArticleBytes("a.txt", bytes);
    expect(outcome).toMatchObject({
      ok: true,
      article: { title: "Titre de l'article", date: "2025-07-17", lang: "fr" },
    });
    expect(outcome.ok && outcome.article.sections[0]?.text).toContain("Le réseau a tenu");
    expect(outcome.warnings).toEqual([expect.stringContaining("decoded as Latin-1")]);
  });

  it("WHEN the file starts with a UTF-8 BOM THEN the BOM is not part of the title", () => {
    const outcome = parseArticleBytes(
      "a.txt",
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TXT)]),
    );
    expect(outcome).toMatchObject({ ok: true, warnings: [], article: { title: "Titre de l'article" } });
  });

  it("WHEN a Markdown file starts with a BOM THEN its front matter is still found", () => {
    const md = "\ufeff---\ntitle: With BOM\nlang: en\n---\nBody text here.\n";
    expect(parseArticleBytes("a.md", Buffer.from(md))).toMatchObject({
      ok: true,
      article: { title: "With BOM" },
    });
  });

  it("WHEN lines end with CRLF THEN no carriage return is left and the byline is read", () => {
    const outcome = parseArticleBytes("a.txt", Buffer.from(TXT.replaceAll("\n", "\r\n")));
    expect(outcome).toMatchObject({ ok: true, article: { author: "Nina Bardot", date: "2025-07-17" } });
    expect(JSON.stringify(outcome)).not.toContain("\\r");
    const md = "---\r\ntitle: CRLF\r\n---\r\n## Part\r\nBody text.\r\n";
    expect(parseArticleBytes("a.md", Buffer.from(md))).toMatchObject({
      ok: true,
      article: { title: "CRLF", sections: [{ heading: "Part", text: "Body text." }] },
    });
  });

  it("WHEN the file is in a sub-folder THEN file keeps the path with forward slashes and id the base name", () => {
    const outcome = parseArticleBytes("2025\\juillet\\Énergie Été.txt", Buffer.from(TXT));
    expect(outcome).toMatchObject({
      ok: true,
      article: { id: "energie-ete", file: "2025/juillet/Énergie Été.txt" },
    });
  });

  it("WHEN the file name has no letter or digit THEN it is skipped", () => {
    expect(reasonOf(parseArticleBytes("???.txt", Buffer.from(TXT)))).toMatch(/no letter or digit/);
  });
});

describe("GIVEN a file on disk", () => {
  it("WHEN it is a normal article THEN readArticleFile parses it", async () => {
    const path = join(dir, "a.txt");
    writeFileSync(path, TXT);
    expect(await readArticleFile(path, "a.txt")).toMatchObject({
      ok: true,
      article: { id: "a", file: "a.txt" },
    });
  });

  it("WHEN it is larger than 5 MB THEN it is skipped without being read", async () => {
    const path = join(dir, "huge.txt");
    writeFileSync(path, TXT);
    truncateSync(path, MAX_ARTICLE_BYTES + 1);
    expect(reasonOf(await readArticleFile(path, "huge.txt"))).toMatch(/larger than 5 MB/);
  });

  it("WHEN it does not exist THEN the reason carries the error code, and nothing throws", async () => {
    expect(reasonOf(await readArticleFile(join(dir, "missing.txt"), "missing.txt"))).toBe(
      "the file could not be read (ENOENT)",
    );
  });

  it("WHEN the path is a folder THEN it is skipped", async () => {
    expect(reasonOf(await readArticleFile(dir, "folder.txt"))).toBe("it is not a regular file");
  });
});

describe("GIVEN a file path", () => {
  it.each([
    ["000_df19e6179d96e4ae.txt", "000_df19e6179d96e4ae"],
    ["sub/dir/2025-07-18-eu-mica-stablecoins.md", "2025-07-18-eu-mica-stablecoins"],
    ["Électricité & Minage (été).md", "electricite-minage-ete"],
    ["  Spaces  Everywhere .txt", "spaces-everywhere"],
    ["Œuvre_Straße.txt", "oeuvre_strasse"],
    ["windows\\path\\File.TXT", "file"],
    ["archive.tar.md", "archive-tar"],
  ])("WHEN it is %s THEN the id is %s", (path, id) => {
    expect(articleIdFromPath(path)).toBe(id);
  });
});
