import { describe, expect, it } from "vitest";
import { parseDiscordLine, type RegisteredCommand, splitOptions } from "./discord-line.js";

/** The shapes the bot registers (src/platforms/discord/slash-commands.ts), trimmed to what is read. */
const COMMANDS: RegisteredCommand[] = [
  { name: "news", options: [{ type: 3, name: "query", required: false }] },
  { name: "latest", options: [{ type: 4, name: "count", required: false, min_value: 1, max_value: 5 }] },
  { name: "article", options: [{ type: 3, name: "article", required: true, autocomplete: true }] },
  {
    name: "schedule",
    options: [
      {
        type: 1,
        name: "post",
        options: [
          { type: 3, name: "article", required: true, autocomplete: true },
          { type: 3, name: "when", required: true, max_length: 80 },
        ],
      },
      {
        type: 1,
        name: "digest",
        options: [
          { type: 3, name: "cron", required: true },
          { type: 3, name: "topic", required: false },
        ],
      },
      { type: 1, name: "list" },
    ],
  },
  {
    name: "settings",
    options: [
      {
        type: 1,
        name: "language",
        options: [
          {
            type: 3,
            name: "language",
            required: true,
            choices: [
              { name: "en", value: "en" },
              { name: "fr", value: "fr" },
            ],
          },
        ],
      },
    ],
  },
];

const parse = (line: string) => parseDiscordLine(line, COMMANDS);

describe("GIVEN a slash command typed as a Discord user fills it in", () => {
  it("THEN an option's value runs to the next option name, spaces and colons included", () => {
    expect(parse("/schedule post article:000_df19e6179d96e4ae when:tomorrow 09:00")).toEqual({
      name: "schedule",
      subcommand: "post",
      options: { article: "000_df19e6179d96e4ae", when: "tomorrow 09:00" },
    });
    expect(parse("/schedule digest cron:0 9 * * 1-5 topic:bitcoin")).toMatchObject({
      options: { cron: "0 9 * * 1-5", topic: "bitcoin" },
    });
    // Options in any order, as the client lets you fill them.
    expect(parse("/schedule post when:in 2h article:pakistan bitcoin")).toMatchObject({
      options: { article: "pakistan bitcoin", when: "in 2h" },
    });
  });

  it("THEN a quoted value is taken as written, an option name inside it included", () => {
    expect(parse('/schedule post article:"prices when: markets close" when:"tomorrow 09:00"')).toMatchObject({
      options: { article: "prices when: markets close", when: "tomorrow 09:00" },
    });
    // An apostrophe inside a word is not a quote.
    expect(parse("/news query:l'électricité")).toMatchObject({ options: { query: "l'électricité" } });
    expect(parse("/news query:'s-Hertogenbosch")).toMatchObject({ options: { query: "'s-Hertogenbosch" } });
  });

  it("THEN text before any option fills the first option not given, and a word that only looks like one stays text", () => {
    expect(parse("/news bitcoin")).toEqual({ name: "news", options: { query: "bitcoin" } });
    expect(parse("/news price at 09:00 today")).toMatchObject({ options: { query: "price at 09:00 today" } });
    expect(parse("/schedule post 000_df19e6179d96e4ae when:in 2h")).toMatchObject({
      options: { article: "000_df19e6179d96e4ae", when: "in 2h" },
    });
    expect(parse("/news")).toEqual({ name: "news", options: {} });
  });

  it("THEN integers are sent as numbers and checked as the client checks them", () => {
    expect(parse("/latest count:3")).toEqual({ name: "latest", options: { count: 3 } });
    expect(parse("/latest count:9")).toEqual({ error: "/latest: count must be at most 5" });
    expect(parse("/latest count:three")).toEqual({ error: "/latest: count must be a whole number" });
    expect(parse("/settings language language:de")).toEqual({
      error: "/settings language: language must be one of: en, fr",
    });
  });

  it("THEN what the client would not send is said instead", () => {
    expect(parse("news bitcoin")).toMatchObject({ error: expect.stringContaining("starts with /") });
    expect(parse("/nope")).toMatchObject({
      error: expect.stringMatching(/^No command \/nope\. Commands: \/news/),
    });
    expect(parse("/schedule")).toEqual({ error: "/schedule needs one of: post, digest, list" });
    expect(parse("/schedule postpone x")).toEqual({
      error: '/schedule needs one of: post, digest, list (not "postpone")',
    });
    expect(parse("/schedule post article:x")).toEqual({ error: "/schedule post: when is required" });
    expect(parse("/schedule post article: when:in 2h")).toEqual({
      error: "/schedule post: article is required",
    });
    expect(parse("/news query:a query:b")).toEqual({ error: "/news: query is given twice" });
    expect(parse("/schedule list extra")).toEqual({
      error: '/schedule list: "extra" is not an option value; write name:value',
    });
    expect(parse('/news query:"bitcoin" price')).toEqual({
      error: '/news: text after the quoted value of query: "price"',
    });
    expect(parse(`/schedule post article:x when:${"9".repeat(81)}`)).toEqual({
      error: "/schedule post: when takes at most 80 characters",
    });
  });

  it("THEN for autocomplete the last option typed is the focused one, required options may be missing", () => {
    const complete = (line: string) => parseDiscordLine(line, COMMANDS, { autocomplete: true });
    expect(complete("/article article:Pak")).toEqual({
      name: "article",
      options: { article: "Pak" },
      focused: "article",
    });
    expect(complete("/article")).toEqual({ name: "article", options: { article: "" }, focused: "article" });
    expect(complete("/schedule post when:in 2h article:pak")).toMatchObject({
      subcommand: "post",
      focused: "article",
      options: { article: "pak", when: "in 2h" },
    });
  });
});

describe("GIVEN splitOptions alone", () => {
  it("THEN only the names given count as options, case aside, with = as well as :", () => {
    expect(splitOptions("a:b c when=now", ["when"])).toEqual({
      bare: "a:b c",
      given: new Map([["when", "now"]]),
    });
    expect(splitOptions("WHEN:now", ["when"])).toEqual({ bare: "", given: new Map([["when", "now"]]) });
  });
});
