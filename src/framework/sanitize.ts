import type { Args } from "./command.js";
import type { Invocation } from "./run-command.js";

/**
 * What a user typed may be echoed back ("Nothing found for “…”", "Unknown action “…”", an id
 * in "No article matches …"), so it is cleaned once, where every platform's command enters the
 * framework (runCommand), before any handler or error message sees it:
 * - bidi controls are removed: an RLO echoed in a reply reverses what follows it, so a reply
 *   can be made to read as something the bot never said ("‮gnp.exe" shows as "exe.png");
 * - C0 and C1 control characters other than newline and tab become a space: a NUL ends the
 *   text for C-based clients and log tools, an ESC starts a terminal sequence in the console;
 * - a lone surrogate becomes U+FFFD: it is not encodable as UTF-8, and the platforms refuse
 *   a whole message that holds one.
 */

/** ALM, LRM, RLM, LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI. */
const BIDI_CONTROL = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** Unicode's control characters (C0, DEL, C1) except tab and newline. */
const CONTROL = /(?![\t\n])\p{Cc}/gu;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** User text with bidi controls removed, control characters spaced out, lone surrogates replaced. */
export function sanitizeUserText(text: string): string {
  return text.replace(BIDI_CONTROL, "").replace(CONTROL, " ").replace(LONE_SURROGATE, "\ufffd");
}

/** The invocation with its command, subcommand and every text argument sanitized. */
export function sanitizeInvocation(invocation: Invocation): Invocation {
  const args: Args = {};
  for (const [name, value] of Object.entries(invocation.args)) {
    args[name] = typeof value === "string" ? sanitizeUserText(value) : value;
  }
  const clean: Invocation = { ...invocation, command: sanitizeUserText(invocation.command), args };
  if (invocation.subcommand !== undefined) clean.subcommand = sanitizeUserText(invocation.subcommand);
  return clean;
}
