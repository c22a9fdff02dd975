import type { Interaction } from "discord.js";
import { describe, expect, it } from "vitest";
import { systemClock } from "../../../../src/domain/clock.js";
import { ActionCodec } from "../../../../src/framework/actions.js";
import { defineCommand, type Services } from "../../../../src/framework/command.js";
import { RateLimiter } from "../../../../src/framework/rate-limit.js";
import { textReply } from "../../../../src/framework/reply.js";
import { registry } from "../../../../src/framework/run-command.js";
import { handleInteraction, type InteractionDeps } from "../../../../src/platforms/discord/interactions.js";
import { FakeClock } from "../../../helpers/fake-clock.js";
import { recordingLogger } from "../../../helpers/recording-logger.js";

/** The Discord side of the per-user limit: one private "slow down", then no answer at all. */

const d = { en: "x", fr: "x" };

function setup(burst: number) {
  const recorder = recordingLogger();
  const ran: string[] = [];
  const deps: InteractionDeps = {
    commands: registry([
      defineCommand({
        name: "ping",
        description: d,
        access: "everyone",
        options: [] as const,
        run: (ctx) => {
          ran.push(ctx.user.id);
          return textReply("pong");
        },
      }),
    ]),
    services: { log: recorder.log, clock: systemClock } as unknown as Services,
    defaultLocale: "en",
    codec: new ActionCodec(100),
    log: recorder.log,
    deferAfterMs: 1_000,
    limiter: new RateLimiter({ perMinute: 30, burst }, new FakeClock()),
  };
  return { deps, ran };
}

/** Just enough of a slash-command interaction for handleInteraction, recording what it is sent. */
function slash(userId: string, locale: string) {
  const replies: { content?: string; flags?: number; embeds?: unknown[] }[] = [];
  const interaction = {
    id: `i-${Math.random()}`,
    commandName: "ping",
    locale,
    channelId: "123456789012345678",
    user: { id: userId, username: `u${userId}`, globalName: null },
    replied: false,
    deferred: false,
    isAutocomplete: () => false,
    isChatInputCommand: () => true,
    isButton: () => false,
    inGuild: () => true,
    memberPermissions: { has: () => false },
    options: { getSubcommand: () => null, data: [] },
    async reply(body: { content?: string; flags?: number; embeds?: unknown[] }) {
      replies.push(body);
      interaction.replied = true;
    },
  };
  return { interaction: interaction as unknown as Interaction, replies };
}

const text = (body: { content?: string; embeds?: unknown[] }) => JSON.stringify(body);

describe("handleInteraction with a rate limit", () => {
  it("GIVEN a user over the limit THEN one private slow-down in their language, then no answer at all", async () => {
    const { deps, ran } = setup(2);
    const sent = [];
    for (let i = 0; i < 10; i++) {
      const { interaction, replies } = slash("42", "fr");
      await handleInteraction(interaction, deps);
      sent.push(replies);
    }
    expect(ran).toEqual(["42", "42"]);
    expect(sent.map((r) => r.length)).toEqual([1, 1, 1, 0, 0, 0, 0, 0, 0, 0]);
    const warning = sent[2]?.[0];
    expect(text(warning ?? {})).toContain("trop vite");
    // Ephemeral: only the flooding user sees it.
    expect(warning?.flags).toBe(64);
  });

  it("GIVEN one user flooding THEN another user's command still runs", async () => {
    const { deps, ran } = setup(1);
    for (let i = 0; i < 5; i++) await handleInteraction(slash("42", "en").interaction, deps);
    const { interaction, replies } = slash("43", "en");
    await handleInteraction(interaction, deps);
    expect(ran).toEqual(["42", "43"]);
    expect(text(replies[0] ?? {})).toContain("pong");
  });
});
