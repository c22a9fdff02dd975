import { randomBytes } from "node:crypto";
import type { MessageKey } from "./messages.js";

/**
 * An error meant for the user: a message code plus parameters. Core code throws it; only the
 * edge (runCommand and the adapters) turns the code into words in the user's language.
 */
export class UserError extends Error {
  constructor(
    readonly code: MessageKey,
    readonly params: Record<string, string | number> = {},
  ) {
    super(code);
    this.name = "UserError";
  }
}

/** A short reference that ties what the user sees ("ref 7f3a") to the log line with the stack. */
export function errorRef(): string {
  return randomBytes(2).toString("hex");
}
