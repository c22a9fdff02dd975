import { randomBytes } from "node:crypto";

/**
 * An error meant for the user: a key of words plus parameters. Core code throws it; only the
 * edge (runCommand and the adapters) turns the key into words in the user's language, looking it
 * up in the running command's words, then the shared ones. A key no book has is a bug: the user
 * then sees "Something went wrong (ref …)" and the log says which key.
 */
export class UserError extends Error {
  constructor(
    readonly code: string,
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
