import { checkChoices, DISCORD_LIMITS, EPHEMERAL } from "./stand-in-limits.js";
import { checkMessage, pings } from "./stand-in-messages.js";

/**
 * The interaction rules of Discord (interactions/receiving-and-responding), as the stand-in keeps
 * them: one initial response per interaction, within 3 s, of a callback type the interaction
 * allows; follow-ups and @original only after it; the token good for 15 minutes. Each answer is
 * what Discord answers; `violation` says which rule the request broke, for the test to fail on.
 */

export type InteractionKind = "command" | "button" | "autocomplete";

/** Interaction type numbers, and the callback types each accepts (PING and modals are never sent). */
export const INTERACTION_TYPE: Record<InteractionKind, number> = { command: 2, button: 3, autocomplete: 4 };
const CALLBACK_TYPES: Record<number, number[]> = { 2: [4, 5, 9, 10, 12], 3: [4, 5, 6, 7, 9, 10], 4: [8] };

// biome-ignore lint/suspicious/noExplicitAny: request and message JSON
type Json = any;

export interface Outcome {
  status: number;
  json?: unknown;
  /** The rule the request broke (also set on a 2xx that Discord takes but that betrays a bot bug). */
  violation?: string;
}

interface Interaction {
  id: string;
  token: string;
  type: number;
  createdAt: number;
  /** The callback type of the initial response, once one was accepted. */
  initial?: number;
  /** The message @original names: the answer, the deferred placeholder, or the button's message. */
  original?: Json;
  originalDeleted: boolean;
  /** A DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE placeholder still showing "thinking…". */
  loading: boolean;
  followUps: Map<string, Json>;
}

/** The LOADING message flag: a deferred answer still "thinking…". */
const LOADING = 1 << 7;
const UNKNOWN_INTERACTION = { code: 10062, message: "Unknown interaction" };
const UNKNOWN_WEBHOOK = { code: 10015, message: "Unknown Webhook" };
const UNKNOWN_MESSAGE = { code: 10008, message: "Unknown Message" };

export class InteractionLedger {
  private readonly byToken = new Map<string, Interaction>();

  constructor(
    private readonly appId: string,
    private readonly now: () => number,
    /** Builds a message object from a body (ids, author, timestamps), as the stand-in returns them. */
    private readonly makeMessage: (body: Json) => Json,
  ) {}

  /** Registers an interaction just dispatched; `message` is the message a button sits on. */
  issue(id: string, token: string, kind: InteractionKind, message?: Json): void {
    this.byToken.set(token, {
      id,
      token,
      type: INTERACTION_TYPE[kind],
      createdAt: this.now(),
      original: message,
      originalDeleted: false,
      loading: false,
      followUps: new Map(),
    });
  }

  /** POST /interactions/{id}/{token}/callback */
  callback(id: string, token: string, body: Json): Outcome {
    const interaction = this.byToken.get(token);
    if (!interaction || interaction.id !== id) {
      return { status: 404, json: UNKNOWN_INTERACTION, violation: "callback for an unknown interaction" };
    }
    if (interaction.initial !== undefined) {
      const json = { code: 40060, message: "Interaction has already been acknowledged." };
      return { status: 400, json, violation: "a second initial response" };
    }
    if (this.now() - interaction.createdAt > DISCORD_LIMITS.initialResponseMs) {
      return { status: 404, json: UNKNOWN_INTERACTION, violation: "the initial response came after 3 s" };
    }
    const type = body?.type;
    const allowed = CALLBACK_TYPES[interaction.type] ?? [];
    if (!allowed.includes(type)) {
      const errors = {
        type: {
          _errors: [{ code: "BASE_TYPE_CHOICES", message: `Value must be one of {${allowed.join(", ")}}.` }],
        },
      };
      return {
        status: 400,
        json: { code: 50035, message: "Invalid Form Body", errors },
        violation: `callback type ${type} for an interaction of type ${interaction.type}`,
      };
    }
    const data = body?.data;
    const invalid =
      type === 4
        ? checkMessage(data, { create: true }, ["data"])
        : type === 7
          ? checkMessage(data, { create: false }, ["data"])
          : type === 5
            ? checkMessage(data ?? {}, { create: false, flags: EPHEMERAL }, ["data"])
            : type === 8
              ? checkChoices(data, ["data"])
              : null;
    if (invalid) return { status: 400, json: invalid, violation: `callback type ${type} refused` };

    interaction.initial = type;
    if (type === 4) interaction.original = this.makeMessage(data);
    if (type === 5) {
      interaction.original = this.makeMessage({ content: "", flags: (data?.flags ?? 0) | LOADING });
      interaction.loading = true;
    }
    if (type === 7) interaction.original = { ...interaction.original, ...data };
    return { status: 204, violation: this.pingViolation(data) };
  }

  /**
   * The webhook routes of an interaction token: POST (follow-up), and GET / PATCH / DELETE of
   * `@original` or of a follow-up by id.
   */
  webhook(method: string, appId: string, token: string, messageId: string | undefined, body: Json): Outcome {
    const interaction = this.byToken.get(token);
    if (!interaction || appId !== this.appId) {
      return { status: 404, json: UNKNOWN_WEBHOOK, violation: "webhook call with an unknown token" };
    }
    if (this.now() - interaction.createdAt > DISCORD_LIMITS.tokenLifetimeMs) {
      const json = { code: 50027, message: "Invalid Webhook Token" };
      return { status: 401, json, violation: "interaction token used after 15 minutes" };
    }
    if (interaction.initial === undefined || interaction.initial === 8) {
      const what = messageId === undefined ? "a follow-up" : `${method} ${messageId}`;
      return {
        status: 404,
        json: messageId === undefined ? UNKNOWN_WEBHOOK : UNKNOWN_MESSAGE,
        violation: `${what} before an initial response that leaves a message`,
      };
    }
    if (messageId === undefined) {
      if (method !== "POST") return { status: 405, json: { code: 0, message: "405: Method Not Allowed" } };
      return this.followUp(interaction, body);
    }
    const original = messageId === "@original";
    const target = original
      ? interaction.originalDeleted
        ? undefined
        : interaction.original
      : interaction.followUps.get(messageId);
    if (!target)
      return { status: 404, json: UNKNOWN_MESSAGE, violation: `${method} of a message that is gone` };
    if (method === "GET") return { status: 200, json: target };
    if (method === "DELETE") {
      if (original) interaction.originalDeleted = true;
      else interaction.followUps.delete(messageId);
      interaction.loading = interaction.loading && !original;
      return { status: 204 };
    }
    if (method !== "PATCH") return { status: 405, json: { code: 0, message: "405: Method Not Allowed" } };
    const invalid = checkMessage(body, { create: false });
    if (invalid) return { status: 400, json: invalid, violation: "an edit refused" };
    Object.assign(target, body, { edited_timestamp: new Date(this.now()).toISOString() });
    if (original) {
      interaction.loading = false;
      target.flags = (target.flags ?? 0) & ~LOADING;
    }
    return { status: 200, json: target, violation: this.pingViolation(body) };
  }

  private followUp(interaction: Interaction, body: Json): Outcome {
    const invalid = checkMessage(body, { create: true });
    if (invalid) return { status: 400, json: invalid, violation: "a follow-up refused" };
    const pinged = this.pingViolation(body);
    if (interaction.loading && !interaction.originalDeleted) {
      // Documented: a follow-up straight after a deferral edits the placeholder instead, and its
      // ephemeral flag is ignored. Discord accepts it; for the bot it means a private answer shown to all.
      interaction.loading = false;
      const ephemeralLost =
        (body?.flags ?? 0) & EPHEMERAL && !((interaction.original.flags ?? 0) & EPHEMERAL);
      Object.assign(interaction.original, body, { flags: interaction.original.flags & ~LOADING });
      return {
        status: 200,
        json: interaction.original,
        violation: ephemeralLost
          ? "a private follow-up after a public deferral: Discord shows it to everyone"
          : pinged,
      };
    }
    const message = this.makeMessage(body);
    interaction.followUps.set(message.id, message);
    return { status: 200, json: message, violation: pinged };
  }

  private pingViolation(body: Json): string | undefined {
    const found = pings(body?.content, body?.allowed_mentions, "interaction");
    return found.length > 0 ? `would ping: ${found.join(" ")}` : undefined;
  }
}
