/**
 * BENCH VARIANT for the Discord fan-out: the platform's publish() behind the fixed throttle of
 * ./variant-throttle.ts at 50 requests/s (no per-channel spacing: discord.js keeps per-route
 * buckets from the headers). discord.js's own global limiter counts in fixed 1-second windows that
 * open at the first request after the last reset, so two bursts of 50 can arrive less than a second
 * apart and a strict server answers 429. Proposed in src/platforms/discord/publish.ts, around each
 * channel.send (a digest is one message, so wrapping publish() measures the same thing).
 */
import type { Platform } from "../../src/framework/platform.js";
import { SendThrottle } from "./variant-throttle.js";

export function pacedDiscord(platform: Platform, perSecond = 50): Platform {
  const throttle = new SendThrottle({
    globalPerSecond: perSecond,
    perChatIntervalMs: 0,
    groupPerMinute: 1e9,
  });
  return {
    ...platform,
    publish: (channelId, reply, locale) =>
      throttle.schedule(channelId, () => platform.publish(channelId, reply, locale)),
    start: () => platform.start(),
    stop: async () => {
      throttle.close();
      await platform.stop();
    },
  };
}
