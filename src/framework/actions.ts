import { createHash } from "node:crypto";
import type { Action } from "../domain/reply.js";

/**
 * Packs a button's action into the few bytes platforms allow (Telegram callback_data: 64 bytes,
 * Discord custom_id: 100 characters). Short actions are encoded inline and survive restarts;
 * long ones are kept in memory behind a hash and expire with the process.
 */
export class ActionCodec {
  private readonly overflow = new Map<string, Action>();

  constructor(
    private readonly maxBytes: number,
    private readonly maxOverflow = 10_000,
  ) {}

  encode(action: Action): string {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(action.args)) params.set(key, String(value));
    const head = action.subcommand ? `${action.command}.${action.subcommand}` : action.command;
    const inline = `${head}?${params.toString()}`;
    if (Buffer.byteLength(inline) <= this.maxBytes) return inline;
    const key = `~${createHash("sha256").update(inline).digest("base64url").slice(0, 16)}`;
    if (this.overflow.size >= this.maxOverflow) {
      const oldest = this.overflow.keys().next().value;
      if (oldest !== undefined) this.overflow.delete(oldest);
    }
    this.overflow.set(key, action);
    return key;
  }

  /** The action, or null when the data is foreign or has expired. */
  decode(data: string): Action | null {
    if (data.startsWith("~")) return this.overflow.get(data) ?? null;
    const q = data.indexOf("?");
    if (q <= 0) return null;
    const [command, subcommand] = data.slice(0, q).split(".", 2);
    if (!command) return null;
    const args: Record<string, string> = {};
    for (const [key, value] of new URLSearchParams(data.slice(q + 1))) args[key] = value;
    return subcommand ? { command, subcommand, args } : { command, args };
  }
}
