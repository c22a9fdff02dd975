import { describe, expect, it } from "vitest";
import {
  classifyError,
  makeScrubber,
  scrubbingLogger,
} from "../../../../src/platforms/telegram/telegram-errors.js";
import { recordingLogger } from "../../../helpers/recording-logger.js";

const apiError = (code: number, description: string, parameters?: object) => {
  const error = new Error(`${code}: ${description}`) as Error & { response: object; code: number };
  error.response = { ok: false, error_code: code, description, parameters };
  error.code = code;
  return error;
};

describe("classifyError", () => {
  it("GIVEN Telegram's answers THEN each maps to what the adapter does", () => {
    expect(classifyError(apiError(429, "Too Many Requests: retry after 3", { retry_after: 3 }))).toEqual({
      kind: "rate-limited",
      retryAfterMs: 3000,
    });
    expect(classifyError(apiError(403, "Forbidden: bot was blocked by the user")).kind).toBe("permanent");
    expect(classifyError(apiError(403, "Forbidden: bot was kicked from the group chat")).kind).toBe(
      "permanent",
    );
    expect(classifyError(apiError(400, "Bad Request: chat not found")).kind).toBe("permanent");
    expect(
      classifyError(
        apiError(400, "Bad Request: group chat was upgraded to a supergroup chat", {
          migrate_to_chat_id: -100123,
        }),
      ),
    ).toEqual({ kind: "migrated", to: "-100123" });
    expect(classifyError(apiError(401, "Unauthorized")).kind).toBe("unauthorized");
    expect(classifyError(apiError(409, "Conflict: terminated by other getUpdates request")).kind).toBe(
      "conflict",
    );
    expect(classifyError(apiError(400, "Bad Request: message is not modified")).kind).toBe("not-modified");
    expect(
      classifyError(apiError(400, "Bad Request: can't parse entities: unsupported start tag")).kind,
    ).toBe("bad-markup");
    expect(classifyError(apiError(502, "Bad Gateway")).kind).toBe("transient");
    expect(classifyError(new Error("request to http://x failed, reason: ECONNREFUSED")).kind).toBe(
      "transient",
    );
  });
});

describe("scrubbingLogger", () => {
  it("GIVEN an error whose message and stack hold the token THEN the log never shows it", () => {
    const rec = recordingLogger();
    const token = "123456:AAH-secret_token_value";
    const log = scrubbingLogger(rec.log, token);
    const error = new Error(`request to https://api.telegram.org/bot${token}/getMe failed`);
    log.error(
      { err: error, nested: { url: `/bot${token}/sendMessage` }, list: [token] },
      `failed for ${token}`,
    );
    log.warn(`plain ${token.split(":")[1]}`);
    const text = rec.text();
    expect(text).not.toContain("AAH-secret_token_value");
    expect(text).toContain("[token]");
    expect(text).toContain("getMe failed");
  });
});

describe("the token in a URL, percent-encoded", () => {
  const token = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";
  const secret = "AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";
  const everyByte = (text: string) => Array.from(Buffer.from(text), (b) => `%${b.toString(16)}`).join("");

  it.each([
    ["the colon encoded", `https://api.telegram.org/bot${encodeURIComponent(token)}/getMe`],
    ["the colon in lower case", `https://api.telegram.org/bot123456789%3a${secret}/getMe`],
    ["every byte encoded", `https://api.telegram.org/bot${everyByte(token)}/getMe`],
    [
      "encoded twice by a proxy",
      `https://proxy.local/?u=${encodeURIComponent(`https://api.telegram.org/bot${encodeURIComponent(token)}/getMe`)}`,
    ],
  ])(
    "GIVEN an error whose URL holds the token with %s THEN the log line shows no part of it",
    (_how, url) => {
      const lines: unknown[] = [];
      const write = (o: unknown, m?: string) => void lines.push([o, m]);
      const log = scrubbingLogger({ info: write, warn: write, error: write, debug: write }, token);
      const error = new Error(`request to ${url} failed, reason: socket hang up`);
      log.error({ err: error, cause: new Error("wrapped", { cause: new Error(url) }) }, `GET ${url}`);
      const text = JSON.stringify(lines);
      expect(text).not.toContain(secret);
      expect(text).not.toContain(encodeURIComponent(secret).slice(0, 12));
      expect(text).not.toContain(everyByte(secret).slice(0, 12));
      expect(text).toContain("[token]");
      expect(text).toContain("socket hang up");
    },
  );

  it("GIVEN a short test token THEN the whole token is still cut, raw and encoded", () => {
    const scrub = makeScrubber("123456:TEST");
    expect(scrub("/bot123456:TEST/x /bot123456%3ATEST/y")).toBe("/bot[token]/x /bot[token]/y");
  });
});
