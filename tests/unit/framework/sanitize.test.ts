import { describe, expect, it } from "vitest";
import article from "../../../commands/article.js";
import news from "../../../commands/news.js";
import schedule from "../../../commands/schedule.js";
import type { Services } from "../../../src/framework/command.js";
import { makeContext } from "../../../src/framework/context.js";
import { registry } from "../../../src/framework/run-command.js";
import { sanitizeUserText } from "../../../src/framework/sanitize.js";
import { sayTo } from "../../helpers/say.js";

const RLO = "\u202e";
const NUL = "\u0000";
/** Every bidi control, and the C0/C1 controls that must go, each beside a visible letter. */
const BIDI = [
  "\u061c",
  "\u200e",
  "\u200f",
  "\u202a",
  "\u202b",
  "\u202c",
  "\u202d",
  RLO,
  "\u2066",
  "\u2067",
  "\u2068",
  "\u2069",
];
const CONTROLS = [
  NUL,
  "\u0001",
  "\u0007",
  "\u0008",
  "\u000b",
  "\u000c",
  "\r",
  "\u001b",
  "\u007f",
  "\u0085",
  "\u009b",
];
const FORBIDDEN = new RegExp(`[${[...BIDI, ...CONTROLS].join("")}]|[\\ud800-\\udfff]`, "u");

const commands = registry([news, article, schedule]);
const nothing: Services = {
  library: {
    search: () => [],
    latest: () => [],
    resolve: () => ({ article: null, idShaped: true, closest: [] }),
    get: () => null,
  },
  log: { info() {}, warn() {}, error() {}, debug() {} },
} as unknown as Services;

const say = sayTo(commands, () =>
  makeContext({
    locale: "en",
    user: { id: "u1", name: "user" },
    channel: { platform: "telegram", id: "1" },
    isModerator: async () => true,
    textLimit: 4096,
    services: nothing,
  }),
);
const answer = async (line: string): Promise<string> => (await say(line)).plain;

describe("sanitizeUserText", () => {
  it("GIVEN bidi controls THEN removed; other controls THEN a space; newline and tab THEN kept", () => {
    for (const c of BIDI) expect(sanitizeUserText(`a${c}b`), JSON.stringify(c)).toBe("ab");
    for (const c of CONTROLS) expect(sanitizeUserText(`a${c}b`), JSON.stringify(c)).toBe("a b");
    expect(sanitizeUserText("a\nb\tc")).toBe("a\nb\tc");
  });

  it("GIVEN a lone surrogate THEN U+FFFD; a real pair (an emoji) THEN kept", () => {
    expect(sanitizeUserText("a\ud83db")).toBe("a\ufffdb");
    expect(sanitizeUserText("a\ude00b")).toBe("a\ufffdb");
    expect(sanitizeUserText("a😀b")).toBe("a😀b");
  });

  it("GIVEN ordinary text in any script THEN unchanged", () => {
    for (const text of ["électricité", "العربية", "עברית", "हिन्दी", "b̷i̸t", "👩‍💻"])
      expect(sanitizeUserText(text)).toBe(text);
  });
});

describe("GIVEN hostile characters in a command THEN the reply never echoes them", () => {
  it.each([
    ["a search query", `/news ${RLO}gnp.exe${NUL} bitcoin`, "Nothing found for “gnp.exe  bitcoin”"],
    ["an article id", `/article 2025-07-19${NUL}${RLO}-bitcoin`, "No article matches “2025-07-19 -bitcoin”"],
    ["a subcommand", `/schedule ${RLO}post\u001b[2J`, "no action “post [2j”"],
    ["a named option", `/news query=${RLO}x${NUL}y`, "Nothing found for “x y”"],
  ])("GIVEN %s THEN cleaned before it is echoed", async (_what, line, echoed) => {
    const text = await answer(line);
    expect(text).toContain(echoed);
    expect(text).not.toMatch(FORBIDDEN);
  });

  it("GIVEN every bidi and control character in a query THEN none reaches the reply", async () => {
    const text = await answer(`/news x${[...BIDI, ...CONTROLS].join("y")}z \ud800`);
    expect(text).toMatch(/^Nothing found for/);
    expect(text).not.toMatch(FORBIDDEN);
  });
});
