/**
 * Discord's documented limits and payload rules, as the stand-in enforces them. Written from
 * Discord's documentation, never from src/platforms/discord/limits.ts: the tests check the bot
 * against this table, so a limit raised in the source turns them red.
 *
 * Sources (discord/discord-api-docs): resources/message "Embed Limits" and "Allowed Mentions
 * Object", resources/message "Create Message" (nonce, enforce_nonce), components/reference
 * (action rows, buttons), interactions/receiving-and-responding (callback types, 3 s, 15 min),
 * interactions/application-commands (choices, names, descriptions).
 *
 * Lengths are counted in UTF-16 code units (JavaScript's `length`): Discord says "characters",
 * and a unit count is never below a code point count, so the stand-in is never laxer than Discord.
 * Embed texts are trimmed first, as Discord documents ("leading and trailing whitespace
 * characters are not included").
 */
export const DISCORD_LIMITS = {
  content: 2000,
  embedsPerMessage: 10,
  embedTitle: 256,
  embedDescription: 4096,
  fieldsPerEmbed: 25,
  fieldName: 256,
  fieldValue: 1024,
  footerText: 2048,
  authorName: 256,
  /** Sum of title, description, field names and values, footer text and author name, all embeds. */
  embedTotal: 6000,
  actionRows: 5,
  buttonsPerRow: 5,
  customId: 100,
  buttonLabel: 80,
  /** allowed_mentions.users and .roles hold at most this many ids each. */
  mentionIds: 100,
  nonce: 25,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
  commandName: 32,
  commandDescription: 100,
  commandOptions: 25,
  /** The initial response to an interaction must come within this time. */
  initialResponseMs: 3_000,
  /** An interaction token (follow-ups, @original) is valid this long. */
  tokenLifetimeMs: 15 * 60_000,
  /**
   * How long a nonce sent with enforce_nonce is remembered. Discord says "the past few minutes";
   * the stand-in takes the short end, so the bot is never tested against a longer memory.
   */
  nonceWindowMs: 2 * 60_000,
} as const;

export const EPHEMERAL = 1 << 6;

export interface FieldError {
  code: string;
  message: string;
}

/** Discord's nested `errors` object: each level keyed by field name or array index, leaves in `_errors`. */
export type ErrorTree = { [key: string]: ErrorTree | FieldError[] };

/** Collects field errors into Discord's nested shape. */
export class FormErrors {
  readonly tree: ErrorTree = {};
  count = 0;

  add(path: (string | number)[], code: string, message: string): void {
    let node = this.tree;
    for (const key of path) {
      node[String(key)] ??= {};
      node = node[String(key)] as ErrorTree;
    }
    node._errors ??= [];
    (node._errors as FieldError[]).push({ code, message });
    this.count += 1;
  }

  /** The 400 body Discord answers with, or null when nothing was wrong. */
  body(): { code: number; message: string; errors: ErrorTree } | null {
    return this.count === 0 ? null : { code: 50035, message: "Invalid Form Body", errors: this.tree };
  }
}

export type Path = (string | number)[];
// biome-ignore lint/suspicious/noExplicitAny: request JSON, checked field by field
export type Json = any;

export const isObject = (value: unknown): boolean =>
  typeof value === "object" && value !== null && !Array.isArray(value);

export function maxLength(
  errors: FormErrors,
  path: Path,
  value: unknown,
  max: number,
  required = false,
): void {
  if (value === undefined || value === null) {
    if (required) errors.add(path, "BASE_TYPE_REQUIRED", "This field is required");
    return;
  }
  if (typeof value !== "string") {
    errors.add(path, "STRING_TYPE_CONVERT", "Could not interpret value as string.");
    return;
  }
  if (required && value.trim() === "") errors.add(path, "BASE_TYPE_REQUIRED", "This field is required");
  if (value.length > max) errors.add(path, "BASE_TYPE_MAX_LENGTH", `Must be ${max} or fewer in length.`);
}

/** Validates autocomplete choices (callback type 8). */
export function checkChoices(data: Json, path: Path): object | null {
  const errors = new FormErrors();
  const choices = data?.choices;
  if (!Array.isArray(choices)) {
    errors.add([...path, "choices"], "BASE_TYPE_REQUIRED", "This field is required");
    return errors.body();
  }
  if (choices.length > DISCORD_LIMITS.choices) {
    errors.add(
      [...path, "choices"],
      "BASE_TYPE_MAX_LENGTH",
      `Must be ${DISCORD_LIMITS.choices} or fewer in length.`,
    );
  }
  for (const [i, choice] of (choices as Json[]).entries()) {
    const at = [...path, "choices", i];
    maxLength(errors, [...at, "name"], choice?.name, DISCORD_LIMITS.choiceName, true);
    if (typeof choice?.value === "string")
      maxLength(errors, [...at, "value"], choice.value, DISCORD_LIMITS.choiceValue);
    else if (typeof choice?.value !== "number")
      errors.add([...at, "value"], "BASE_TYPE_REQUIRED", "This field is required");
  }
  return errors.body();
}

const COMMAND_NAME = /^[-_\p{L}\p{N}]{1,32}$/u;

/** Validates a bulk command registration (PUT .../commands): names, descriptions, option counts. */
export function checkCommands(body: Json): object | null {
  const errors = new FormErrors();
  if (!Array.isArray(body)) {
    errors.add([], "LIST_TYPE_CONVERT", "Only iterables may be used in a ListType");
    return errors.body();
  }
  const checkOne = (item: Json, at: Path) => {
    if (!COMMAND_NAME.test(String(item?.name)) || String(item?.name) !== String(item?.name).toLowerCase()) {
      errors.add([...at, "name"], "APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid");
    }
    maxLength(errors, [...at, "description"], item?.description, DISCORD_LIMITS.commandDescription, true);
    for (const [locale, text] of Object.entries(item?.description_localizations ?? {})) {
      maxLength(
        errors,
        [...at, "description_localizations", locale],
        text,
        DISCORD_LIMITS.commandDescription,
        true,
      );
    }
    const options: Json[] = item?.options ?? [];
    if (options.length > DISCORD_LIMITS.commandOptions) {
      errors.add(
        [...at, "options"],
        "BASE_TYPE_MAX_LENGTH",
        `Must be ${DISCORD_LIMITS.commandOptions} or fewer in length.`,
      );
    }
    for (const [i, option] of options.entries()) checkOne(option, [...at, "options", i]);
  };
  for (const [i, command] of (body as Json[]).entries()) checkOne(command, [i]);
  return errors.body();
}
