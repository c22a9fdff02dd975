import { describe, expect, it } from "vitest";
import { defineCommand, defineGroup, defineSubcommand } from "../../../../src/framework/command.js";
import { textReply } from "../../../../src/framework/reply.js";
import { registry } from "../../../../src/framework/run-command.js";
import { buildSlashCommands, normaliseCommands } from "../../../../src/platforms/discord/slash-commands.js";

const d = (en: string) => ({ en, fr: `${en} (fr)` });
const run = () => textReply("ok");

const search = defineCommand({
  name: "news",
  description: d("Search the news"),
  access: "everyone",
  options: [
    { name: "query", type: "string", description: d("Words"), maxLength: 500 },
    { name: "count", type: "integer", description: d("How many"), min: 1, max: 10, required: true },
    { name: "sort", type: "string", description: d("Order"), choices: ["newest", "best"] },
    { name: "article", type: "article", description: d("Article") },
    { name: "part", type: "integer", description: d("Page"), hidden: true },
  ] as const,
  run,
});

const schedule = defineGroup({
  name: "schedule",
  description: d("Scheduled posts"),
  access: "moderator",
  subcommands: [
    defineSubcommand({
      name: "post",
      description: d("Post an article later"),
      options: [
        { name: "article", type: "article", description: d("Article"), required: true },
        { name: "when", type: "string", description: d("When"), required: true },
      ] as const,
      run,
    }),
    defineSubcommand({ name: "list", description: d("List them"), options: [] as const, run }),
  ],
});

/**
 * Built inside each test, not when the file is collected: the mutation run switches a mutant on
 * only while tests run, so output computed at collection would never see it.
 */
const build = () => buildSlashCommands(registry([search, schedule]));

describe("buildSlashCommands", () => {
  it("GIVEN a command with options THEN types, bounds, choices, autocomplete, French, hidden left out", () => {
    const [news] = build();
    expect(news).toMatchObject({
      type: 1,
      name: "news",
      description: "Search the news",
      description_localizations: { fr: "Search the news (fr)" },
      default_member_permissions: null,
      contexts: [0, 1],
    });
    expect(news?.options).toEqual([
      // Required options first: Discord refuses a required option after an optional one.
      {
        type: 4,
        name: "count",
        description: "How many",
        description_localizations: { fr: "How many (fr)" },
        required: true,
        min_value: 1,
        max_value: 10,
      },
      {
        type: 3,
        name: "query",
        description: "Words",
        description_localizations: { fr: "Words (fr)" },
        required: false,
        max_length: 500,
      },
      {
        type: 3,
        name: "sort",
        description: "Order",
        description_localizations: { fr: "Order (fr)" },
        required: false,
        choices: [
          { name: "newest", value: "newest" },
          { name: "best", value: "best" },
        ],
      },
      {
        type: 3,
        name: "article",
        description: "Article",
        description_localizations: { fr: "Article (fr)" },
        required: false,
        autocomplete: true,
      },
    ]);
  });

  it("GIVEN a moderator group THEN SUB_COMMAND options, ManageGuild by default, servers only", () => {
    const [, group] = build();
    expect(group).toMatchObject({ name: "schedule", default_member_permissions: "32", contexts: [0] });
    expect(group?.options?.map((o) => [o.type, o.name])).toEqual([
      [1, "post"],
      [1, "list"],
    ]);
    const post = group?.options?.[0];
    expect(post && "options" in post ? post.options?.map((o) => o.name) : []).toEqual(["article", "when"]);
    expect(group?.options?.[1]).not.toHaveProperty("options");
  });

  it("GIVEN a description over 100 characters THEN it is clipped", () => {
    const long = defineCommand({
      name: "long",
      description: d("x".repeat(150)),
      access: "everyone",
      options: [] as const,
      run,
    });
    const [built] = buildSlashCommands([long]);
    expect(built?.description).toHaveLength(100);
    expect(built?.description_localizations?.fr).toHaveLength(100);
  });

  it("GIVEN a name Discord refuses THEN building fails loudly", () => {
    const bad = defineCommand({
      name: "News",
      description: d("x"),
      access: "everyone",
      options: [] as const,
      run,
    });
    expect(() => buildSlashCommands([bad])).toThrow(/not a valid Discord/);
  });
});

describe("normaliseCommands", () => {
  it("GIVEN Discord's echo of our commands (ids, versions, defaults, other order) THEN they compare equal", () => {
    const local = build();
    const echoed = [...local].reverse().map((c) => ({
      ...c,
      id: "1",
      application_id: "2",
      version: "3",
      nsfw: false,
      dm_permission: true,
      name_localizations: null,
      options: c.options?.map((o) => ({ ...o, name_localizations: null })),
    }));
    expect(normaliseCommands(echoed)).toBe(normaliseCommands(local));
  });

  it("GIVEN a changed description, option or permission THEN they differ", () => {
    const local = build();
    const changed = local.map((c) => (c.name === "news" ? { ...c, description: "Other" } : c));
    expect(normaliseCommands(changed)).not.toBe(normaliseCommands(local));
    const noPerm = local.map((c) => ({ ...c, default_member_permissions: null }));
    expect(normaliseCommands(noPerm)).not.toBe(normaliseCommands(local));
    expect(normaliseCommands(local.slice(1))).not.toBe(normaliseCommands(local));
  });
});

describe("normaliseCommands: what decides a re-registration at start-up", () => {
  /** One command as Discord stores it, with the fields that differ case by case. */
  const echo = (option: Record<string, unknown> = {}, command: Record<string, unknown> = {}) => [
    {
      id: "1",
      name: "news",
      type: 1,
      description: "Search",
      description_localizations: { fr: "Chercher", de: "Suchen" },
      contexts: [1, 0],
      integration_types: [0],
      options: [
        {
          type: 4,
          name: "count",
          description: "How many",
          description_localizations: { fr: "Combien" },
          min_value: 1,
          max_value: 10,
          choices: [{ name: "one", value: 1, name_localizations: null }],
          ...option,
        },
      ],
      ...command,
    },
  ];
  const same = (a: unknown[], b: unknown[]) => normaliseCommands(a) === normaliseCommands(b);

  it("GIVEN Discord leaving out defaults (no type, required false, no autocomplete, empty localizations) THEN equal", () => {
    const base = echo();
    expect(same(echo({ required: false, autocomplete: false }), base)).toBe(true);
    expect(same(echo({}, { type: undefined }), base)).toBe(true);
    expect(same(echo({}, { contexts: [0, 1] }), base)).toBe(true);
    expect(same(echo({}, { description_localizations: { de: "Suchen", fr: "Chercher" } }), base)).toBe(true);
    expect(same(echo({ description_localizations: {} }), echo({ description_localizations: null }))).toBe(
      true,
    );
    expect(same(echo({}, { options: undefined }), echo({}, { options: [] }))).toBe(true);
    expect(same(echo({ description: undefined }), echo({ description: "" }))).toBe(true);
  });

  it.each([
    ["required", { required: true }],
    ["autocomplete", { autocomplete: true }],
    ["a minimum", { min_value: 2 }],
    ["a maximum", { max_value: 9 }],
    ["a length", { max_length: 50 }],
    ["a choice", { choices: [{ name: "two", value: 2 }] }],
    ["no choices", { choices: undefined }],
    ["an option description", { description: "Other" }],
    ["an option translation", { description_localizations: { fr: "Autre" } }],
    ["an option type", { type: 3 }],
  ])("GIVEN %s changed on an option THEN they differ", (_what, option) => {
    expect(same(echo(option), echo())).toBe(false);
  });

  it.each([
    ["the type", { type: 2 }],
    ["the contexts", { contexts: [0] }],
    ["no contexts", { contexts: undefined }],
    ["the installs", { integration_types: [0, 1] }],
    ["nsfw", { nsfw: true }],
    ["a translation", { description_localizations: { fr: "Autre" } }],
    ["no translations", { description_localizations: undefined }],
    ["no options", { options: undefined }],
  ])("GIVEN %s changed on the command THEN they differ", (_what, command) => {
    expect(same(echo({}, command), echo())).toBe(false);
  });
});

describe("buildSlashCommands: who sees a command", () => {
  it("GIVEN commands for everyone THEN no permission needed, servers and DMs, sorted by name, no empty options", () => {
    const plain = (name: string) =>
      defineCommand({ name, description: d(name), access: "everyone", options: [] as const, run });
    const built = buildSlashCommands(registry([plain("zeta"), plain("alpha")]));
    expect(built.map((c) => c.name)).toEqual(["alpha", "zeta"]);
    expect(built[0]).toEqual({
      type: 1,
      name: "alpha",
      description: "alpha",
      description_localizations: { fr: "alpha (fr)" },
      default_member_permissions: null,
      contexts: [0, 1],
      integration_types: [0],
    });
  });

  it("GIVEN more than 25 visible options THEN building fails naming the command; hidden ones do not count", () => {
    const options = Array.from({ length: 26 }, (_, i) => ({
      name: `o${i}`,
      type: "string" as const,
      description: d("x"),
      hidden: i === 25,
    }));
    const ok = defineCommand({ name: "many", description: d("x"), access: "everyone", options, run });
    expect(buildSlashCommands([ok])[0]?.options).toHaveLength(25);
    const tooMany = defineCommand({
      name: "many",
      description: d("x"),
      access: "everyone",
      options: options.map((o) => ({ ...o, hidden: false })),
      run,
    });
    expect(() => buildSlashCommands([tooMany])).toThrow("/many declares 26 options; Discord allows 25");
  });

  it("GIVEN integer choices THEN numbers, non-integers dropped, at most 25, names clipped to 100", () => {
    const choices = [
      "1",
      "2.5",
      "x",
      `${"9".repeat(120)}`,
      ...Array.from({ length: 30 }, (_, i) => String(i + 10)),
    ];
    const pick = defineCommand({
      name: "pick",
      description: d("x"),
      access: "everyone",
      options: [{ name: "n", type: "integer", description: d("x"), choices }] as const,
      run,
    });
    const option = buildSlashCommands([pick])[0]?.options?.[0] as {
      choices: { name: string; value: number }[];
    };
    expect(option.choices[0]).toEqual({ name: "1", value: 1 });
    expect(option.choices.map((c) => c.value)).not.toContain(2.5);
    expect(option.choices.some((c) => c.name === "x")).toBe(false);
    expect(option.choices.length).toBeLessThanOrEqual(25);
    expect(option.choices[1]?.name).toHaveLength(100);
  });

  it("GIVEN a very long text limit THEN max_length is capped at Discord's 6,000; text choices clipped to 100", () => {
    const text = defineCommand({
      name: "say",
      description: d("x"),
      access: "everyone",
      options: [
        { name: "t", type: "string", description: d("x"), maxLength: 10_000 },
        { name: "c", type: "string", description: d("x"), choices: ["a".repeat(120)] },
      ] as const,
      run,
    });
    const [t, c] = (buildSlashCommands([text])[0]?.options ?? []) as {
      max_length?: number;
      choices?: { name: string; value: string }[];
    }[];
    expect(t?.max_length).toBe(6000);
    expect(c?.choices?.[0]?.name).toHaveLength(100);
    expect(c?.choices?.[0]?.value).toHaveLength(100);
  });

  it("GIVEN a subcommand or option name Discord refuses THEN the error names where it is", () => {
    const group = defineGroup({
      name: "grp",
      description: d("x"),
      access: "everyone",
      subcommands: [defineSubcommand({ name: "Bad", description: d("x"), options: [] as const, run })],
    });
    expect(() => buildSlashCommands([group])).toThrow(
      '/grp Bad: "Bad" is not a valid Discord command or option name',
    );
    const option = defineCommand({
      name: "cmd",
      description: d("x"),
      access: "everyone",
      options: [{ name: "with space", type: "string", description: d("x") }] as const,
      run,
    });
    expect(() => buildSlashCommands([option])).toThrow("/cmd with space:");
  });
});
