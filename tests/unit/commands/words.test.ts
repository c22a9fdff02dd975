import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commands } from "../../../commands/index.js";
import { type Core, createCore } from "../../../src/core.js";
import { silentLogger } from "../../../src/domain/logger.js";
import type { Command } from "../../../src/framework/command.js";
import { sharedWords } from "../../../src/framework/messages.js";
import { findWords, templateProblem, type WordBook } from "../../../src/framework/words.js";
import { consoleWords } from "../../../src/platforms/console/console-words.js";
import { postWords } from "../../../src/schedule/post-words.js";
import { sayToConsole } from "../../helpers/say.js";
import { REAL_CONTENT, ROOT } from "../../helpers/seed.js";

/** Every book the bot says words from, named for the failure message. */
function books(): [string, WordBook<string>][] {
  const out: [string, WordBook<string>][] = [
    ["shared", sharedWords],
    ["posts", postWords],
    ["console", consoleWords],
  ];
  for (const command of commands) {
    if (command.words) out.push([`/${command.name}`, command.words]);
    for (const leaf of command.subcommands ?? [])
      if (leaf.words) out.push([`/${command.name} ${leaf.name}`, leaf.words]);
  }
  return out;
}

/** The parameters a template uses, inside plural and select cases too (their selectors are not). */
function placeholders(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "{" && depth++ === 0) open = i;
    if (text[i] === "}" && --depth === 0) {
      const inner = text.slice(open + 1, i);
      const form = /^\s*(\w+)\s*,\s*(?:plural|select)\s*,/.exec(inner);
      if (!form?.[1]) out.push(inner.trim());
      else {
        out.push(form[1]);
        // Each case is "selector {words}": the words may use parameters of their own.
        for (const body of inner.slice(form[0].length).matchAll(/[=\w-]+\s*\{((?:[^{}]|\{[^{}]*\})*)\}/g))
          out.push(...placeholders(body[1] ?? ""));
      }
    }
  }
  return out;
}

describe("every book", () => {
  it.each(books())(
    "GIVEN the words of %s THEN each template is sound and says the same things in both languages",
    (_name, book) => {
      expect(Object.keys(book.fr).sort()).toEqual(Object.keys(book.en).sort());
      for (const [key, en] of Object.entries(book.en)) {
        const fr = book.fr[key] ?? "";
        expect(templateProblem(en), `${key} (en)`).toBeNull();
        expect(templateProblem(fr), `${key} (fr)`).toBeNull();
        expect(new Set(placeholders(fr)), key).toEqual(new Set(placeholders(en)));
        // The typography rule ran: no ordinary space before a French mark that ends a word.
        expect(fr, key).not.toMatch(/ [:;!?](\s|$)/);
      }
    },
  );

  it("GIVEN a command THEN its own words live in commands/, the framework keeps only shared ones", () => {
    const shared = Object.keys(sharedWords.en);
    expect(shared.every((key) => /^(error|button|field)\./.test(key))).toBe(true);
  });
});

/** The keys a file throws as `new UserError("…")`. */
function thrown(file: string): string[] {
  const text = readFileSync(join(ROOT, file), "utf8");
  return [...text.matchAll(/UserError\(\s*"([^"]+)"/g)].map((m) => m[1] ?? "").filter((key) => key !== "");
}

const byName = (name: string): Command => {
  const found = commands.find((c) => c.name === name);
  if (!found) throw new Error(`no /${name}`);
  return found;
};

/** Whether running `command` can say `key`: its words (or its subcommands'), else the shared ones. */
function says(command: Command, key: string): boolean {
  const own = [command.words, ...(command.subcommands ?? []).map((s) => s.words)];
  const inScope = (book: WordBook<string> | undefined) =>
    book !== undefined && findWords([book], "en", key) !== undefined;
  if (inScope(sharedWords)) return true;
  return command.subcommands ? (command.subcommands ?? []).every((s) => inScope(s.words)) : own.some(inScope);
}

describe("every error key thrown has words where it is thrown", () => {
  const moderator = commands.filter((c) => c.access === "moderator");
  const sources: [string, Command[]][] = [
    ["src/schedule/scheduling-service.ts", moderator],
    ["src/framework/explain-cron.ts", moderator],
    ["src/framework/require-scheduling.ts", moderator],
    ["src/schedule/parse-when.ts", moderator],
    ["src/framework/run-command.ts", [...commands]],
    // What the commands share, with the commands that run it.
    ["commands/present.ts", ["article", "facts", "schedule"].map(byName)],
    ["commands/topic-option.ts", ["schedule", "subscribe", "unsubscribe"].map(byName)],
    ...readdirSync(join(ROOT, "commands"))
      .filter((f) => commands.some((c) => `${c.name}.ts` === f))
      .map((f): [string, Command[]] => [`commands/${f}`, [byName(f.replace(/\.ts$/, ""))]]),
  ];
  it("GIVEN a file in commands/ THEN it is a command, its words, the index, or a shared part listed here", () => {
    const listed = new Set([...sources.map(([file]) => file), "commands/index.ts"]);
    const files = readdirSync(join(ROOT, "commands")).filter(
      (f) => f.endsWith(".ts") && !f.includes(".words."),
    );
    expect(files.map((f) => `commands/${f}`).filter((f) => !listed.has(f))).toEqual([]);
  });
  it.each(sources)("GIVEN %s THEN each of its keys is said by the commands that run it", (file, runners) => {
    for (const key of thrown(file)) {
      for (const command of runners) expect(says(command, key), `${key} in /${command.name}`).toBe(true);
    }
  });
});

describe("words as users read them", () => {
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
  const say = sayToConsole(() => core);

  it("GIVEN /latest 1 THEN one article is singular in both languages", async () => {
    expect((await say("/latest 1")).text).toBe("The latest article");
    expect((await say("/latest 1", "fr")).text).toBe("Le dernier article");
    expect((await say("/latest 2", "fr")).text).toBe("Les 2 derniers articles");
  });

  it("GIVEN /help in French THEN the placeholders are French", async () => {
    const text = (await say("/help", "fr")).plain;
    expect(text).toContain("/news [requête]");
    expect(text).toContain("/schedule post <article> <quand>");
    expect(text).toContain("/schedule cancel <identifiant>");
    expect(text).not.toMatch(/\[query\]|<when>/);
  });

  it("GIVEN a French card THEN a label is set like every other French colon", async () => {
    const text = (await say("/latest 1", "fr")).plain;
    expect(text).toMatch(/\nDate\u00a0: /);
    expect(text).not.toMatch(/\w: /);
  });

  it("GIVEN a missing option in French THEN its French name and usage are shown", async () => {
    const text = (await say("/schedule post", "fr")).text ?? "";
    expect(text).toContain("Il manque «\u00a0article\u00a0»");
    expect(text).toContain("/schedule post <article> <quand>");
  });
});
