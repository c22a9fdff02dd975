import type { Reply } from "../domain/reply.js";
import type { Args, Command, CommandContext, Leaf, OptionSpec } from "./command.js";
import { usage } from "./command.js";
import { errorRef, UserError } from "./errors.js";
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
  try {
    const command = commands.get(invocation.command);
    if (!command) throw new UserError("error.unknownCommand", { command: invocation.command });
    if (command.access === "moderator" && !(await ctx.isModerator())) {
      throw new UserError("error.forbidden", { command: command.name });
    }
    const leaf = selectLeaf(command, invocation.subcommand);
    const args = validateArgs(command, leaf, invocation.args);
    const run = leaf.run;
    return await withTimeout(Promise.resolve(run(ctx, args)), timeoutMs);
  } catch (error) {
    return errorReply(error, ctx, invocation);
  }
}

/** Turns any error into what the user sees; unexpected ones are logged with a short reference. */
export function errorReply(
  error: unknown,
  ctx: Pick<CommandContext, "t" | "services">,
  where: object = {},
): Reply {
  if (error instanceof UserError) {
    return textReply(ctx.t(error.code, error.params), { private: true, error: true });
  }
  const ref = errorRef();
  ctx.services.log.error({ err: error, ref, ...where }, "command failed");
  return textReply(ctx.t("error.unexpected", { ref }), { private: true, error: true });
}

function selectLeaf(command: Command, subcommand: string | undefined): Leaf {
  if (!command.subcommands) {
    if (!command.run) throw new Error(`command ${command.name} has neither run nor subcommands`);
    return {
      name: command.name,
      description: command.description,
      options: command.options,
      run: command.run,
    };
  }
  const leaf = command.subcommands.find((s) => s.name === subcommand?.toLowerCase());
  if (!leaf) {
    const names = command.subcommands.map((s) => s.name).join("|");
    throw new UserError("error.unknownSubcommand", {
      sub: subcommand ?? "",
      usage: `/${command.name} <${names}>`,
    });
  }
  return leaf;
}

/** Checks and converts raw values against the declared options; unknown keys are dropped. */
export function validateArgs(command: Command, leaf: Leaf, raw: Args): Args {
  const out: Args = {};
  const isSub = command.subcommands !== undefined;
  for (const option of leaf.options) {
    const value = raw[option.name];
    const text = typeof value === "string" ? value.trim() : value;
    if (text === undefined || text === "") {
      if (option.required) {
        throw new UserError("error.missingOption", {
          option: option.name,
          usage: usage(command, isSub ? leaf : undefined),
        });
      }
      out[option.name] = undefined;
      continue;
    }
    out[option.name] = convert(option, text);
  }
  return out;
}

function convert(option: OptionSpec, value: string | number): string | number {
  if (option.type === "integer") {
    const n = typeof value === "number" ? value : Number(value);
    const min = option.min ?? Number.MIN_SAFE_INTEGER;
    const max = option.max ?? Number.MAX_SAFE_INTEGER;
    if (!Number.isInteger(n) || n < min || n > max) {
      throw new UserError("error.badInteger", { option: option.name, min, max });
    }
    return n;
  }
  const text = String(value);
  if (option.maxLength !== undefined && text.length > option.maxLength) {
    throw new UserError("error.tooLong", { option: option.name, max: option.maxLength });
  }
  if (option.choices) {
    const match = option.choices.find((c) => c.toLowerCase() === text.toLowerCase());
    if (!match)
      throw new UserError("error.badChoice", { option: option.name, choices: option.choices.join(", ") });
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
