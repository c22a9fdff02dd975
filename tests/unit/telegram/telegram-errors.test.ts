import { describe, expect, it } from "vitest";
import { classifyError, scrubbingLogger } from "../../../src/platforms/telegram/telegram-errors.js";
import { recordingLogger } from "../../helpers/recording-logger.js";

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
