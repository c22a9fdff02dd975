import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { APP_ID, CHANNEL_ID, DiscordStandIn } from "./stand-in.js";
import { DISCORD_LIMITS, EPHEMERAL } from "./stand-in-limits.js";

/**
 * The stand-in refuses what Discord refuses, with Discord's answer, and records it: checked here
 * with raw HTTP, so the bot's own tests can trust "no violation" to mean "Discord would have
 * taken it". Every limit is tried at its value (accepted) and one past it (refused).
 */

const TOKEN = "self-test-token.Qq1";
let now = 1_750_000_000_000;
let standIn: DiscordStandIn;

beforeAll(async () => {
  standIn = await DiscordStandIn.start({ token: TOKEN, now: () => now });
});
afterAll(async () => {
  await standIn?.close();
});
afterEach(() => {
  standIn.takeViolations();
});

async function call(method: string, path: string, body?: unknown, auth: string | null = `Bot ${TOKEN}`) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (auth) headers.authorization = auth;
  const response = await fetch(`${standIn.apiBase}/v10${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  // biome-ignore lint/suspicious/noExplicitAny: Discord's JSON answers
  return { status: response.status, json: (text ? JSON.parse(text) : null) as any };
}

const post = (body: unknown) => call("POST", `/channels/${CHANNEL_ID}/messages`, body);
const NONE = { parse: [] };
const text = (n: number) => "x".repeat(n);

describe("GIVEN the stand-in's REST routes", () => {
  it("WHEN the Authorization header is missing or holds another token THEN 401 as Discord answers", async () => {
    for (const auth of [null, "Bot other-token", `Bearer ${TOKEN}`]) {
      const { status, json } = await call("GET", "/gateway/bot", undefined, auth);
      expect(status).toBe(401);
      expect(json).toEqual({ code: 0, message: "401: Unauthorized" });
    }
    expect((await call("GET", "/gateway/bot")).status).toBe(200);
    expect(standIn.takeViolations().map((v) => v.rule)).toEqual([
      "no Authorization header",
      "a wrong bot token",
      "a wrong bot token",
    ]);
  });

  const embed = (fields: Record<string, unknown>) => ({ embeds: [fields], allowed_mentions: NONE });
  const cases: [string, (n: number) => unknown, number, (string | number)[]][] = [
    ["content", (n) => ({ content: text(n), allowed_mentions: NONE }), DISCORD_LIMITS.content, ["content"]],
    ["embed title", (n) => embed({ title: text(n) }), DISCORD_LIMITS.embedTitle, ["embeds", 0, "title"]],
    [
      "embed description",
      (n) => embed({ description: text(n) }),
      DISCORD_LIMITS.embedDescription,
      ["embeds", 0, "description"],
    ],
    [
      "field name",
      (n) => embed({ fields: [{ name: text(n), value: "v" }] }),
      DISCORD_LIMITS.fieldName,
      ["embeds", 0, "fields", 0, "name"],
    ],
    [
      "field value",
      (n) => embed({ fields: [{ name: "n", value: text(n) }] }),
      DISCORD_LIMITS.fieldValue,
      ["embeds", 0, "fields", 0, "value"],
    ],
    [
      "fields per embed",
      (n) => embed({ fields: Array.from({ length: n }, () => ({ name: "n", value: "v" })) }),
      DISCORD_LIMITS.fieldsPerEmbed,
      ["embeds", 0, "fields"],
    ],
    [
      "footer text",
      (n) => embed({ footer: { text: text(n) } }),
      DISCORD_LIMITS.footerText,
      ["embeds", 0, "footer", "text"],
    ],
    [
      "author name",
      (n) => embed({ author: { name: text(n) } }),
      DISCORD_LIMITS.authorName,
      ["embeds", 0, "author", "name"],
    ],
    [
      "embeds per message",
      (n) => ({ embeds: Array.from({ length: n }, () => ({ title: "t" })), allowed_mentions: NONE }),
      DISCORD_LIMITS.embedsPerMessage,
      ["embeds"],
    ],
    [
      "characters across all embeds",
      (n) => ({
        embeds: [{ description: text(4000) }, { description: text(n - 4000) }],
        allowed_mentions: NONE,
      }),
      DISCORD_LIMITS.embedTotal,
      ["embeds"],
    ],
    [
      "action rows",
      (n) => ({ content: "c", components: Array.from({ length: n }, (_, i) => row(1, `r${i}`)) }),
      DISCORD_LIMITS.actionRows,
      ["components"],
    ],
    [
      "buttons per row",
      (n) => ({ content: "c", components: [row(n, "b")] }),
      DISCORD_LIMITS.buttonsPerRow,
      ["components", 0, "components"],
    ],
    [
      "custom_id",
      (n) => ({ content: "c", components: [{ type: 1, components: [button("b", text(n))] }] }),
      DISCORD_LIMITS.customId,
      ["components", 0, "components", 0, "custom_id"],
    ],
    [
      "button label",
      (n) => ({ content: "c", components: [{ type: 1, components: [button(text(n), "id")] }] }),
      DISCORD_LIMITS.buttonLabel,
      ["components", 0, "components", 0, "label"],
    ],
    [
      "nonce",
      (n) => ({ content: "c", nonce: text(n), enforce_nonce: true, allowed_mentions: NONE }),
      DISCORD_LIMITS.nonce,
      ["nonce"],
    ],
  ];

  for (const [what, build, limit, path] of cases) {
    it(`WHEN the ${what} is at ${limit} THEN accepted; at ${limit + 1} THEN 400 Invalid Form Body naming it`, async () => {
      const ok = await post(build(limit));
      expect(ok.status).toBe(200);
      const refused = await post(build(limit + 1));
      expect(refused.status).toBe(400);
      expect(refused.json).toMatchObject({ code: 50035, message: "Invalid Form Body" });
      let node = refused.json.errors;
      for (const key of path) node = node?.[key];
      expect(node?._errors?.length).toBeGreaterThan(0);
      expect(standIn.takeViolations()).toHaveLength(1);
    });
  }

  it("WHEN embed texts carry surrounding spaces THEN they are trimmed before counting, as Discord documents", async () => {
    expect((await post(embed({ title: `  ${text(DISCORD_LIMITS.embedTitle)}  ` }))).status).toBe(200);
  });

  it("WHEN a message is empty, an embed URL is not http(s) or two buttons share a custom_id THEN 400", async () => {
    expect((await post({ content: "", allowed_mentions: NONE })).json).toEqual({
      code: 50006,
      message: "Cannot send an empty message",
    });
    const url = await post(embed({ title: "t", url: "javascript:alert(1)" }));
    expect(url.json.errors.embeds[0].url._errors[0].code).toBe("URL_TYPE_INVALID_SCHEME");
    const twins = await post({
      content: "c",
      components: [{ type: 1, components: [button("a", "same"), button("b", "same")] }],
    });
    expect(twins.json.errors.components._errors[0].code).toBe("COMPONENT_CUSTOM_ID_DUPLICATED");
  });

  it("WHEN allowed_mentions has parse with users, an unknown type or an unknown key THEN 400", async () => {
    const both = await post({ content: "c", allowed_mentions: { parse: ["users"], users: ["1"] } });
    expect(both.json.errors.allowed_mentions._errors[0].code).toBe(
      "MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE",
    );
    const type = await post({ content: "c", allowed_mentions: { parse: ["channels"] } });
    expect(type.json.errors.allowed_mentions.parse[0]._errors[0].code).toBe("BASE_TYPE_CHOICES");
    const key = await post({ content: "c", allowed_mentions: { pars: [] } });
    expect(key.status).toBe(400);
    expect(standIn.takeViolations()).toHaveLength(3);
  });

  it("WHEN a mention would ping THEN Discord takes it, and the stand-in records it as a violation", async () => {
    expect((await post({ content: "hi @everyone" })).status).toBe(200);
    expect((await post({ content: "hi <@&123>", allowed_mentions: { roles: ["123"] } })).status).toBe(200);
    expect((await post({ content: "hi @everyone <@&123> <@456>", allowed_mentions: NONE })).status).toBe(200);
    expect(standIn.takeViolations().map((v) => v.rule)).toEqual([
      "would ping: @everyone",
      "would ping: <@&123>",
    ]);
  });

  it("WHEN a nonce is resent with enforce_nonce THEN the same message for a few minutes only; without it, a twin", async () => {
    const body = { content: "once", nonce: "delivery-42-0", enforce_nonce: true, allowed_mentions: NONE };
    const first = await post(body);
    const again = await post(body);
    expect(again.json.id).toBe(first.json.id);
    now += DISCORD_LIMITS.nonceWindowMs + 1;
    const later = await post(body);
    expect(later.json.id).not.toBe(first.json.id);
    const plain = { content: "twice", nonce: "delivery-43-0", allowed_mentions: NONE };
    expect((await post(plain)).json.id).not.toBe((await post(plain)).json.id);
  });
});

describe("GIVEN an interaction", () => {
  const callback = (i: { id: string; token: string }, body: unknown) =>
    call("POST", `/interactions/${i.id}/${i.token}/callback`, body, null);
  const webhook = (method: string, i: { token: string }, rest = "", body?: unknown) =>
    call(method, `/webhooks/${APP_ID}/${i.token}${rest}`, body, null);
  const reply = { type: 4, data: { content: "hello", allowed_mentions: NONE } };

  it("WHEN it is answered twice THEN the second gets 40060 'already acknowledged'", async () => {
    const i = standIn.interact({ kind: "command", name: "news" });
    expect((await callback(i, reply)).status).toBe(204);
    const second = await callback(i, reply);
    expect(second).toEqual({
      status: 400,
      json: { code: 40060, message: "Interaction has already been acknowledged." },
    });
    expect(standIn.takeViolations().map((v) => v.rule)).toEqual(["a second initial response"]);
  });

  it("WHEN a follow-up or an edit of @original comes before the initial response THEN 404", async () => {
    const i = standIn.interact({ kind: "command", name: "news" });
    expect((await webhook("POST", i, "", { content: "early", allowed_mentions: NONE })).json.code).toBe(
      10015,
    );
    expect((await webhook("PATCH", i, "/messages/@original", { content: "early" })).json.code).toBe(10008);
    expect(standIn.takeViolations()).toHaveLength(2);
    expect((await callback(i, reply)).status).toBe(204);
    expect((await webhook("POST", i, "", { content: "after", allowed_mentions: NONE })).status).toBe(200);
    expect((await webhook("GET", i, "/messages/@original")).json.content).toBe("hello");
  });

  it("WHEN the callback type does not fit the interaction THEN 400 naming the allowed types", async () => {
    const auto = standIn.interact({ kind: "autocomplete", name: "article", focused: "article" });
    const wrong = await callback(auto, reply);
    expect(wrong.json.errors.type._errors[0].message).toBe("Value must be one of {8}.");
    const command = standIn.interact({ kind: "command", name: "news" });
    expect((await callback(command, { type: 7, data: { content: "x" } })).status).toBe(400);
    expect((await callback(command, { type: 8, data: { choices: [] } })).status).toBe(400);
    const many = Array.from({ length: DISCORD_LIMITS.choices + 1 }, (_, n) => ({
      name: `c${n}`,
      value: `${n}`,
    }));
    expect((await callback(auto, { type: 8, data: { choices: many } })).status).toBe(400);
    expect((await callback(auto, { type: 8, data: { choices: many.slice(1) } })).status).toBe(204);
  });

  it("WHEN the initial response comes after 3 s THEN 10062 Unknown interaction; a token past 15 minutes is refused", async () => {
    const late = standIn.interact({ kind: "command", name: "news" });
    now += DISCORD_LIMITS.initialResponseMs + 1;
    expect((await callback(late, reply)).json).toEqual({ code: 10062, message: "Unknown interaction" });

    const i = standIn.interact({ kind: "command", name: "news" });
    expect((await callback(i, { type: 5 })).status).toBe(204);
    now += DISCORD_LIMITS.tokenLifetimeMs + 1;
    const expired = await webhook("PATCH", i, "/messages/@original", { content: "too late" });
    expect(expired).toEqual({ status: 401, json: { code: 50027, message: "Invalid Webhook Token" } });
  });

  it("WHEN a private follow-up comes straight after a public deferral THEN Discord shows it to all: a violation", async () => {
    const i = standIn.interact({ kind: "command", name: "news" });
    expect((await callback(i, { type: 5 })).status).toBe(204);
    const followUp = await webhook("POST", i, "", {
      content: "secret",
      flags: EPHEMERAL,
      allowed_mentions: NONE,
    });
    expect(followUp.status).toBe(200);
    expect(followUp.json.flags & EPHEMERAL).toBe(0);
    expect(standIn.takeViolations().map((v) => v.rule)).toEqual([
      "a private follow-up after a public deferral: Discord shows it to everyone",
    ]);
    // Deleting the placeholder first is what makes a private answer private.
    const j = standIn.interact({ kind: "command", name: "news" });
    await callback(j, { type: 5 });
    expect((await webhook("DELETE", j, "/messages/@original")).status).toBe(204);
    const privately = await webhook("POST", j, "", {
      content: "secret",
      flags: EPHEMERAL,
      allowed_mentions: NONE,
    });
    expect(privately.json.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(standIn.takeViolations()).toEqual([]);
  });
});

function button(label: string, customId: string) {
  return { type: 2, style: 2, label, custom_id: customId };
}

function row(buttons: number, prefix: string) {
  return {
    type: 1,
    components: Array.from({ length: buttons }, (_, i) => button(`b${i}`, `${prefix}-${i}`)),
  };
}
