import { type Client, DiscordAPIError } from "discord.js";
import { describe, expect, it } from "vitest";
import { PublishError } from "../../../../src/domain/publisher.js";
import { SendThrottle } from "../../../../src/framework/send-throttle.js";
import { POST_PACE } from "../../../../src/platforms/discord/limits.js";
import { postToChannel } from "../../../../src/platforms/discord/publish.js";
import type { DiscordMessage } from "../../../../src/platforms/discord/render-embeds.js";
import { FakeClock } from "../../../helpers/fake-clock.js";

const message = (content: string): DiscordMessage => ({ content, embeds: [], components: [] });

/**
 * A client whose REST posts record when each send starts (what Discord's global limit counts) and
 * answer `answerMs` later on the fake clock, so sends in flight overlap as they do over a network.
 */
function fakeClient(clock: FakeClock, answerMs: number, fail?: (channelId: string) => unknown) {
  const sends: { channelId: string; content: string; at: number }[] = [];
  const client = {
    rest: {
      post: (route: string, { body }: { body: { content: string } }) => {
        const channelId = /^\/channels\/(\d+)\/messages$/.exec(route)?.[1] ?? "";
        sends.push({ channelId, content: body.content, at: clock.now() });
        const error = fail?.(channelId);
        return new Promise((resolve, reject) =>
          clock.setTimeout(() => (error ? reject(error) : resolve({ id: `m${sends.length}` })), answerMs),
        );
      },
    },
  } as unknown as Client;
  return { client, sends };
}

describe("Discord channel posts at POST_PACE", () => {
  it("GIVEN 120 posts at once THEN no second holds more than 50 sends, and all are delivered in order", async () => {
    const clock = new FakeClock();
    const pacer = new SendThrottle(POST_PACE, clock);
    const { client, sends } = fakeClient(clock, 30);
    const ids = Array.from({ length: 120 }, (_, i) => `3100${i}`);
    const posted = Promise.all(ids.map((id) => postToChannel(client, pacer, id, [message(id)])));
    await clock.advance(10_000);

    expect((await posted).map((p) => p.messageId)).toHaveLength(120);
    expect(sends.map((s) => s.channelId)).toEqual(ids);
    for (const send of sends) {
      expect(sends.filter((s) => s.at >= send.at && s.at < send.at + 1000).length).toBeLessThanOrEqual(50);
    }
    // Paced evenly rather than held back: 120 starts need just over two seconds at 50 a second.
    expect(Math.max(...sends.map((s) => s.at))).toBeLessThanOrEqual(2500);
  });

  it("GIVEN a reply in three parts THEN the parts go out in order, with no per-channel gap", async () => {
    const clock = new FakeClock();
    const pacer = new SendThrottle(POST_PACE, clock);
    const { client, sends } = fakeClient(clock, 30);
    const posted = postToChannel(client, pacer, "31", [message("a"), message("b"), message("c")]);
    await clock.advance(1000);

    expect(await posted).toEqual({ messageId: "m1" });
    expect(sends.map((s) => s.content)).toEqual(["a", "b", "c"]);
    // Each part starts once the previous one is answered (30 ms), give or take the even spacing.
    expect(sends[2]?.at).toBeLessThan(200);
  });

  it("GIVEN discord.js rejects a send THEN the error is sorted as before and the other posts go on", async () => {
    const clock = new FakeClock();
    const pacer = new SendThrottle(POST_PACE, clock);
    const missingAccess = new DiscordAPIError(
      { code: 50001, message: "Missing Access" },
      50001,
      403,
      "POST",
      "https://x/api",
      { body: {} },
    );
    const { client } = fakeClient(clock, 30, (id) => (id === "32" ? missingAccess : undefined));
    const failed = postToChannel(client, pacer, "32", [message("x")]).catch((e: unknown) => e);
    const ok = postToChannel(client, pacer, "33", [message("y")]);
    await clock.advance(1000);

    const error = await failed;
    expect(error).toBeInstanceOf(PublishError);
    expect((error as PublishError).kind).toBe("permanent");
    expect((await ok).messageId).toBeDefined();
  });

  it("GIVEN the pacer is closed (the platform stopped) THEN queued posts fail as transient", async () => {
    const clock = new FakeClock();
    const pacer = new SendThrottle(POST_PACE, clock);
    const { client, sends } = fakeClient(clock, 30);
    const posts = Array.from({ length: 60 }, (_, i) =>
      postToChannel(client, pacer, `34${i}`, [message(String(i))]).catch((e: unknown) => e),
    );
    await clock.advance(0);
    pacer.close("the Discord platform stopped");
    await clock.advance(1000);

    const outcomes = await Promise.all(posts);
    const refused = outcomes.filter((o) => o instanceof PublishError);
    expect(sends.length).toBeGreaterThan(0);
    expect(refused.length).toBe(60 - sends.length);
    expect(refused.every((o) => (o as PublishError).kind === "transient")).toBe(true);
  });
});
