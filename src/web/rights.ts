/**
 * What a signed-in person may see and change. Rights are fixed at sign-in where the platform tells
 * them then (the operator; the Discord servers a moderator manages), and checked when a place is
 * opened where it answers only then (Telegram: getChatMember on the chat being opened).
 */
export type Rights =
  | { kind: "operator" }
  | { kind: "discord"; userId: string; guildIds: ReadonlySet<string> }
  | { kind: "telegram"; userId: string };

/** Who a session is, for the header and the audit log ("discord:123" as id, the name shown). */
export interface WebUser {
  id: string;
  name: string;
}

/** What authorization needs to know of the world, injected (the platforms answer it). */
export interface AuthorizationPorts {
  /** The guilds where the bot is now: a moderator's rights hold only where the bot still is. */
  botGuildIds(): Promise<ReadonlySet<string>> | ReadonlySet<string>;
  /** The guild of a Discord channel, null when unknown. */
  guildOfChannel(channelId: string): Promise<string | null>;
  /** Whether the Telegram user is an administrator (or the creator) of the chat now. */
  isChatAdmin(chatId: string, userId: string): Promise<boolean>;
}

/**
 * Whether the rights allow a target ("discord:<channel id>", "telegram:<chat id>", "console").
 * The console and anything unknown belong to the operator alone. A platform that cannot answer
 * (an error) means no: authorization fails closed.
 */
export async function mayManageTarget(
  rights: Rights,
  target: string,
  ports: AuthorizationPorts,
): Promise<boolean> {
  if (rights.kind === "operator") return true;
  const colon = target.indexOf(":");
  const platform = target.slice(0, colon);
  const id = target.slice(colon + 1);
  if (colon <= 0 || !/^-?\d{1,25}$/.test(id)) return false;
  try {
    if (rights.kind === "discord" && platform === "discord") {
      const guild = await ports.guildOfChannel(id);
      return guild !== null && (await mayManageGuild(rights, guild, ports));
    }
    if (rights.kind === "telegram" && platform === "telegram") {
      return await ports.isChatAdmin(id, rights.userId);
    }
  } catch {
    return false;
  }
  return false;
}

/** Whether the rights allow a whole Discord server (its pages list its channels). */
export async function mayManageGuild(
  rights: Rights,
  guildId: string,
  ports: Pick<AuthorizationPorts, "botGuildIds">,
): Promise<boolean> {
  if (rights.kind === "operator") return true;
  if (rights.kind !== "discord" || !rights.guildIds.has(guildId)) return false;
  return (await ports.botGuildIds()).has(guildId);
}
