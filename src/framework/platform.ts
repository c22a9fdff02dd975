import type { Publisher } from "../domain/publisher.js";

/** A running chat platform: the console, Discord or Telegram; it also posts on its own. */
export interface Platform extends Publisher {
  start(): Promise<void>;
  stop(): Promise<void>;
}
