import { type Client, DiscordAPIError } from "discord.js";
import { describe, expect, it } from "vitest";
import { PublishError } from "../../../../src/domain/publisher.js";
import type { SendThrottle } from "../../../../src/framework/send-throttle.js";
import { nonceBase, postToChannel, toPublishError } from "../../../../src/platforms/discord/publish.js";

/**
 * postToChannel's request bodies and toPublishError's boundaries, against a recording REST
 * client (the mutation run showed the nonce, enforce_nonce and the 429/500 edges untested here;
 * the stand-in checks the same rules end to end).
 */

function recordingClient(fail?: (index: number) => unknown) {
  const posts: { route: string; body: Record<string, unknown> }[] = [];
  const client = {
    rest: {
      post: async (route: string, { body }: { body: Record<string, unknown> }) => {
        const index = posts.length;
        posts.push({ route, body });
        const error = fail?.(index);
        if (error) throw error;
        return { id: `m${index}` };
      },
    },
  } as unknown as Client;
  return { client, posts };
}
const msg = (content: string) => ({ content, embeds: [], components: [] });
/** A pacer that runs each send at once, in order. */
const direct = {
  schedule: (_chat: string, task: () => Promise<unknown>) => task(),
} as unknown as SendThrottle;

const apiError = (code: number, status: number) =>
  new DiscordAPIError({ code, message: `error ${code}` }, code, status, "POST", "https://x/api", {
    body: {},
  });

describe("postToChannel", () => {
  it("GIVEN three messages THEN each is posted with no pings, its own enforced nonce from the key, and the first id is returned", async () => {
    const { client, posts } = recordingClient();
    const base = nonceBase("digest:2025-07-10:discord:1");
    const result = await postToChannel(client, direct, "42", [msg("a"), msg("b"), msg("c")], base);
    expect(result).toEqual({ messageId: "m0" });
    expect(posts.map((p) => p.route)).toEqual(Array(3).fill("/channels/42/messages"));
    expect(posts.map((p) => p.body.nonce)).toEqual([`${base}0`, `${base}1`, `${base}2`]);
    for (const { body } of posts) {
      expect(body.enforce_nonce).toBe(true);
      expect(body.allowed_mentions).toEqual({ parse: [] });
      expect(String(body.nonce).length).toBeLessThanOrEqual(25);
    }
    expect(nonceBase("digest:2025-07-10:discord:1")).toBe(base);
    expect(nonceBase("digest:2025-07-10:discord:2")).not.toBe(base);
  });

  it("GIVEN nothing to post THEN a permanent error, and no request", async () => {
    const { client, posts } = recordingClient();
    await expect(postToChannel(client, direct, "42", [])).rejects.toMatchObject({ kind: "permanent" });
    expect(posts).toEqual([]);
  });

  it("GIVEN the second message refused THEN the error is sorted and the third is not sent", async () => {
    const { client, posts } = recordingClient((i) => (i === 1 ? apiError(50013, 403) : undefined));
    const failure = postToChannel(client, direct, "42", [msg("a"), msg("b"), msg("c")]);
    await expect(failure).rejects.toMatchObject({ kind: "permanent" });
    expect(posts).toHaveLength(2);
  });
});

describe("toPublishError at its boundaries", () => {
  it.each([
    [0, 429, "rate-limited"],
    [0, 500, "transient"],
    [0, 499, "permanent"],
    [0, 400, "permanent"],
    [0, 401, "transient"],
  ] as const)("GIVEN code %i with HTTP %i THEN %s", (code, status, kind) => {
    expect(toPublishError(apiError(code, status), "77").kind).toBe(kind);
  });

  it("GIVEN a Discord error THEN the message names the status, the code and the channel", () => {
    expect(toPublishError(apiError(50001, 403), "77").message).toBe(
      "discord 403/50001 on channel 77: error 50001",
    );
    expect(toPublishError(new Error("socket hang up"), "77").message).toBe(
      "discord unreachable: socket hang up",
    );
    expect(toPublishError("odd", "77").message).toBe("discord unreachable: odd");
  });

  it("GIVEN a PublishError already sorted THEN it is passed on as it is", () => {
    const sorted = new PublishError("rate-limited", "wait", 1_234);
    expect(toPublishError(sorted, "77")).toBe(sorted);
  });
});
