import type { InteractionInput } from "./stand-in.js";
import { INTERACTION_TYPE } from "./stand-in-interactions.js";

/** The fixed world of the stand-in (one guild, two channels, one user) and the payloads it sends. */

export const APP_ID = "100000000000000001";
export const GUILD_ID = "200000000000000001";
export const CHANNEL_ID = "300000000000000001";
export const LOCKED_CHANNEL_ID = "300000000000000002";
export const MANAGE_GUILD = 1n << 5n;
const BOT = {
  id: APP_ID,
  username: "newsdesk",
  discriminator: "0",
  global_name: "Newsdesk",
  avatar: null,
  bot: true,
};
const USER = {
  id: "600000000000000001",
  username: "reader",
  discriminator: "0",
  global_name: "Reader",
  avatar: null,
};

/** INTERACTION_CREATE for one input, in a guild channel or a DM. */
export function interactionPayload(
  input: InteractionInput,
  id: string,
  token: string,
  message: Record<string, unknown> | undefined,
): Record<string, unknown> {
  const place = input.dm
    ? { user: USER, channel: { id: "300000000000000099", type: 1 }, context: 1 }
    : {
        guild_id: GUILD_ID,
        guild_locale: "en-US",
        channel_id: CHANNEL_ID,
        channel: { id: CHANNEL_ID, type: 0, guild_id: GUILD_ID, name: "news" },
        member: {
          user: USER,
          roles: [],
          permissions: String(input.permissions ?? 0n),
          joined_at: "2025-01-01T00:00:00.000Z",
          deaf: false,
          mute: false,
          flags: 0,
        },
        context: 0,
      };
  return {
    id,
    application_id: APP_ID,
    type: INTERACTION_TYPE[input.kind],
    data: interactionData(input),
    ...place,
    ...(message ? { message } : {}),
    token,
    version: 1,
    locale: input.locale ?? "en-US",
    app_permissions: "2248473465835073",
    entitlements: [],
    authorizing_integration_owners: { "0": GUILD_ID },
    attachment_size_limit: 10_485_760,
  };
}

function interactionData(input: InteractionInput): Record<string, unknown> {
  if (input.kind === "button") return { custom_id: input.customId, component_type: 2 };
  let options = Object.entries(input.options ?? {}).map(([name, value]) => ({
    name,
    type: typeof value === "number" ? 4 : 3,
    value,
    ...(name === input.focused ? { focused: true } : {}),
  }));
  if (input.subcommand) options = [{ name: input.subcommand, type: 1, options } as never];
  return { id: "700000000000000001", name: input.name, type: 1, options };
}

/** A message object as Discord returns it. */
export function messageObject(
  id: string,
  channelId: string,
  body: Record<string, unknown>,
  now: number,
): Record<string, unknown> {
  return {
    id,
    channel_id: channelId,
    author: BOT,
    content: body.content ?? "",
    embeds: body.embeds ?? [],
    components: body.components ?? [],
    attachments: [],
    mentions: [],
    mention_roles: [],
    mention_everyone: false,
    pinned: false,
    tts: false,
    type: 0,
    flags: body.flags ?? 0,
    timestamp: new Date(now).toISOString(),
    edited_timestamp: null,
    application_id: APP_ID,
  };
}

/** READY: what discord.js needs to log in (user, guilds, application id, a session to resume). */
export function readyPayload(session: string, resume: string): Record<string, unknown> {
  return {
    v: 10,
    user: BOT,
    guilds: [{ id: GUILD_ID, unavailable: true }],
    session_id: session,
    resume_gateway_url: resume,
    application: { id: APP_ID, flags: 0 },
    shard: [0, 1],
  };
}

/** GUILD_CREATE for the one guild, with its two channels. */
export function guildCreatePayload(): Record<string, unknown> {
  return {
    id: GUILD_ID,
    name: "Newsroom",
    owner_id: USER.id,
    unavailable: false,
    member_count: 2,
    roles: [{ id: GUILD_ID, name: "@everyone", permissions: "1071698660929", position: 0, color: 0 }],
    channels: [CHANNEL_ID, LOCKED_CHANNEL_ID].map((id, position) => ({
      id,
      type: 0,
      name: position === 0 ? "news" : "locked",
      position,
      permission_overwrites: [],
    })),
    members: [],
    threads: [],
    emojis: [],
    stickers: [],
    features: [],
    joined_at: "2025-01-01T00:00:00.000Z",
  };
}
