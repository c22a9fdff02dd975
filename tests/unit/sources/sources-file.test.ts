import { describe, expect, it } from "vitest";
import { readSourcesFile } from "../../../src/sources/sources-file.js";

const ok = (text: string) => {
  const reading = readSourcesFile(text);
  if (!reading.ok) throw new Error(JSON.stringify(reading.problems));
  return reading;
};

describe("the sources file", () => {
  it("GIVEN a full entry and a bare one THEN every setting is read, and the defaults fill the rest", () => {
    const { sources, problems } = ok(`# feeds we follow
sources:
  - url: https://www.example.org/feed.xml
    name: Example News
    category: Tech
    tags: [science, space]
    lang: EN
    interval: 2h
    full_text: always
    folder: news/example
    announce_first: 3
  - url: https://blog.example.net/atom
`);
    expect(problems).toEqual([]);
    expect(sources).toEqual([
      {
        url: "https://www.example.org/feed.xml",
        name: "Example News",
        category: "Tech",
        tags: ["science", "space"],
        lang: "en",
        intervalMs: 2 * 3_600_000,
        fullText: "always",
        folder: "news/example",
        announceFirst: 3,
        fingerprint: expect.any(String),
        line: 3,
      },
      {
        url: "https://blog.example.net/atom",
        name: "blog.example.net",
        category: null,
        tags: [],
        lang: null,
        intervalMs: 15 * 60_000,
        fullText: "auto",
        folder: "blog-example-net",
        announceFirst: 0,
        fingerprint: expect.any(String),
        line: 12,
      },
    ]);
  });

  it("GIVEN bad entries THEN each is reported with its line and left out, and the good ones still run", () => {
    const reading = readSourcesFile(`sources:
  - url: https://a.example/feed
  - url: https://b.example/feed
    interval: 2
  - name: no url here
  - url: ftp://c.example/feed
  - url: https://d.example/feed
    full_text: sometimes
  - url: https://e.example/feed
    folder: ../../etc
  - url: https://f.example/feed
    fulltext: always
  - url: https://a.example/feed
  - url: https://g.example/feed
    announce_first: -1
  - just a string
  - url: https://h.example/feed
    folder: /var/www
  - url: https://i.example/feed
    interval: 30 min
`);
    expect(reading.ok).toBe(true);
    if (!reading.ok) return;
    expect(reading.sources.map((s) => [s.url, s.line])).toEqual([
      ["https://a.example/feed", 2],
      ["https://i.example/feed", 19],
    ]);
    expect(reading.problems.map((p) => p.line)).toEqual([4, 5, 6, 8, 10, 12, 13, 15, 16, 18]);
    const says = (line: number) => reading.problems.find((p) => p.line === line)?.message;
    expect(says(4)).toMatch(/at least 5 minutes/);
    expect(says(5)).toMatch(/needs a url/);
    expect(says(6)).toMatch(/http/);
    expect(says(8)).toMatch(/auto, always or never/);
    expect(says(10)).toMatch(/inside the content folder/);
    expect(says(12)).toMatch(/unknown key "fulltext"/);
    expect(says(13)).toMatch(/already listed at line 2/);
    expect(says(15)).toMatch(/announce_first/);
    expect(says(18)).toMatch(/absolute/);
  });

  it("GIVEN text that is not YAML, or not a list THEN the file is broken, with the line", () => {
    const broken = readSourcesFile("sources:\n  - url: https://a.example/\n  - url: [unclosed\n");
    expect(broken.ok).toBe(false);
    expect(broken.problems[0]?.message).toMatch(/not valid YAML/);
    expect(broken.problems[0]?.line).toBeGreaterThanOrEqual(3);
    const scalar = readSourcesFile("sources: https://a.example/\n");
    expect(scalar).toMatchObject({ ok: false, problems: [{ line: 1, message: /list of sources/ }] });
  });

  it("GIVEN an empty file, a bare list or a mapping THEN each reads", () => {
    expect(ok("")).toMatchObject({ sources: [] });
    expect(ok("# nothing yet\n")).toMatchObject({ sources: [] });
    expect(ok("sources:\n")).toMatchObject({ sources: [] });
    expect(ok("- url: https://a.example/\n").sources).toHaveLength(1);
  });

  it("GIVEN an entry moved or commented THEN its fingerprint stays; a setting changed THEN it changes", () => {
    const [before] = ok("sources:\n  - url: https://a.example/\n    interval: 30\n").sources;
    const [moved] = ok(
      "# moved\n\nsources:\n  # ours\n  - interval: 30   # minutes\n    url: https://a.example/\n",
    ).sources;
    const [changed] = ok("sources:\n  - url: https://a.example/\n    interval: 45\n").sources;
    expect(moved?.fingerprint).toBe(before?.fingerprint);
    expect(changed?.fingerprint).not.toBe(before?.fingerprint);
  });
});
