import type { Logger } from "../../domain/logger.js";
import type { RawChat, Sender } from "./parse-update.js";

/** How the check asks Telegram about a member (bot.telegram.getChatMember in production). */
export type GetMemberStatus = (chatId: number, userId: number) => Promise<string>;

const ADMIN_STATUSES = new Set(["creator", "administrator"]);

/**
 * Decides on the server side whether the sender may use moderator commands, from Telegram's own
 * answer, never from anything in the message text:
 * - a private chat: the user is alone with the bot, so yes;
 * - a channel post, or a message sent as the group itself (anonymous admin): only admins can, so yes;
 * - a message sent on behalf of another chat (a linked channel, a user's channel): no;
 * - a group member: getChatMember says "creator" or "administrator".
 * Answers are cached for `ttlMs` (60 s) per chat and user; a failed lookup says no and is not cached.
 */
export class ModeratorCheck {
  private readonly cache = new Map<string, { admin: boolean; until: number }>();

  constructor(
    private readonly getStatus: GetMemberStatus,
    private readonly log: Logger,
    private readonly ttlMs = 60_000,
    private readonly now: () => number = Date.now,
    private readonly maxEntries = 5_000,
  ) {}

  async isModerator(chat: RawChat, sender: Sender): Promise<boolean> {
    if (chat.type === "private") return true;
    if (chat.type === "channel") return true;
    if (sender.senderChatId !== undefined) return sender.senderChatId === chat.id;
    if (chat.type !== "group" && chat.type !== "supergroup") return false;
    const userId = Number(sender.id);
    if (!Number.isSafeInteger(userId)) return false;
    const key = `${chat.id}:${userId}`;
    const cached = this.cache.get(key);
    if (cached && cached.until > this.now()) return cached.admin;
    try {
      const admin = ADMIN_STATUSES.has(await this.getStatus(chat.id, userId));
      if (this.cache.size >= this.maxEntries) this.cache.clear();
      this.cache.set(key, { admin, until: this.now() + this.ttlMs });
      return admin;
    } catch (error) {
      this.log.warn(
        { err: error, chat: chat.id, user: userId },
        "telegram: getChatMember failed; treating as not a moderator",
      );
      return false;
    }
  }

  clear(): void {
    this.cache.clear();
  }
}
