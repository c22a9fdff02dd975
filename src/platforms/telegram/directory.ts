import type { Telegram } from "telegraf";
import type { PlatformDirectory } from "../../framework/platform.js";

const ADMIN_STATUSES = new Set(["creator", "administrator"]);
/** A chat's title is asked once in this long: a page of channels asks Telegram nothing twice. */
const NAME_KEEP_MS = 10 * 60_000;
const MAX_NAMES = 1_000;

/**
 * What the dashboard asks of Telegram: whether polling (or the webhook) runs, chat titles (getChat,
 * kept ten minutes), whether a user administers a chat now (getChatMember, asked when a page opens
 * the chat; the Authorizer keeps the answer a minute), and the bot's @username for the Login Widget.
 */
export function telegramDirectory(
  api: Pick<Telegram, "getChat" | "getChatMember">,
  running: () => true | string,
  username: () => string | null,
  now: () => number = Date.now,
): PlatformDirectory {
  const names = new Map<string, { name: string | null; at: number }>();
  return {
    ready: running,
    botUsername: username,
    async isChatAdmin(chatId, userId) {
      const member = await api.getChatMember(Number(chatId), Number(userId));
      return ADMIN_STATUSES.has(member.status);
    },
    async nameOf(id) {
      const known = names.get(id);
      if (known && now() - known.at < NAME_KEEP_MS) return known.name;
      let name: string | null = null;
      try {
        const chat = (await api.getChat(Number(id))) as {
          title?: string;
          username?: string;
          first_name?: string;
        };
        name = chat.title ?? (chat.username ? `@${chat.username}` : (chat.first_name ?? null));
      } catch {
        // Not a chat the bot is in any more, or Telegram is away: the id is shown instead.
      }
      if (names.size >= MAX_NAMES) names.clear();
      names.set(id, { name, at: now() });
      return name;
    },
  };
}
