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

describe("buildSlashCommands", () => {
  const [news, group] = buildSlashCommands(registry([search, schedule]));

  it("GIVEN a command with options THEN types, bounds, choices, autocomplete, French, hidden left out", () => {
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
  const local = buildSlashCommands([search, schedule]);

  it("GIVEN Discord's echo of our commands (ids, versions, defaults, other order) THEN they compare equal", () => {
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
    const changed = local.map((c) => (c.name === "news" ? { ...c, description: "Other" } : c));
    expect(normaliseCommands(changed)).not.toBe(normaliseCommands(local));
    const noPerm = local.map((c) => ({ ...c, default_member_permissions: null }));
    expect(normaliseCommands(noPerm)).not.toBe(normaliseCommands(local));
    expect(normaliseCommands(local.slice(1))).not.toBe(normaliseCommands(local));
  });
});
