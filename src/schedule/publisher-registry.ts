import type { Publisher } from "../domain/publisher.js";
import type { PlatformName } from "../domain/target.js";

/**
 * The publishers the scheduler posts through, one per platform. Whoever wires the bot
 * (src/main.ts) creates it, hands it to the scheduler, and adds each platform once it is up; a
 * post for a platform not here waits and is retried (it may be starting, or have no token).
 */
export class PublisherRegistry {
  private readonly byPlatform = new Map<PlatformName, Publisher>();

  constructor(publishers: Iterable<Publisher> = []) {
    for (const publisher of publishers) this.add(publisher);
  }

  /** Adds a platform's publisher; a second one for the same platform is a wiring error. */
  add(publisher: Publisher): void {
    if (this.byPlatform.has(publisher.platform)) {
      throw new Error(`a ${publisher.platform} publisher is already registered`);
    }
    this.byPlatform.set(publisher.platform, publisher);
  }

  get(platform: PlatformName): Publisher | null {
    return this.byPlatform.get(platform) ?? null;
  }
}
