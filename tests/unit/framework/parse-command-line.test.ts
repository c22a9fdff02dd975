import { describe, expect, it } from "vitest";
import type { Action } from "../../../src/domain/reply.js";
import { defineCommand, defineGroup, defineSubcommand } from "../../../src/framework/command.js";
import { parseCommandLine } from "../../../src/framework/parse-command-line.js";
import { actionToCommandLine } from "../../../src/framework/reply.js";
import { registry } from "../../../src/framework/run-command.js";

const d = { en: "x", fr: "x" };
const commands = registry([
  defineCommand({
    name: "news",
    description: d,
    access: "everyone",
    options: [
      { name: "query", type: "string", description: d },
      { name: "page", type: "integer", description: d, hidden: true },
    ] as const,
    run: () => ({ cards: [] }),
  }),
  defineCommand({
    name: "article",
    description: d,
    access: "everyone",
    options: [
      { name: "article", type: "article", description: d, required: true },
      { name: "part", type: "integer", description: d, hidden: true },
    ] as const,
    run: () => ({ cards: [] }),
  }),
  defineGroup({
    name: "schedule",
    description: d,
    access: "moderator",
    subcommands: [
      defineSubcommand({
        name: "post",
        description: d,
        options: [
          { name: "article", type: "article", description: d, required: true },
          {
            name: "when",
            type: "string",
            description: d,
            placeholder: { en: "when", fr: "quand" },
            required: true,
          },
        ] as const,
        run: () => ({ cards: [] }),
      }),
      defineSubcommand({
        name: "digest",
        description: d,
        options: [
          {
            name: "cron",
            type: "string",
            description: d,
            required: true,
            consume: (rest: string) => {
              const m = /^((?:\S+\s+){4}\S+)\s*(.*)$/.exec(rest);
              return m?.[1] !== undefined ? { value: m[1], rest: m[2] ?? "" } : null;
            },
          },
          { name: "topic", type: "string", description: d },
        ] as const,
        run: () => ({ cards: [] }),
      }),
    ],
  }),
]);

describe("parseCommandLine", () => {
  it("GIVEN plain text THEN it is not a command", () => {
    expect(parseCommandLine("hello there", commands)).toBeNull();
    expect(parseCommandLine("", commands)).toBeNull();
  });

  it("GIVEN /news with words THEN the last option takes the rest of the line", () => {
    expect(parseCommandLine("/news l'électricité du pays", commands)).toMatchObject({
      command: "news",
      args: { query: "l'électricité du pays" },
      addressedTo: null,
    });
  });

  it("GIVEN /news@BotName THEN the bot name is kept apart from the query", () => {
    expect(parseCommandLine("/news@NewsdeskBot bitcoin", commands)).toMatchObject({
      command: "news",
      args: { query: "bitcoin" },
      addressedTo: "NewsdeskBot",
    });
  });

  it("GIVEN an unknown command THEN its name is returned for the error message", () => {
    expect(parseCommandLine("/nope a b", commands)).toMatchObject({ command: "nope", args: {} });
  });

  it("GIVEN name=value for a hidden option THEN it is set and removed from the text", () => {
    expect(parseCommandLine("/article article=seed-1 part=2", commands)?.args).toEqual({
      article: "seed-1",
      part: "2",
    });
  });

  it("GIVEN a subcommand THEN the options of that subcommand are read in order", () => {
    expect(parseCommandLine("/schedule post seed-1 tomorrow 09:00", commands)).toMatchObject({
      command: "schedule",
      subcommand: "post",
      args: { article: "seed-1", when: "tomorrow 09:00" },
    });
  });

  it("GIVEN a quoted first option THEN the quoted words are one value", () => {
    expect(parseCommandLine('/schedule post "bitcoin pakistan" in 2h', commands)?.args).toEqual({
      article: "bitcoin pakistan",
      when: "in 2h",
    });
    expect(parseCommandLine("/schedule post «prix du pétrole» in 2h", commands)?.args).toMatchObject({
      article: "prix du pétrole",
    });
  });

  it("GIVEN an option with a consume hook THEN it takes several words (a cron)", () => {
    expect(parseCommandLine("/schedule digest 0 9 * * 1-5 bitcoin", commands)?.args).toEqual({
      cron: "0 9 * * 1-5",
      topic: "bitcoin",
    });
  });

  it("GIVEN FTS operators and quotes in a query THEN they are passed through as text", () => {
    expect(parseCommandLine('/news "bitcoin" OR title:* NEAR(', commands)?.args).toEqual({
      query: '"bitcoin" OR title:* NEAR(',
    });
  });

  it("GIVEN a query wrapped whole in quotes THEN the quotes are dropped", () => {
    expect(parseCommandLine('/news "mining pakistan"', commands)?.args).toEqual({ query: "mining pakistan" });
  });
});

describe("named options take their whole value", () => {
  const args = (line: string) => parseCommandLine(line, commands)?.args;

  it.each([
    [
      "/schedule post article:000_df19e6179d96e4ae when:tomorrow 09:00",
      "000_df19e6179d96e4ae",
      "tomorrow 09:00",
    ],
    ["/schedule post article=seed-1 when=tomorrow 09:00", "seed-1", "tomorrow 09:00"],
    ['/schedule post article:seed-1 when:"tomorrow 09:00"', "seed-1", "tomorrow 09:00"],
    ["/schedule post when:tomorrow 09:00 article:seed-1", "seed-1", "tomorrow 09:00"],
    ["/schedule post seed-1 when:in 2 h", "seed-1", "in 2 h"],
    ["/schedule post seed-1 WHEN:in 2h", "seed-1", "in 2h"],
    ["/schedule post seed-1 quand:demain 09:00", "seed-1", "demain 09:00"],
    ['/schedule post article:"bitcoin when:mining" when:in 2h', "bitcoin when:mining", "in 2h"],
    ["/schedule post article:«prix du pétrole» when:in 2h", "prix du pétrole", "in 2h"],
  ])("GIVEN %s THEN article and when are read whole", (line, article, when) => {
    expect(args(line)).toEqual({ article, when });
  });

  it("GIVEN cron:0 9 * * 1-5 THEN the cron is the five fields", () => {
    expect(args("/schedule digest cron:0 9 * * 1-5")).toEqual({ cron: "0 9 * * 1-5" });
    expect(args("/schedule digest cron:0 9 * * 1-5 topic:bitcoin mining")).toEqual({
      cron: "0 9 * * 1-5",
      topic: "bitcoin mining",
    });
  });

  it("GIVEN a named cron followed by words THEN its consume hook takes the cron and the words go on", () => {
    expect(args("/schedule digest cron:0 9 * * 1-5 bitcoin")).toEqual({
      cron: "0 9 * * 1-5",
      topic: "bitcoin",
    });
  });

  it("GIVEN a name that is not an option THEN it is words of the query", () => {
    expect(args("/news https://example.org when:now")).toEqual({ query: "https://example.org when:now" });
    expect(args("/news query:bitcoin mining")).toEqual({ query: "bitcoin mining" });
  });

  it.each<Action>([
    { command: "news", args: { query: "bitcoin mining", page: 2 } },
    { command: "news", args: { query: 'say "hi" there', page: 3 } },
    { command: "article", args: { article: "seed-1", part: 4 } },
  ])("GIVEN a button's action THEN the command line the console shows reads back to it", (action) => {
    const parsed = parseCommandLine(actionToCommandLine(action), commands);
    expect(parsed?.command).toBe(action.command);
    expect(parsed?.args).toEqual(
      Object.fromEntries(Object.entries(action.args).map(([k, v]) => [k, String(v)])),
    );
  });
});
