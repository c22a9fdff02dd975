import { DiscordAPIError } from "discord.js";
import { describe, expect, it } from "vitest";
import { redactUrl, safeError } from "../../../src/platforms/discord/safe-error.js";

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
