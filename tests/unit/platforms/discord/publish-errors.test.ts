import { DiscordAPIError, HTTPError, RateLimitError } from "discord.js";
import { describe, expect, it } from "vitest";
import { toPublishError } from "../../../../src/platforms/discord/publish.js";

const apiError = (code: number, status: number) =>
  new DiscordAPIError({ code, message: `error ${code}` }, code, status, "POST", "https://x/api", {
    body: {},
  });

describe("toPublishError", () => {
  it.each([
    [10003, 404, "permanent"],
    [50001, 403, "permanent"],
    [50013, 403, "permanent"],
    [50035, 400, "permanent"],
    [0, 401, "transient"],
    [0, 502, "transient"],
  ] as const)("GIVEN Discord error %i (HTTP %i) THEN %s", (code, status, kind) => {
    expect(toPublishError(apiError(code, status), "1").kind).toBe(kind);
  });

  it("GIVEN a 5xx after discord.js's retries, or a network failure THEN transient", () => {
    const http = new HTTPError(503, "Service Unavailable", "POST", "https://x/api", { body: {} });
    expect(toPublishError(http, "1").kind).toBe("transient");
    expect(toPublishError(new TypeError("fetch failed"), "1").kind).toBe("transient");
  });

  it("GIVEN a rate limit too long to wait out THEN rate-limited, with the wait", () => {
    const error = new RateLimitError({
      timeToReset: 60_000,
      limit: 5,
      method: "POST",
      hash: "h",
      url: "https://x/api/channels/1/messages",
      route: "/channels/:id/messages",
      majorParameter: "1",
      global: false,
      retryAfter: 60_000,
      sublimitTimeout: 0,
      scope: "user",
    });
    const mapped = toPublishError(error, "1");
    expect(mapped.kind).toBe("rate-limited");
    expect(mapped.retryAfterMs).toBe(60_000);
  });
});
