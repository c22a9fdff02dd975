/**
 * BENCH VARIANT: the real Telegram platform (src/platforms/telegram) with the proposed throttle of
 * ./variant-throttle.ts swapped in for its SendThrottle, in the platform and in its outbox. A
 * swap at run time rather than a copy of the platform, so the measurement follows the adapter as
 * it changes; the private field names it relies on are checked, and a mismatch fails loudly.
 */
import type { Platform } from "../../src/framework/platform.js";
import {
  createTelegramPlatform as createReal,
  type TelegramPlatformOptions,
} from "../../src/platforms/telegram/index.js";
import { SendThrottle } from "./variant-throttle.js";

export function createTelegramPlatform(options: TelegramPlatformOptions): Platform {
  const platform = createReal(options) as unknown as { throttle?: unknown; outbox?: { throttle?: unknown } };
  if (!platform.throttle || !platform.outbox?.throttle) {
    throw new Error(
      "the Telegram platform no longer has throttle/outbox.throttle: update variant-telegram-platform.ts",
    );
  }
  const throttle = new SendThrottle();
  platform.throttle = throttle;
  platform.outbox.throttle = throttle;
  return platform as unknown as Platform;
}
