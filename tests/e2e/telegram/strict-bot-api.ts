/**
 * What the Bot API refuses and telegram-test-api lets through, checked the way Telegram checks it,
 * with Telegram's own error texts (core.telegram.org/bots/api#formatting-options, #sendmessage,
 * #inlinekeyboardbutton; the HTML parser follows tdlib's parse_html). The emulator wrapper runs
 * every call through `checkBotApiCall` and records each refusal as a violation, which every test
 * asserts empty: "no violation" means Telegram would have taken what the bot sent.
 */

export const TELEGRAM_LIMITS = {
  /** Characters of a message text after entity parsing (counted in UTF-16 units, as entity offsets are). */
  message: 4096,
  /** Bytes of an inline button's callback_data (1-64). */
  callbackData: 64,
  /** Characters of an answerCallbackQuery notification (0-200). */
  callbackAnswer: 200,
} as const;

/** Tags Telegram's HTML parse mode accepts; any other start tag is refused. */
const TAGS = new Set([
  "b",
  "strong",
  "i",
  "em",
  "u",
  "ins",
  "s",
  "strike",
  "del",
  "a",
  "code",
  "pre",
  "tg-spoiler",
  "span",
  "blockquote",
  "tg-emoji",
]);
const NAMED_ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"' };

export interface Refusal {
  /** Telegram's description, as the Bot API answers it (with "Bad Request: "). */
  description: string;
  /** false when Telegram takes the call but it betrays a bot bug (shown to the user as typed). */
  refused: boolean;
}

class ParseError extends Error {}

const byteOffset = (html: string, index: number) => Buffer.byteLength(html.slice(0, index));

/**
 * Parses Telegram HTML into its plain text, as the Bot API does before counting the length.
 * Throws ParseError with tdlib's message on markup Telegram refuses; `notes` collects what Telegram
 * accepts but shows literally (a bare & or >, a named entity it does not know).
 */
export function parseTelegramHtml(html: string, notes: string[] = []): string {
  let text = "";
  const stack: string[] = [];
  let i = 0;
  while (i < html.length) {
    const char = html[i] as string;
    if (char === "&") {
      const entity = /^&(#x[0-9a-f]+|#\d+|[a-z]+);?/i.exec(html.slice(i));
      const decoded = entity ? decodeEntity(entity[1] as string) : null;
      if (entity && decoded !== null) {
        text += decoded;
        i += entity[0].length;
        continue;
      }
      notes.push(`"&" not part of an entity at byte offset ${byteOffset(html, i)} (shown as typed)`);
      text += char;
      i += 1;
      continue;
    }
    if (char === ">") notes.push(`unescaped ">" at byte offset ${byteOffset(html, i)}`);
    if (char !== "<") {
      text += char;
      i += 1;
      continue;
    }
    const at = byteOffset(html, i);
    const end = html.indexOf(">", i);
    if (html[i + 1] === "/") {
      const name = /^<\/([^\s>]*)/.exec(html.slice(i))?.[1]?.toLowerCase() ?? "";
      if (end < 0 || html.slice(i + 2 + name.length, end).trim() !== "") {
        throw new ParseError(`Unclosed end tag at byte offset ${at}`);
      }
      const open = stack.pop();
      if (open === undefined) throw new ParseError(`Unexpected end tag at byte offset ${at}`);
      if (name !== "" && name !== open) {
        throw new ParseError(
          `Unmatched end tag at byte offset ${at}, expected "</${open}>", found "</${name}>"`,
        );
      }
      i = end + 1;
      continue;
    }
    if (end < 0) throw new ParseError(`Unclosed start tag at byte offset ${at}`);
    const body = html.slice(i + 1, end);
    const name = (/^[^\s]*/.exec(body)?.[0] ?? "").toLowerCase();
    if (!TAGS.has(name)) throw new ParseError(`Unsupported start tag "${name}" at byte offset ${at}`);
    const attributes = parseAttributes(body.slice(name.length), at);
    if (name === "span" && attributes.class !== "tg-spoiler") {
      throw new ParseError(`Tag "span" must have class "tg-spoiler" at byte offset ${at}`);
    }
    if (name === "tg-emoji" && attributes["emoji-id"] === undefined) {
      throw new ParseError(`Tag "tg-emoji" must have attribute "emoji-id" at byte offset ${at}`);
    }
    stack.push(name);
    i = end + 1;
  }
  const open = stack.pop();
  if (open !== undefined) throw new ParseError(`Can't find end tag corresponding to start tag "${open}"`);
  return text;
}

function decodeEntity(name: string): string | null {
  if (name.startsWith("#")) {
    const code = name[1]?.toLowerCase() === "x" ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
    return code > 0 && code < 0x10ffff && name.length < 9 ? String.fromCodePoint(code) : null;
  }
  return NAMED_ENTITIES[name] ?? null;
}

function parseAttributes(source: string, at: number): Record<string, string> {
  const attributes: Record<string, string> = {};
  const pattern = /\s*([^\s=]+)\s*(?:=\s*(?:"([^"]*)"|'([^']*)'|([\w.-]+)))?/y;
  let rest = source;
  while (rest.trim() !== "") {
    pattern.lastIndex = 0;
    const match = pattern.exec(rest);
    if (!match || match[0] === "") throw new ParseError(`Unclosed start tag at byte offset ${at}`);
    const [whole, key = "", double, single, token] = match;
    attributes[key.toLowerCase()] = double ?? single ?? token?.toLowerCase() ?? "";
    rest = rest.slice(whole.length);
  }
  return attributes;
}

const bad = (description: string): Refusal => ({ description: `Bad Request: ${description}`, refused: true });

/** Checks a message text (sendMessage, editMessageText) as Telegram would. */
function checkText(params: Record<string, unknown>): Refusal | null {
  const raw = typeof params.text === "string" ? params.text : "";
  const notes: string[] = [];
  let text = raw;
  if (params.parse_mode === "HTML") {
    try {
      text = parseTelegramHtml(raw, notes);
    } catch (error) {
      if (error instanceof ParseError) return bad(`can't parse entities: ${error.message}`);
      throw error;
    }
  }
  if (text.trim() === "") return bad("message text is empty");
  if (text.length > TELEGRAM_LIMITS.message) return bad("message is too long");
  return notes.length > 0 ? { description: notes.join("; "), refused: false } : null;
}

// biome-ignore lint/suspicious/noExplicitAny: request JSON, checked field by field
type Json = any;

/** Checks reply_markup's inline keyboard: rows of buttons, each with text and one action. */
function checkKeyboard(markup: unknown): Refusal | null {
  if (markup === undefined || markup === null || markup === "") return null;
  let parsed: Json = markup;
  if (typeof markup === "string") {
    try {
      parsed = JSON.parse(markup);
    } catch {
      return bad("can't parse reply keyboard markup JSON object");
    }
  }
  if (parsed.inline_keyboard === undefined) return null; // other keyboards: not sent by the bot
  const rows = parsed.inline_keyboard;
  if (!Array.isArray(rows) || !rows.every((row: unknown) => Array.isArray(row))) {
    return bad('field "inline_keyboard" of the InlineKeyboardMarkup should be an Array of Arrays');
  }
  for (const button of rows.flat() as Json[]) {
    if (typeof button !== "object" || button === null) {
      return bad("can't parse inline keyboard button: InlineKeyboardButton must be an Object");
    }
    if (typeof button.text !== "string") {
      return bad('can\'t parse inline keyboard button: Field "text" must be of type String');
    }
    if (button.callback_data !== undefined) {
      const bytes = Buffer.byteLength(String(button.callback_data));
      if (bytes < 1 || bytes > TELEGRAM_LIMITS.callbackData) return bad("BUTTON_DATA_INVALID");
    } else if (button.url !== undefined) {
      if (!/^(https?|tg):\/\/\S+$/i.test(String(button.url))) return bad("BUTTON_URL_INVALID");
    } else {
      return bad("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
    }
  }
  return null;
}

/** Whether an edit changes nothing, which Telegram refuses. */
export function notModified(
  current: { text?: unknown; reply_markup?: unknown },
  edit: Record<string, unknown>,
): Refusal | null {
  const markup = (value: unknown) =>
    JSON.stringify(typeof value === "string" ? JSON.parse(value) : (value ?? null));
  if (String(current.text ?? "") !== String(edit.text ?? "")) return null;
  if (markup(current.reply_markup) !== markup(edit.reply_markup)) return null;
  return bad(
    "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
  );
}

/** Telegram's verdict on one Bot API call the emulator does not check itself, or null when fine. */
export function checkBotApiCall(method: string, params: Record<string, unknown>): Refusal | null {
  switch (method) {
    case "sendMessage":
    case "editMessageText": {
      const text = checkText(params);
      return text?.refused ? text : (checkKeyboard(params.reply_markup) ?? text);
    }
    case "editMessageReplyMarkup":
      return checkKeyboard(params.reply_markup);
    case "answerCallbackQuery":
      return typeof params.text === "string" && params.text.length > TELEGRAM_LIMITS.callbackAnswer
        ? bad("MESSAGE_TOO_LONG")
        : null;
    default:
      return null;
  }
}
