import { describe, expect, it } from "vitest";
import { discordButtons, discordLines, markdownLines } from "./render-discord.js";
import { telegramLines } from "./render-telegram.js";
import { box, type Line, lineWidth, run, serialize, type Terminal, terminalOf, wrap } from "./terminal.js";

const PLAIN: Terminal = { ansi: false, width: Number.POSITIVE_INFINITY };
const ANSI: Terminal = { ansi: true, width: 80 };
const text = (lines: Line[], term = PLAIN) => lines.map((l) => serialize(l, term)).join("\n");

describe("GIVEN Telegram HTML as the bot sends it", () => {
  const html =
    '<b>1. <a href="https://example.org/a?x=1&amp;y=2">Prix &amp; &lt;taxes&gt;</a></b>\n' +
    "<b>Date</b>: 17 July 2025 · <i>l’édito</i> <u>souligné</u> <s>barré</s> <code>/news</code> &quot;ok&quot; &#233;";

  it("THEN the plain rendering has no tag and no entity left, and keeps each link's address", () => {
    expect(text(telegramLines(html, "HTML"))).toBe(
      "1. Prix & <taxes> <https://example.org/a?x=1&y=2>\n" +
        'Date: 17 July 2025 · l’édito souligné barré /news "ok" é',
    );
  });

  it("THEN on a terminal each style is an ANSI attribute, nested ones combined, and none leaks past its text", () => {
    const [title = [], facts = []] = telegramLines(html, "HTML");
    const styled = serialize(title, ANSI);
    expect(styled).toContain("\x1b[0;1m1. \x1b[0m");
    expect(styled).toContain("\x1b[0;1;4mPrix & <taxes>\x1b[0m"); // bold link: both
    const line = serialize(facts, ANSI);
    for (const code of ["0;3m", "0;4m", "0;9m", "0;36m"]) expect(line).toContain(`\x1b[${code}`);
    // Plain text after a styled run starts from a reset: no style leaks into it.
    expect(line.endsWith('\x1b[0m "ok" é')).toBe(true);
  });

  it("THEN a link whose text is its address shows it once, and a message without parse_mode stays as typed", () => {
    expect(text(telegramLines('<a href="https://a.example/">https://a.example/</a>', "HTML"))).toBe(
      "https://a.example/",
    );
    expect(text(telegramLines("<b>not markup</b>", undefined))).toBe("<b>not markup</b>");
  });
});

describe("GIVEN a Discord message body as the bot sends it", () => {
  const body = {
    content: "Results for “bitcoin”",
    embeds: [
      {
        title: "1. Le \\*Pakistan\\* et El Salvador",
        url: "https://example.org/a_b_c",
        description: "**Contexte**\n\n• Bilal Bin Saqib a signé\n• le FMI \\_inquiet\\_",
        fields: [
          { name: "Date", value: "17 July 2025", inline: true },
          { name: "Catégorie", value: "BITCOIN", inline: false },
        ],
        footer: { text: "000_df19e6179d96e4ae" },
        color: 0x2f6fde,
      },
    ],
    components: [
      {
        type: 1,
        components: [
          { type: 2, style: 2, label: "1 · Full text", custom_id: "a" },
          { type: 2, style: 2, label: "1 · Key facts", custom_id: "b" },
        ],
      },
    ],
  };

  it("THEN each embed is a box with its title, link, description, fields and footer, escapes undone", () => {
    expect(text(discordLines(body, Number.POSITIVE_INFINITY))).toBe(
      [
        "Results for “bitcoin”",
        "╭─────────────────────────────────╮",
        "│ 1. Le *Pakistan* et El Salvador │",
        "│ https://example.org/a_b_c       │",
        "├─────────────────────────────────┤",
        "│ Contexte                        │",
        "│                                 │",
        "│ • Bilal Bin Saqib a signé       │",
        "│ • le FMI _inquiet_              │",
        "├─────────────────────────────────┤",
        "│ Date: 17 July 2025              │",
        "│ Catégorie                       │",
        "│ BITCOIN                         │",
        "├─────────────────────────────────┤",
        "│ 000_df19e6179d96e4ae            │",
        "╰─────────────────────────────────╯",
      ].join("\n"),
    );
  });

  it("THEN the box fits the width given, its text wrapped inside, its border in the embed's colour", () => {
    const lines = discordLines(body, 24);
    expect(Math.max(...lines.map(lineWidth))).toBeLessThanOrEqual(24);
    expect(text(lines)).toContain("│ • Bilal Bin Saqib a  │\n│   signé              │");
    expect(serialize(lines[1] ?? [], ANSI)).toContain("\x1b[0;38;2;47;111;222m╭");
  });

  it("THEN the buttons are listed in reading order with their row", () => {
    expect(discordButtons(body)).toEqual([
      { label: "1 · Full text", customId: "a", row: 0 },
      { label: "1 · Key facts", customId: "b", row: 0 },
    ]);
  });

  it("THEN markdown styles apply, a marker without a partner stays a character, URLs are not markdown", () => {
    const [line = []] = markdownLines(
      "**gras** *it* __sous__ ~~barré~~ `code` 5 * 3 https://x.example/a_b_c",
    );
    expect(line.map((r) => [r.text, Object.keys(r.style).join("")])).toEqual([
      ["gras", "bold"],
      [" ", ""],
      ["it", "italic"],
      [" ", ""],
      ["sous", "underline"],
      [" ", ""],
      ["barré", "strike"],
      [" ", ""],
      ["code", "code"],
      [" 5 * 3 https://x.example/a_b_c", ""],
    ]);
    expect(text(markdownLines("## Titre\n> cité\n[lien](https://a.example/)"))).toBe(
      "Titre\n▎ cité\nlien <https://a.example/>",
    );
  });
});

describe("GIVEN text wider than the terminal", () => {
  it("THEN it wraps between words, a bullet hangs under its text, a word longer than the line is cut", () => {
    const wrapped = wrap([run("• one two three four five six")], 12).map((l) => serialize(l, PLAIN));
    expect(wrapped).toEqual(["• one two", "  three four", "  five six"]);
    expect(wrap([run("abcdefghij")], 4).map((l) => serialize(l, PLAIN))).toEqual(["abcd", "efgh", "ij"]);
  });

  it("THEN styles survive the wrap, each printed line complete in itself", () => {
    const lines = wrap([run("plain "), run("bold words here", { bold: true })], 10);
    expect(lines.map((l) => serialize(l, ANSI))).toEqual([
      "plain \x1b[0;1mbold\x1b[0m",
      "\x1b[0;1mwords here\x1b[0m",
    ]);
  });

  it("THEN a box never outgrows the width, however long a word", () => {
    const lines = box([[[run("x".repeat(50))]]], 20);
    expect(lines.every((l) => lineWidth(l) <= 20)).toBe(true);
  });

  it("THEN a TTY wraps at its columns with colours, a pipe at COLUMNS (or 100) without, NO_COLOR honoured", () => {
    expect(terminalOf({ isTTY: true, columns: 72 }, {})).toEqual({ ansi: true, width: 72 });
    expect(terminalOf({ isTTY: true, columns: 72 }, { NO_COLOR: "1" })).toEqual({ ansi: false, width: 72 });
    expect(terminalOf({}, {})).toEqual({ ansi: false, width: 100 });
    expect(terminalOf({}, { COLUMNS: "300" })).toEqual({ ansi: false, width: 300 });
  });
});
