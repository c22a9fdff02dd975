import {
  DISCORD_LIMITS,
  EPHEMERAL,
  FormErrors,
  isObject,
  type Json,
  maxLength,
  type Path,
} from "./stand-in-limits.js";

/**
 * Discord's rules for a message body (content, embeds, components, allowed_mentions, flags, nonce),
 * from resources/message and components/reference, against the table in stand-in-limits.ts.
 */

/** Flags a message may be created with (SUPPRESS_EMBEDS, EPHEMERAL, SUPPRESS_NOTIFICATIONS, IS_VOICE_MESSAGE, IS_COMPONENTS_V2). */
const MESSAGE_FLAGS = (1 << 2) | EPHEMERAL | (1 << 12) | (1 << 13) | (1 << 15);
const MENTION_TYPES = ["roles", "users", "everyone"];
const MENTION_KEYS = new Set(["parse", "roles", "users", "replied_user"]);

/** Trimmed length of an embed text, as Discord counts it toward the limits. */
const embedLength = (value: unknown) => (typeof value === "string" ? value.trim().length : 0);

function checkEmbedText(errors: FormErrors, path: Path, value: unknown, max: number, required = false) {
  if (typeof value === "string" && embedLength(value) > max) {
    errors.add(path, "BASE_TYPE_MAX_LENGTH", `Must be ${max} or fewer in length.`);
  } else if (value !== undefined || required) {
    maxLength(errors, path, value, Number.POSITIVE_INFINITY, required);
  }
}

function checkUrl(errors: FormErrors, path: Path, value: unknown): void {
  if (value === undefined || value === null) return;
  let url: URL;
  try {
    url = new URL(String(value));
  } catch {
    errors.add(path, "URL_TYPE_INVALID_URL", "Not a well formed URL.");
    return;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    const scheme = url.protocol.slice(0, -1);
    errors.add(
      path,
      "URL_TYPE_INVALID_SCHEME",
      `Scheme "${scheme}" is not supported. Scheme must be one of ('http', 'https').`,
    );
  }
}

function checkEmbeds(errors: FormErrors, path: Path, embeds: Json): void {
  if (!Array.isArray(embeds)) {
    errors.add(path, "LIST_TYPE_CONVERT", "Only iterables may be used in a ListType");
    return;
  }
  if (embeds.length > DISCORD_LIMITS.embedsPerMessage) {
    errors.add(
      path,
      "BASE_TYPE_MAX_LENGTH",
      `Must be ${DISCORD_LIMITS.embedsPerMessage} or fewer in length.`,
    );
  }
  let total = 0;
  for (const [i, embed] of (embeds as Json[]).entries()) {
    const at = [...path, i];
    if (!isObject(embed)) {
      errors.add(at, "MODEL_TYPE_CONVERT", "Only dictionaries may be used in a ModelType");
      continue;
    }
    checkEmbedText(errors, [...at, "title"], embed.title, DISCORD_LIMITS.embedTitle);
    checkEmbedText(errors, [...at, "description"], embed.description, DISCORD_LIMITS.embedDescription);
    checkUrl(errors, [...at, "url"], embed.url);
    if (
      embed.color !== undefined &&
      !(Number.isInteger(embed.color) && embed.color >= 0 && embed.color <= 0xffffff)
    ) {
      errors.add([...at, "color"], "NUMBER_TYPE_MAX", "int value should be less than or equal to 16777215.");
    }
    if (embed.footer !== undefined)
      checkEmbedText(errors, [...at, "footer", "text"], embed.footer?.text, DISCORD_LIMITS.footerText, true);
    if (embed.author !== undefined)
      checkEmbedText(errors, [...at, "author", "name"], embed.author?.name, DISCORD_LIMITS.authorName, true);
    const fields: Json[] = Array.isArray(embed.fields) ? embed.fields : [];
    if (fields.length > DISCORD_LIMITS.fieldsPerEmbed) {
      errors.add(
        [...at, "fields"],
        "BASE_TYPE_MAX_LENGTH",
        `Must be ${DISCORD_LIMITS.fieldsPerEmbed} or fewer in length.`,
      );
    }
    for (const [j, field] of (fields as Json[]).entries()) {
      checkEmbedText(errors, [...at, "fields", j, "name"], field?.name, DISCORD_LIMITS.fieldName, true);
      checkEmbedText(errors, [...at, "fields", j, "value"], field?.value, DISCORD_LIMITS.fieldValue, true);
      total += embedLength(field?.name) + embedLength(field?.value);
    }
    total +=
      embedLength(embed.title) +
      embedLength(embed.description) +
      embedLength(embed.footer?.text) +
      embedLength(embed.author?.name);
  }
  if (total > DISCORD_LIMITS.embedTotal) {
    errors.add(
      path,
      "MAX_EMBED_SIZE_EXCEEDED",
      `Embed size exceeds maximum size of ${DISCORD_LIMITS.embedTotal}`,
    );
  }
}

function checkComponents(errors: FormErrors, path: Path, rows: Json): void {
  if (!Array.isArray(rows)) {
    errors.add(path, "LIST_TYPE_CONVERT", "Only iterables may be used in a ListType");
    return;
  }
  if (rows.length > DISCORD_LIMITS.actionRows) {
    errors.add(path, "BASE_TYPE_MAX_LENGTH", `Must be ${DISCORD_LIMITS.actionRows} or fewer in length.`);
  }
  const ids = new Set<string>();
  for (const [i, row] of (rows as Json[]).entries()) {
    const at = [...path, i];
    if (row?.type !== 1) {
      errors.add([...at, "type"], "BASE_TYPE_CHOICES", "Value must be one of {1}.");
      continue;
    }
    const buttons: Json[] = Array.isArray(row.components) ? row.components : [];
    if (buttons.length < 1 || buttons.length > DISCORD_LIMITS.buttonsPerRow) {
      errors.add(
        [...at, "components"],
        "BASE_TYPE_BAD_LENGTH",
        `Must be between 1 and ${DISCORD_LIMITS.buttonsPerRow} in length.`,
      );
    }
    for (const [j, button] of (buttons as Json[]).entries()) {
      const b = [...at, "components", j];
      if (button?.type !== 2) continue; // only buttons are checked in detail: the bot sends no other
      if (button.label === undefined && button.emoji === undefined) {
        errors.add(b, "BUTTON_COMPONENT_LABEL_OR_EMOJI_REQUIRED", "A label or emoji is required");
      }
      maxLength(errors, [...b, "label"], button.label, DISCORD_LIMITS.buttonLabel);
      if (button.style === 5) {
        checkUrl(errors, [...b, "url"], button.url);
        if (button.custom_id !== undefined)
          errors.add(
            [...b, "custom_id"],
            "BUTTON_COMPONENT_CUSTOM_ID_NOT_ALLOWED",
            "A link button cannot have a custom id",
          );
        continue;
      }
      maxLength(errors, [...b, "custom_id"], button.custom_id, DISCORD_LIMITS.customId, true);
      if (typeof button.custom_id === "string") {
        if (ids.has(button.custom_id))
          errors.add(path, "COMPONENT_CUSTOM_ID_DUPLICATED", "Component custom id cannot be duplicated");
        ids.add(button.custom_id);
      }
    }
  }
}

const SNOWFLAKE = /^\d{1,20}$/;

/** Checks the allowed_mentions object (shape only; whether something pings is `pings`). */
export function checkAllowedMentions(errors: FormErrors, path: Path, value: Json): void {
  if (value === undefined || value === null) return;
  if (!isObject(value)) {
    errors.add(path, "MODEL_TYPE_CONVERT", "Only dictionaries may be used in a ModelType");
    return;
  }
  for (const key of Object.keys(value)) {
    // Stricter than Discord, which ignores unknown keys: a misspelt key is a mention policy that does nothing.
    if (!MENTION_KEYS.has(key)) errors.add([...path, key], "UNKNOWN_FIELD", `Unknown field "${key}".`);
  }
  const parse = value.parse;
  if (parse !== undefined) {
    if (!Array.isArray(parse))
      errors.add([...path, "parse"], "LIST_TYPE_CONVERT", "Only iterables may be used in a ListType");
    else
      for (const [i, type] of (parse as Json[]).entries()) {
        if (!MENTION_TYPES.includes(String(type))) {
          errors.add(
            [...path, "parse", i],
            "BASE_TYPE_CHOICES",
            "Value must be one of ('roles', 'users', 'everyone').",
          );
        }
      }
  }
  for (const kind of ["users", "roles"] as const) {
    const ids = value[kind];
    if (ids === undefined) continue;
    if (!Array.isArray(ids)) {
      errors.add([...path, kind], "LIST_TYPE_CONVERT", "Only iterables may be used in a ListType");
      continue;
    }
    if (ids.length > DISCORD_LIMITS.mentionIds) {
      errors.add(
        [...path, kind],
        "BASE_TYPE_MAX_LENGTH",
        `Must be ${DISCORD_LIMITS.mentionIds} or fewer in length.`,
      );
    }
    for (const [i, id] of (ids as Json[]).entries()) {
      if (!SNOWFLAKE.test(String(id)))
        errors.add([...path, kind, i], "NUMBER_TYPE_COERCE", `Value "${id}" is not snowflake.`);
    }
    if (Array.isArray(parse) && parse.includes(kind)) {
      errors.add(
        path,
        "MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE",
        `parse:["${kind}"] and ${kind}: [ids...] are mutually exclusive.`,
      );
    }
  }
  if (value.replied_user !== undefined && typeof value.replied_user !== "boolean") {
    errors.add([...path, "replied_user"], "BASE_TYPE_BOOLEAN", "Must be either true or false.");
  }
}

/**
 * The mentions in `content` that would notify someone (embeds never ping). Without
 * allowed_mentions Discord parses every type in a channel message and only users in an
 * interaction response or webhook message.
 */
export function pings(content: unknown, mentions: Json, where: "channel" | "interaction"): string[] {
  if (typeof content !== "string") return [];
  const allowed = isObject(mentions)
    ? mentions
    : { parse: where === "channel" ? ["everyone", "users", "roles"] : ["users"] };
  const parse: string[] = Array.isArray(allowed.parse) ? allowed.parse : [];
  const listed = (kind: "users" | "roles", id: string) =>
    parse.includes(kind) || (Array.isArray(allowed[kind]) && allowed[kind].includes(id));
  const found: string[] = [];
  for (const match of content.matchAll(/@(everyone|here)|<@(&?)!?(\d+)>/g)) {
    const [text, everyone, role, id = ""] = match;
    if (everyone ? parse.includes("everyone") : listed(role ? "roles" : "users", id)) found.push(text);
  }
  return found;
}

export interface MessageRules {
  /** A new message must have something in it; an edit may change one field only. */
  create: boolean;
  /** Flags this route accepts (a deferral takes EPHEMERAL only). */
  flags?: number;
}

/**
 * Validates a message body (create, edit, interaction callback data) against every documented
 * limit. Returns the 400 body Discord would answer with, or null when Discord would accept it.
 */
export function checkMessage(body: Json, rules: MessageRules, path: Path = []): object | null {
  const errors = new FormErrors();
  const message = isObject(body) ? body : {};
  maxLength(errors, [...path, "content"], message.content, DISCORD_LIMITS.content);
  if (message.embeds !== undefined && message.embeds !== null)
    checkEmbeds(errors, [...path, "embeds"], message.embeds);
  if (message.components !== undefined && message.components !== null) {
    checkComponents(errors, [...path, "components"], message.components);
  }
  checkAllowedMentions(errors, [...path, "allowed_mentions"], message.allowed_mentions);
  if (message.flags !== undefined && message.flags !== null) {
    const allowed = rules.flags ?? MESSAGE_FLAGS;
    if (!Number.isInteger(message.flags) || (message.flags & ~allowed) !== 0) {
      errors.add([...path, "flags"], "MESSAGE_FLAGS_INVALID", "Invalid flags for this message.");
    }
  }
  if (message.nonce !== undefined) {
    const nonce = message.nonce;
    if (typeof nonce === "string") maxLength(errors, [...path, "nonce"], nonce, DISCORD_LIMITS.nonce);
    else if (!Number.isSafeInteger(nonce))
      errors.add([...path, "nonce"], "NONCE_TYPE_INVALID", "Nonce must be a string or integer.");
  }
  const invalid = errors.body();
  if (invalid) return invalid;
  const empty =
    (typeof message.content !== "string" || message.content === "") &&
    !(Array.isArray(message.embeds) && message.embeds.length > 0) &&
    !(Array.isArray(message.components) && message.components.length > 0) &&
    message.sticker_ids === undefined &&
    message.poll === undefined &&
    message.attachments === undefined;
  if (rules.create && empty) return { code: 50006, message: "Cannot send an empty message" };
  return null;
}
