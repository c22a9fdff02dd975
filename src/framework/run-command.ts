import type { Locale } from "../domain/locale.js";
import type { Reply } from "../domain/reply.js";
import type { CommandOutcome } from "../domain/telemetry.js";
import type { Args, Command, CommandContext, Leaf, OptionSpec } from "./command.js";
import { placeholderOf, usage } from "./command.js";
import { withCommandWords } from "./context.js";
import { errorRef, UserError } from "./errors.js";
import type { MessageKey, Translate } from "./messages.js";
import { textReply } from "./reply.js";
import { sanitizeInvocation } from "./sanitize.js";

/** A command as a platform received it, before validation. Values are raw: text or numbers. */
export interface Invocation {
  command: string;
  subcommand?: string;
  args: Args;
}

/** Looks commands up by name; built once from commands/index.ts. */
export type CommandRegistry = ReadonlyMap<string, Command>;

export function registry(commands: readonly Command[]): CommandRegistry {
  return new Map(commands.map((c) => [c.name, c]));
}

/** The default guard against a handler that hangs: the user gets an answer either way. */
const HANDLER_TIMEOUT_MS = 15_000;

/**
 * The one path every platform takes to run a command: lookup, server-side access check,
 * argument validation, the handler, and the turning of any error into a reply in the user's
 * language. It never throws.
 */
export async function runCommand(
  commands: CommandRegistry,
  invocation: Invocation,
  ctx: CommandContext,
  timeoutMs = HANDLER_TIMEOUT_MS,
): Promise<Reply> {
  // The one place user text enters, on every platform: what may be echoed is cleaned here.
  invocation = sanitizeInvocation(invocation);
  // Errors are said with the command's own words once it is known (its errors are among them).
  let scoped: ErrorContext = ctx;
  const started = performance.now();
  const count = (outcome: CommandOutcome) =>
    ctx.services.telemetry?.commandRun(invocation.command, outcome, (performance.now() - started) / 1000);
  try {
    const command = commands.get(invocation.command);
    if (!command) throw new UserError("error.unknownCommand", { command: invocation.command });
    scoped = withCommandWords(ctx, command);
    if (command.access === "moderator" && !(await ctx.isModerator())) {
      throw new UserError("error.forbidden", { command: command.name });
    }
    const leaf = selectLeaf(command, invocation.subcommand, ctx.locale);
    const leafCtx = withCommandWords(ctx, command, leaf);
    scoped = leafCtx;
    const args = validateArgs(command, leaf, invocation.args, ctx.locale);
    const run = leaf.run;
    const reply = await withTimeout(Promise.resolve(run(leafCtx, args)), timeoutMs);
    count(reply.error ? "user_error" : "ok");
    return { locale: ctx.locale, ...reply };
  } catch (error) {
    count(error instanceof UserError ? "user_error" : "error");
    return errorReply(error, scoped, invocation);
  }
}

/** Turns any error into what the user sees; unexpected ones are logged with a short reference. */
/** What saying an error needs: words (the command's, when known) and a log. */
export interface ErrorContext {
  t: Translate<MessageKey>;
  services: CommandContext["services"];
  locale?: Locale;
}

export function errorReply(error: unknown, ctx: ErrorContext, where: object = {}): Reply {
  const locale = ctx.locale;
  if (error instanceof UserError) {
    // A key no book has comes back as itself: a bug, reported like any other below.
    const text = (ctx.t as Translate<string>)(error.code, error.params);
    if (text !== error.code) return textReply(text, { private: true, error: true, locale });
  }
  const ref = errorRef();
  ctx.services.log.error({ err: error, ref, ...where }, "command failed");
  return textReply(ctx.t("error.unexpected", { ref }), { private: true, error: true, locale });
}

function selectLeaf(command: Command, subcommand: string | undefined, locale: Locale): Leaf {
  if (!command.subcommands) {
    if (!command.run) throw new Error(`command ${command.name} has neither run nor subcommands`);
    return {
      name: command.name,
      description: command.description,
      options: command.options,
      run: command.run,
    };
  }
  const leaves = command.subcommands;
  const leaf = leaves.find((s) => s.name === subcommand?.toLowerCase());
  if (leaf) return leaf;
  const actions = leaves.map((s) => s.name).join(", ");
  if (!subcommand) {
    // The first action that needs nothing more is the example a newcomer can type as is.
    const example = leaves.find((s) => s.options.every((o) => !o.required)) ?? leaves[0];
    throw new UserError("error.missingSubcommand", {
      command: command.name,
      actions,
      example: example ? usage(command, example, locale) : `/${command.name}`,
    });
  }
  throw new UserError("error.unknownSubcommand", {
    command: command.name,
    sub: subcommand,
    actions,
    usage: `/${command.name} <${leaves.map((s) => s.name).join("|")}>`,
  });
}

/** Checks and converts raw values against the declared options; unknown keys are dropped. */
export function validateArgs(command: Command, leaf: Leaf, raw: Args, locale: Locale = "en"): Args {
  const out: Args = {};
  const isSub = command.subcommands !== undefined;
  for (const option of leaf.options) {
    const value = raw[option.name];
    const text = typeof value === "string" ? value.trim() : value;
    if (text === undefined || text === "") {
      if (option.required) {
        throw new UserError("error.missingOption", {
          option: placeholderOf(option, locale),
          usage: usage(command, isSub ? leaf : undefined, locale),
        });
      }
      out[option.name] = undefined;
      continue;
    }
    out[option.name] = convert(option, text, locale);
  }
  return out;
}

function convert(option: OptionSpec, value: string | number, locale: Locale): string | number {
  const name = placeholderOf(option, locale);
  if (option.type === "integer") {
    const n = typeof value === "number" ? value : Number(value);
    const min = option.min ?? Number.MIN_SAFE_INTEGER;
    const max = option.max ?? Number.MAX_SAFE_INTEGER;
    if (!Number.isInteger(n) || n < min || n > max) {
      throw new UserError("error.badInteger", { option: name, min, max });
    }
    return n;
  }
  const text = String(value);
  if (option.maxLength !== undefined && text.length > option.maxLength) {
    throw new UserError("error.tooLong", { option: name, max: option.maxLength });
  }
  if (option.choices) {
    const match = option.choices.find((c) => c.toLowerCase() === text.toLowerCase());
    if (!match) throw new UserError("error.badChoice", { option: name, choices: option.choices.join(", ") });
    return match;
  }
  return text;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`handler timed out after ${ms} ms`)), ms);
    timer.unref?.();
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
