import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from "discord.js";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { PublishError } from "../../../src/domain/publisher.js";
import type { Platform } from "../../../src/framework/platform.js";
import { recordingLogger } from "../../helpers/recording-logger.js";
import { REAL_CONTENT, SEED_ID, SEED_TITLE } from "../../helpers/seed.js";
import { gate, waitFor } from "../../helpers/wait-for.js";
import {
  ask,
  buttonId,
  buttonLabels,
  cardButtons,
  expectNoViolations,
  messageBodies,
  openCore,
  slowRelease,
  startBot,
  TOKEN,
} from "./harness.js";
import { CHANNEL_ID, DiscordStandIn, LOCKED_CHANNEL_ID, MANAGE_GUILD } from "./stand-in.js";
import { EPHEMERAL } from "./stand-in-limits.js";

/** Where a post goes. */
const channel = (id: string) => ({ platform: "discord" as const, id });

describe("GIVEN the real discord.js against the stand-in, over content/", () => {
  let standIn: DiscordStandIn;
  let bot: Platform;
  let core: Awaited<ReturnType<typeof openCore>>;
  const logs = recordingLogger();

  beforeAll(async () => {
    standIn = await DiscordStandIn.start({ token: TOKEN });
    core = await openCore(REAL_CONTENT, logs.log);
    bot = await startBot({ standIn, commands: core.commands, services: core.services, log: logs.log });
  });

  afterEach(() => expectNoViolations(standIn));

  afterAll(async () => {
    await bot?.stop();
    await core?.close();
    await standIn?.close();
  });

  it("THEN start-up registers every command once, with French localizations and moderator permissions", async () => {
    const puts = standIn.calls.filter((c) => c.method === "PUT");
    expect(puts).toHaveLength(1);
    expect(puts[0]?.path).toBe("/applications/100000000000000001/commands");
    const get = standIn.calls.find((c) => c.method === "GET" && c.path.endsWith("/commands"));
    expect(get?.query).toContain("with_localizations=true");

    const body = puts[0]?.body as RESTPostAPIChatInputApplicationCommandsJSONBody[];
    const byName = new Map(body.map((c) => [c.name, c]));
    for (const name of ["news", "article", "facts", "latest", "topics", "help"])
      expect(byName.has(name)).toBe(true);
    for (const command of body) {
      expect(command.description_localizations?.fr).toBeTruthy();
      for (const option of command.options ?? []) expect(option.description_localizations?.fr).toBeTruthy();
    }
    const options = byName.get("article")?.options ?? [];
    expect(options.map((o) => o.name)).toEqual(["article"]); // "part" is hidden
    expect(options[0]).toMatchObject({ type: 3, autocomplete: true, required: true });
    expect(byName.get("purge")?.default_member_permissions).toBe(String(MANAGE_GUILD));
    const schedule = byName.get("schedule");
    expect(schedule?.default_member_permissions).toBe(String(MANAGE_GUILD));
    expect(schedule?.contexts).toEqual([0]); // servers only
    expect(schedule?.options?.map((o) => [o.type, o.name])).toContainEqual([1, "list"]);
    expect(byName.get("news")?.default_member_permissions).toBeNull();
  });

  it("THEN a second start with unchanged commands does not register them again", async () => {
    const { log } = recordingLogger();
    const again = await startBot({ standIn, commands: core.commands, services: core.services, log });
    await again.stop();
    expect(standIn.calls.filter((c) => c.method === "PUT")).toHaveLength(1);
    expect(standIn.calls.filter((c) => c.method === "GET" && c.path.endsWith("/commands"))).toHaveLength(2);
  });

  it("WHEN /news query:bitcoin THEN an embed with the seed title and Full text / Key facts buttons", async () => {
    const { answer } = await ask(standIn, { kind: "command", name: "news", options: { query: "bitcoin" } });
    expect(answer.content).toBe("Results for “bitcoin”");
    expect(answer.flags ?? 0).toBe(0);
    expect(answer.allowed_mentions).toEqual({ parse: [] });
    const labels = cardButtons(answer, SEED_TITLE).map(([label]) => label);
    expect(labels).toHaveLength(2);
    expect(labels[0]).toMatch(/Full text$/);
    expect(labels[1]).toMatch(/Key facts$/);
  });

  it("WHEN Full text is pressed THEN the article comes as a new message; Key facts likewise", async () => {
    const news = await ask(standIn, { kind: "command", name: "news", options: { query: "bitcoin" } });
    const [[, fullText = ""] = [], [, keyFacts = ""] = []] = cardButtons(news.answer, SEED_TITLE);
    const full = await ask(standIn, { kind: "button", customId: fullText, message: news.answer });
    expect(full.calls()[0]?.body.type).toBe(4);
    expect(full.answer.embeds[0].title).toBe(SEED_TITLE);
    expect(full.answer.embeds[0].description).toContain("Bilal Bin Saqib");
    const facts = await ask(standIn, { kind: "button", customId: keyFacts, message: news.answer });
    expect(facts.answer.embeds[0].title).toBe(`Key facts: ${SEED_TITLE}`);
  });

  it("WHEN /news has more than a page THEN every card keeps its buttons, and Next sends the next page", async () => {
    const first = await ask(standIn, { kind: "command", name: "news" });
    expect(buttonLabels(first.answer)).toHaveLength(11); // five cards of two, and Next
    expect(first.answer.embeds.at(-1).description).toBe("More results on the next page.");
    const next = await ask(standIn, {
      kind: "button",
      customId: buttonId(first.answer, "Next"),
      message: first.answer,
    });
    expect(next.answer.content).toBe("Latest articles, page 2");
    expect(buttonLabels(next.answer)).toEqual(expect.arrayContaining(["Previous", "Next"]));
    const titles = (body: { embeds: { title?: string }[] }) =>
      body.embeds.flatMap((e) => (e.title ? [e.title.replace(/^\d+\. /, "")] : []));
    expect(titles(next.answer).some((t) => titles(first.answer).includes(t))).toBe(false);
    expectNoViolations(standIn);
  });

  it("WHEN /facts article:<id> THEN the key facts card of that article", async () => {
    const { answer } = await ask(standIn, { kind: "command", name: "facts", options: { article: SEED_ID } });
    expect(answer.embeds[0].title).toBe(`Key facts: ${SEED_TITLE}`);
    expect(answer.embeds[0].footer.text).toBe(SEED_ID);
  });

  it("WHEN the article option is being typed THEN at most 25 matching titles, article ids as values", async () => {
    const { answer, calls } = await ask(standIn, {
      kind: "autocomplete",
      name: "article",
      options: { article: "Pakistan" },
      focused: "article",
    });
    expect(calls()[0]?.body.type).toBe(8);
    expect(answer.choices.length).toBeGreaterThan(0);
    expect(answer.choices.length).toBeLessThanOrEqual(25);
    expect(answer.choices[0]).toEqual({ name: SEED_TITLE, value: SEED_ID });
  });

  it("WHEN the user's locale is French THEN the answer is in French", async () => {
    const { answer } = await ask(standIn, {
      kind: "command",
      name: "news",
      options: { query: "bitcoin" },
      locale: "fr",
    });
    expect(answer.content).toBe("Résultats pour «\u00a0bitcoin\u00a0»");
    const labels = cardButtons(answer, SEED_TITLE).map(([label]) => label);
    expect(labels[0]).toMatch(/Texte intégral$/);
    expect(labels[1]).toMatch(/Points clés$/);
  });

  it("WHEN a member without ManageGuild runs a moderator command THEN a private refusal; with it, the answer", async () => {
    const refused = await ask(standIn, { kind: "command", name: "purge" });
    expect(refused.answer.content).toBe(
      "Only moderators can use /purge: in a server, members with the “Manage Server” permission.",
    );
    expect(refused.answer.flags).toBe(EPHEMERAL);
    const inDm = await ask(standIn, { kind: "command", name: "purge", dm: true, locale: "fr" });
    expect(inDm.answer.content).toBe(
      "Seuls les modérateurs peuvent utiliser /purge\u00a0: dans un serveur, les membres qui ont la permission «\u00a0Gérer le serveur\u00a0».",
    );
    const allowed = await ask(standIn, { kind: "command", name: "purge", permissions: MANAGE_GUILD });
    expect(allowed.answer.content).toBe("purged");
  });

  /** Sends a slow command and waits for its deferral, the handler still held at the gate. */
  const deferred = async (name: string, kind: "command" | "button" = "command") => {
    slowRelease.gate = gate();
    const input = kind === "command" ? { name } : { customId: `${name}?`, message: { content: "a message" } };
    const { token } = standIn.interact({ kind, ...input });
    const [callback] = await waitFor(
      () => (standIn.answers(token).length > 0 ? standIn.answers(token) : null),
      { what: `the deferral of ${name}` },
    );
    return { token, callback };
  };

  it("WHEN a handler takes longer than the deferral delay THEN the interaction is deferred, then the reply edited in", async () => {
    const { token, callback } = await deferred("slow");
    expect(callback?.body.type).toBe(5);
    slowRelease.gate.open();
    const edit = await waitFor(() => standIn.answers(token)[1], { what: "the edited reply" });
    expect(edit).toMatchObject({ method: "PATCH", path: expect.stringMatching(/\/messages\/@original$/) });
    expect(edit.body.content).toBe("done slowly");
  });

  it("WHEN a slow handler ends in an error THEN the public placeholder goes and the error is private", async () => {
    const { token, callback } = await deferred("slowfail");
    expect(callback?.body.type).toBe(5);
    slowRelease.gate.open();
    const calls = await waitFor(
      () =>
        standIn.answers(token).some((c) => c.method === "POST" && c.status === 200)
          ? standIn.answers(token)
          : null,
      { what: "the private follow-up" },
    );
    expect(calls.map((c) => c.method)).toEqual(["POST", "DELETE", "POST"]);
    expect(calls[2]?.body.flags).toBe(EPHEMERAL);
    expect(calls[2]?.body.content).toContain("No article matches");
  });

  it("WHEN a slow button press answers THEN it is deferred silently, and the answer follows up; an error follows up privately", async () => {
    const slow = await deferred("slow", "button");
    expect(slow.callback?.body.type).toBe(6);
    slowRelease.gate.open();
    const [, followUp] = await waitFor(
      () => (standIn.answers(slow.token).length > 1 ? standIn.answers(slow.token) : null),
      {
        what: "the follow-up",
      },
    );
    expect(followUp).toMatchObject({ method: "POST", status: 200, body: { content: "done slowly" } });

    const failing = await deferred("slowfail", "button");
    expect(failing.callback?.body.type).toBe(6);
    slowRelease.gate.open();
    const [, privately] = await waitFor(
      () => (standIn.answers(failing.token).length > 1 ? standIn.answers(failing.token) : null),
      { what: "the private error" },
    );
    expect(privately).toMatchObject({ method: "POST", status: 200 });
    expect(privately?.body.flags).toBe(EPHEMERAL);
  });

  it("WHEN a button's action has expired THEN a private message says so", async () => {
    const { answer } = await ask(standIn, { kind: "button", customId: "~no-such-action", locale: "fr" });
    expect(answer.content).toBe("Ce bouton a expiré. Relancez la commande.");
    expect(answer.flags).toBe(EPHEMERAL);
  });

  it("WHEN Discord refuses an answer THEN the user gets a private error with a reference, logged without the token", async () => {
    const refused = { code: 50035, message: "Invalid Form Body", errors: {} };
    standIn.failNext((method, path) => method === "POST" && path.endsWith("/callback"), 1, 400, refused);
    const { token } = standIn.interact({ kind: "command", name: "help" });
    const calls = await waitFor(
      () =>
        standIn.answers(token).filter((c) => c.status === 204).length > 0 ? standIn.answers(token) : null,
      { what: "the error reply" },
    );
    expect(calls.map((c) => c.status)).toEqual([400, 204]);
    expect(calls[1]?.body.data.flags).toBe(EPHEMERAL);
    const ref = /\(ref ([0-9a-f]{4})\)/.exec(calls[1]?.body.data.content)?.[1];
    expect(ref).toBeDefined();
    const line = JSON.stringify(logs.find(new RegExp(`"ref":"${ref}"`)));
    expect(line).toContain("50035");
    expect(line).not.toContain(token);
  });

  it("WHEN a channel post gets a 429 THEN it waits and posts exactly once", async () => {
    const route = `/channels/${CHANNEL_ID}/messages`;
    standIn.rateLimit((method, path) => method === "POST" && path === route, 1, 1);
    const started = Date.now();
    const { messageId } = await bot.publish(
      channel(CHANNEL_ID),
      { text: "Digest", cards: [] },
      { key: "digest:429" },
    );
    const posts = standIn.calls.filter((c) => c.method === "POST" && c.path === route);
    expect(posts.map((c) => c.status)).toEqual([429, 200]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(messageId).toMatch(/^\d+$/);
    expect(posts[1]?.body).toMatchObject({ allowed_mentions: { parse: [] }, enforce_nonce: true });
  });

  it("WHEN a post is resumed with the same key (a crash between send and done) THEN Discord keeps one message", async () => {
    const route = `/channels/${CHANNEL_ID}/messages`;
    const before = standIn.calls.filter((c) => c.method === "POST" && c.path === route).length;
    const reply = { text: "Resumed digest", cards: [] };
    // A real delivery key is longer than Discord's 25-character nonce: the adapter derives one.
    const key = `digest:discord:${CHANNEL_ID}:2025-07-17T09:00:00.000Z`;
    const first = await bot.publish(channel(CHANNEL_ID), reply, { key });
    const again = await bot.publish(channel(CHANNEL_ID), reply, { key });
    const other = await bot.publish(channel(CHANNEL_ID), reply, { key: `${key}-next` });
    const posts = standIn.calls.filter((c) => c.method === "POST" && c.path === route).slice(before);
    const nonces = posts.map((c) => String(c.body?.nonce));
    expect(nonces[0]).toBe(nonces[1]);
    expect(nonces[0]?.length).toBeLessThanOrEqual(25);
    expect(nonces[2]).not.toBe(nonces[0]);
    expect(again.messageId).toBe(first.messageId);
    expect(other.messageId).not.toBe(first.messageId);
  });

  it("WHEN a post goes to an unknown or forbidden channel THEN a permanent PublishError", async () => {
    const reply = { text: "x", cards: [] };
    const unknown = await bot
      .publish(channel("399999999999999999"), reply, { key: "k1" })
      .catch((e: unknown) => e);
    expect(unknown).toBeInstanceOf(PublishError);
    expect((unknown as PublishError).kind).toBe("permanent");
    const locked = await bot
      .publish(channel(LOCKED_CHANNEL_ID), reply, { key: "k2" })
      .catch((e: unknown) => e);
    expect((locked as PublishError).kind).toBe("permanent");
    expect((locked as PublishError).message).toContain("50013");
  });

  it("WHEN the gateway connection drops THEN the bot resumes and still answers", async () => {
    const resumes = standIn.resumes;
    standIn.dropConnection();
    await waitFor(() => standIn.resumes > resumes && standIn.ready, { what: "a resume" });
    const { answer } = await ask(standIn, { kind: "command", name: "news", options: { query: "bitcoin" } });
    expect(cardButtons(answer, SEED_TITLE)).toHaveLength(2);
    expect(logs.lines.filter((l) => l.msg?.includes("discord gateway lost"))).toHaveLength(1);
    expect(logs.find(/discord gateway resumed/)).toBeDefined();
  });

  it("THEN every message payload forbids mentions, and the token never reached the log", () => {
    const bodies = messageBodies(standIn.calls);
    expect(bodies.length).toBeGreaterThan(10);
    for (const body of bodies) expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(logs.text()).not.toContain(TOKEN);
  });
});
