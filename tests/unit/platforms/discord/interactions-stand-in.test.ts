import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { LibraryPort } from "../../../../src/domain/library.js";
import type { Services } from "../../../../src/framework/command.js";
import { defineCommand, defineGroup, defineSubcommand } from "../../../../src/framework/command.js";
import type { Platform } from "../../../../src/framework/platform.js";
import { textReply } from "../../../../src/framework/reply.js";
import { registry } from "../../../../src/framework/run-command.js";
import { createDiscordPlatform } from "../../../../src/platforms/discord/index.js";
import { ask, buttonId, expectNoViolations, TOKEN } from "../../../e2e/discord/harness.js";
import { DiscordStandIn, MANAGE_GUILD } from "../../../e2e/discord/stand-in.js";
import { recordingLogger } from "../../../helpers/recording-logger.js";
import { waitFor } from "../../../helpers/wait-for.js";

/**
 * How the Discord platform reads an interaction and answers it (interactions.ts, respond.ts), with
 * commands of the test's own against the strict stand-in: subcommand options, the caller and the
 * place, autocomplete, a button that replaces its message, and Discord refusing an answer.
 */
const EPHEMERAL = 64;
const d = { en: "x", fr: "x" };
let suggest: LibraryPort["suggest"] = () => [];

const commands = registry([
  defineGroup({
    name: "paper",
    description: d,
    access: "everyone",
    subcommands: [
      defineSubcommand({
        name: "find",
        description: d,
        options: [
          { name: "article", type: "article", description: d, required: true },
          { name: "note", type: "string", description: d },
          { name: "count", type: "integer", description: d },
        ] as const,
        run: async (ctx, { article, note, count }) =>
          textReply(
            [article, note, count, ctx.user.id, ctx.user.name, ctx.channel.id, await ctx.isModerator()].join(
              " ; ",
            ),
          ),
      }),
    ],
  }),
  defineCommand({
    name: "read",
    description: d,
    access: "everyone",
    options: [{ name: "article", type: "article", description: d }] as const,
    run: (_ctx, { article }) => textReply(`read ${article}`),
  }),
  defineCommand({
    name: "flip",
    description: d,
    access: "everyone",
    options: [{ name: "side", type: "string", description: d }] as const,
    run: (_ctx, { side }) =>
      side === "secret"
        ? textReply("just for you", { private: true })
        : textReply(`side ${side ?? "a"}`, {
            replacesOriginal: side !== undefined,
            buttons: [
              { label: "Flip", action: { command: "flip", args: { side: "b" } } },
              { label: "Secret", action: { command: "flip", args: { side: "secret" } } },
            ],
          }),
  }),
  defineCommand({
    name: "many",
    description: d,
    access: "everyone",
    options: [] as const,
    run: () => ({
      text: "many cards",
      cards: Array.from({ length: 12 }, (_, i) => ({
        title: `Card ${i + 1}`,
        body: [{ type: "paragraph" as const, text: "text" }],
      })),
    }),
  }),
]);

let standIn: DiscordStandIn;
let bot: Platform;
const logs = recordingLogger();

beforeAll(async () => {
  standIn = await DiscordStandIn.start({ token: TOKEN });
  bot = createDiscordPlatform({
    token: TOKEN,
    apiBase: standIn.apiBase,
    commands,
    services: {
      log: logs.log,
      library: { suggest: (p: string, n: number) => suggest(p, n) },
    } as unknown as Services,
    defaultLocale: "en",
    log: logs.log,
  });
  await bot.start();
});
afterEach(() => expectNoViolations(standIn));
afterAll(async () => {
  await bot?.stop();
  await standIn?.close();
});

describe("GIVEN a slash command", () => {
  it("WHEN it has a subcommand with options THEN the handler gets them, the caller's display name, the channel, and no moderator right", async () => {
    const { answer } = await ask(standIn, {
      kind: "command",
      name: "paper",
      subcommand: "find",
      options: { article: "a-1", count: 3 },
    });
    expect(answer.content).toBe("a-1 ;  ; 3 ; 600000000000000001 ; Reader ; 300000000000000001 ; false");
    expect(answer.allowed_mentions).toEqual({ parse: [] });
  });

  it("WHEN it comes from a DM THEN the channel is the DM's, and nobody is a moderator there", async () => {
    const { answer } = await ask(standIn, {
      kind: "command",
      name: "paper",
      subcommand: "find",
      options: { article: "a-2", note: "n" },
      dm: true,
      permissions: MANAGE_GUILD,
    });
    expect(answer.content).toBe("a-2 ; n ;  ; 600000000000000001 ; Reader ; 300000000000000099 ; false");
  });

  it("WHEN the member has Manage Server THEN they are a moderator", async () => {
    const { answer } = await ask(standIn, {
      kind: "command",
      name: "paper",
      subcommand: "find",
      options: { article: "a-3" },
      permissions: MANAGE_GUILD,
    });
    expect(answer.content).toMatch(/; true$/);
  });

  it("WHEN the reply needs more than one message THEN the first answers and the rest follow up, in order", async () => {
    const { token } = standIn.interact({ kind: "command", name: "many" });
    const calls = await waitFor(() => (standIn.answers(token).length >= 2 ? standIn.answers(token) : null), {
      what: "the follow-up",
    });
    expect(calls[0]?.body.type).toBe(4);
    expect(calls[0]?.body.data.embeds).toHaveLength(10);
    expect(calls[1]).toMatchObject({ method: "POST", path: expect.stringMatching(/^\/webhooks\//) });
    expect(calls[1]?.body.embeds.map((e: { title: string }) => e.title)).toEqual(["Card 11", "Card 12"]);
  });
});

describe("GIVEN autocomplete", () => {
  it("WHEN an article option is typed THEN titles matching come back with the ids as values", async () => {
    const asked: [string, number][] = [];
    suggest = (prefix, limit) => {
      asked.push([prefix, limit]);
      return [
        { id: "id-1", title: "Bitcoin in Salvador" },
        { id: "", title: "No id" },
      ];
    };
    const top = await ask(standIn, {
      kind: "autocomplete",
      name: "read",
      options: { article: "  bit " },
      focused: "article",
    });
    expect(top.answer.choices).toEqual([{ name: "Bitcoin in Salvador", value: "id-1" }]);
    expect(asked).toEqual([["bit", 25]]);
    const sub = await ask(standIn, {
      kind: "autocomplete",
      name: "paper",
      subcommand: "find",
      options: { article: "sal" },
      focused: "article",
    });
    expect(sub.answer.choices).toEqual([{ name: "Bitcoin in Salvador", value: "id-1" }]);
  });

  it("WHEN the option is not an article THEN no choices", async () => {
    suggest = () => [{ id: "id-1", title: "Anything" }];
    const { answer } = await ask(standIn, {
      kind: "autocomplete",
      name: "paper",
      subcommand: "find",
      options: { note: "x", article: "y" },
      focused: "note",
    });
    expect(answer.choices).toEqual([]);
  });

  it("WHEN the library fails THEN no choices, and a warning", async () => {
    suggest = () => {
      throw new Error("index locked");
    };
    const { answer } = await ask(standIn, {
      kind: "autocomplete",
      name: "read",
      options: { article: "x" },
      focused: "article",
    });
    expect(answer.choices).toEqual([]);
    const warning = logs.find(/autocomplete failed/);
    expect(warning?.level).toBe("warn");
    expect(warning?.obj).toMatchObject({ command: "read" });
  });
});

describe("GIVEN a button", () => {
  it("WHEN its reply replaces the original THEN the message is updated in place; a private reply is a new private message", async () => {
    const first = await ask(standIn, { kind: "command", name: "flip" });
    expect(first.answer.content).toBe("side a");
    const flip = await ask(standIn, {
      kind: "button",
      customId: buttonId(first.answer, "Flip"),
      message: first.answer,
    });
    expect(flip.calls()[0]?.body.type).toBe(7);
    expect(flip.answer.content).toBe("side b");
    const secret = await ask(standIn, {
      kind: "button",
      customId: buttonId(first.answer, "Secret"),
      message: first.answer,
    });
    expect(secret.calls()[0]?.body.type).toBe(4);
    expect(secret.answer).toMatchObject({ content: "just for you", flags: EPHEMERAL });
  });
});

describe("GIVEN Discord refuses the answer", () => {
  it("WHEN the interaction is unknown (expired) THEN it is logged as expired and nothing else is sent", async () => {
    standIn.failNext((method, path) => method === "POST" && path.endsWith("/callback"), 1, 404, {
      code: 10062,
      message: "Unknown interaction",
    });
    const { token } = standIn.interact({ kind: "command", name: "read", options: { article: "z" } });
    const line = await logs.waitForLine(/expired before the answer/);
    expect(line.level).toBe("warn");
    expect(line.obj).toMatchObject({ code: 10062, command: "read" });
    expect(standIn.answers(token).map((c) => c.status)).toEqual([404]);
    standIn.takeViolations();
  });

  it("WHEN the error reply is refused too THEN it warns that the user could not be told", async () => {
    standIn.failNext((method, path) => method === "POST" && path.endsWith("/callback"), 2, 400, {
      code: 50035,
      message: "Invalid Form Body",
      errors: {},
    });
    const { token } = standIn.interact({ kind: "command", name: "read", options: { article: "w" } });
    const line = await logs.waitForLine(/could not tell the user about a failed answer/);
    expect(line.level).toBe("warn");
    expect(standIn.answers(token).map((c) => c.status)).toEqual([400, 400]);
    standIn.takeViolations();
  });
});
