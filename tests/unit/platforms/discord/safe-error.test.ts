import { DiscordAPIError } from "discord.js";
import { describe, expect, it } from "vitest";
import {
  describe as describeError,
  redactUrl,
  safeError,
} from "../../../../src/platforms/discord/safe-error.js";

describe("safeError", () => {
  it("GIVEN a REST error on an interaction webhook THEN the logged form keeps the facts, not the token", () => {
    const url =
      "https://discord.com/api/v10/webhooks/123/aW50ZXJhY3Rpb246c2VjcmV0/messages/@original?wait=true";
    const error = new DiscordAPIError(
      { code: 50035, message: "Invalid Form Body" },
      50035,
      400,
      "PATCH",
      url,
      {
        body: {},
      },
    );
    const safe = safeError(error) as Error;
    expect(safe.message).toContain("Invalid Form Body");
    expect(safe.message).toContain("/webhooks/123/:token/messages/@original");
    expect(JSON.stringify({ ...safe, message: safe.message, stack: safe.stack })).not.toContain(
      "aW50ZXJhY3Rpb246c2VjcmV0",
    );
  });

  it("GIVEN an interaction callback URL THEN the token is replaced", () => {
    expect(
      redactUrl("https://discord.com/api/v10/interactions/42/tok.en-_x/callback?with_response=false"),
    ).toBe("/api/v10/interactions/42/:token/callback");
  });

  it("GIVEN any other error THEN it is passed through", () => {
    const error = new Error("boom");
    expect(safeError(error)).toBe(error);
  });
});

describe("interaction tokens in URLs, raw or percent-encoded", () => {
  const TOKEN = "aW50ZXJhY3Rpb246c2VjcmV0";
  const logged = (error: unknown): string => {
    const safe = safeError(error) as Error & { cause?: Error };
    return JSON.stringify([safe.message, safe.stack, safe.cause?.message, safe.cause?.stack]);
  };

  it.each([
    ["raw", `https://discord.com/api/v10/webhooks/123/${TOKEN}/messages/@original`],
    [
      "encoded once",
      `https%3A%2F%2Fdiscord.com%2Fapi%2Fv10%2Fwebhooks%2F123%2F${TOKEN}%2Fmessages%2F%2540original`,
    ],
    [
      "encoded twice",
      `https%253A%252F%252Fdiscord.com%252Fapi%252Finteractions%252F42%252F${TOKEN}%252Fcallback`,
    ],
    ["lower-case escapes", `/api/v10/webhooks%2f123%2f${TOKEN}%2fmessages`],
  ])("GIVEN a network error quoting the URL %s THEN the logged error holds no token", (_how, url) => {
    const error = new Error(`request to https://proxy.local/forward?to=${url} failed, reason: ECONNRESET`);
    const text = logged(error);
    expect(text).not.toContain(TOKEN);
    expect(text).toContain(":token");
    expect(text).toContain("ECONNRESET");
    expect(describeError(error)).not.toContain(TOKEN);
  });

  it("GIVEN the token in a nested cause only THEN the cause is cleaned too", () => {
    const cause = new Error(`GET /api/webhooks/123/${TOKEN}/messages/9 timed out`);
    const text = logged(new Error("fetch failed", { cause }));
    expect(text).not.toContain(TOKEN);
    expect(text).toContain("timed out");
  });

  it("GIVEN a REST error on an encoded route THEN no token either", () => {
    const url = `https://discord.com/api/v10/webhooks/123/${TOKEN}/messages/%40original`;
    const error = new DiscordAPIError({ code: 10015, message: "Unknown Webhook" }, 10015, 404, "PATCH", url, {
      body: {},
    });
    expect(logged(error)).not.toContain(TOKEN);
  });
});
