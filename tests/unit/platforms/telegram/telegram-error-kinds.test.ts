import { describe, expect, it } from "vitest";
import {
  classifyError,
  describeError,
  makeScrubber,
  scrubbingLogger,
} from "../../../../src/platforms/telegram/telegram-errors.js";
import { recordingLogger } from "../../../helpers/recording-logger.js";

/**
 * Every Bot API answer that means "this chat will not take our posts" gives up on the chat
 * (permanent); anything else like it but not on the list is retried (transient). Written from
 * Telegram's own error descriptions, in the shapes telegraf throws (code on the error, or only in
 * `response`).
 */
const thrown = (code: number, description: string, parameters?: object) =>
  Object.assign(new Error(`${code}: ${description}`), { code, description, parameters });
const responseOnly = (code: number, description: string, parameters?: object) =>
  Object.assign(new Error("call failed"), { response: { error_code: code, description, parameters } });

describe("classifyError: the chats Telegram says are gone", () => {
  it.each([
    [403, "Forbidden: bot was blocked by the user"],
    [403, "Forbidden: bot was kicked from the supergroup chat"],
    [400, "Bad Request: chat not found"],
    [403, "Forbidden: user is deactivated"],
    [403, "Forbidden: group chat was deactivated"],
    [400, "Bad Request: bot is not a member of the channel chat"],
    [400, "Bad Request: have no rights to send a message"],
    [400, "Bad Request: not enough rights to send text messages to the chat"],
    [400, "Bad Request: need administrator rights in the channel chat"],
    [400, "Bad Request: CHAT_WRITE_FORBIDDEN"],
    [400, "Bad Request: PEER_ID_INVALID"],
    [400, "Forbidden: bot can't initiate conversation with a user"],
    [404, "Not Found: chat not found"],
  ])("GIVEN %i %s THEN permanent, with the description as the reason", (code, description) => {
    expect(classifyError(thrown(code, description))).toEqual({ kind: "permanent", reason: description });
    expect(classifyError(responseOnly(code, description))).toEqual({
      kind: "permanent",
      reason: description,
    });
  });

  it("GIVEN a 403 of any wording THEN permanent", () => {
    expect(classifyError(thrown(403, "Forbidden: something new")).kind).toBe("permanent");
  });

  it.each([
    [400, "Bad Request: message text is empty"],
    [404, "Not Found"],
    [500, "Internal Server Error: chat not found"],
    [502, "Bad Gateway"],
  ])("GIVEN %i %s THEN transient (worth retrying later)", (code, description) => {
    expect(classifyError(thrown(code, description))).toEqual({ kind: "transient", reason: description });
  });
});

describe("classifyError: the other kinds", () => {
  it("GIVEN 429 THEN the wait in ms, at least a second, a second when Telegram gives none or nonsense", () => {
    expect(classifyError(thrown(429, "Too Many Requests", { retry_after: 5 }))).toEqual({
      kind: "rate-limited",
      retryAfterMs: 5_000,
    });
    expect(classifyError(responseOnly(429, "Too Many Requests", { retry_after: 2 }))).toEqual({
      kind: "rate-limited",
      retryAfterMs: 2_000,
    });
    expect(classifyError(thrown(429, "Too Many Requests"))).toEqual({
      kind: "rate-limited",
      retryAfterMs: 1_000,
    });
    expect(classifyError(thrown(429, "x", { retry_after: 0 }))).toEqual({
      kind: "rate-limited",
      retryAfterMs: 1_000,
    });
    expect(classifyError(thrown(429, "x", { retry_after: "soon" }))).toEqual({
      kind: "rate-limited",
      retryAfterMs: 1_000,
    });
  });

  it("GIVEN the markup errors THEN bad-markup; only on 400", () => {
    for (const description of [
      "Bad Request: can't parse entities: Can't find end tag corresponding to start tag b",
      'Bad Request: unsupported start tag "span" at byte offset 3',
      'Bad Request: can\'t find end tag corresponding to start tag "i"',
    ]) {
      expect(classifyError(thrown(400, description))).toEqual({ kind: "bad-markup", reason: description });
    }
    expect(classifyError(thrown(500, "can't parse entities")).kind).toBe("transient");
    expect(classifyError(thrown(500, "message is not modified")).kind).toBe("transient");
  });

  it("GIVEN 409 THEN conflict with the reason; 401 THEN unauthorized, from either shape", () => {
    expect(
      classifyError(responseOnly(409, "Conflict: can't use getUpdates method while webhook is active")),
    ).toEqual({
      kind: "conflict",
      reason: "Conflict: can't use getUpdates method while webhook is active",
    });
    expect(classifyError(responseOnly(401, "Unauthorized"))).toEqual({ kind: "unauthorized" });
  });

  it("GIVEN something that is not an API error THEN transient, described by its message or its text", () => {
    expect(classifyError(new Error("socket hang up"))).toEqual({
      kind: "transient",
      reason: "socket hang up",
    });
    expect(classifyError("plain text failure")).toEqual({ kind: "transient", reason: "plain text failure" });
    expect(classifyError(undefined)).toEqual({ kind: "transient", reason: "undefined" });
  });
});

describe("describeError", () => {
  it("GIVEN an API error with a cause THEN type, message, code, method and the cause, scrubbed, with no token", () => {
    const scrub = makeScrubber("123456:SECRETPART");
    const error = Object.assign(new Error("call to /bot123456:SECRETPART/sendMessage failed"), {
      code: 400,
      on: { method: "sendMessage" },
      cause: new Error("inner SECRETPART"),
    });
    const described = describeError(error, scrub);
    expect(described).toMatchObject({
      type: "Error",
      message: "call to /bot[token]/sendMessage failed",
      code: 400,
      method: "sendMessage",
      cause: { type: "Error", message: "inner [token]" },
    });
    expect(String(described.stack)).not.toContain("SECRETPART");
    expect(describeError("SECRETPART text", scrub)).toEqual({ message: "[token] text" });
    const bare = describeError(new Error("x"), scrub);
    expect(bare).not.toHaveProperty("code");
    expect(bare).not.toHaveProperty("method");
    expect(bare).not.toHaveProperty("cause");
  });
});

describe("scrubbingLogger", () => {
  it("GIVEN each level THEN the line goes to the same level, the message scrubbed, a lone object kept as the only argument", () => {
    const rec = recordingLogger();
    const log = scrubbingLogger(rec.log, "123456:SECRETPART");
    log.info({ a: "SECRETPART" }, "info SECRETPART");
    log.warn({ n: 1 }, "warn");
    log.error({ ok: true }, "error");
    log.debug({ deep: { deeper: { list: ["SECRETPART", 2, null] } } });
    expect(rec.lines).toEqual([
      { level: "info", obj: { a: "[token]" }, msg: "info [token]" },
      { level: "warn", obj: { n: 1 }, msg: "warn" },
      { level: "error", obj: { ok: true }, msg: "error" },
      { level: "debug", obj: { deep: { deeper: { list: ["[token]", 2, null] } } }, msg: undefined },
    ]);
  });

  it("GIVEN a token too short to be a secret THEN text passes unchanged", () => {
    expect(makeScrubber("1:abc")("1:abc and abc")).toBe("1:abc and abc");
  });
});
