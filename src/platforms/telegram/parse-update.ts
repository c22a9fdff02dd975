import { type ParsedLine, parseCommandLine } from "../../framework/parse-command-line.js";
import type { CommandRegistry } from "../../framework/run-command.js";

/**
 * Reads the updates Newsdesk acts on (a command in a message or a channel post, a button press)
 * into plain data. Shapes are read defensively: fields Telegram documents as optional, and ones
 * an emulator leaves out, are treated as missing rather than trusted.
 */

export interface RawChat {
  id: number;
  type: string;
  title?: string;
  username?: string;
}

export interface RawUser {
  id: number;
  is_bot?: boolean;
  first_name?: string;
  last_name?: string;
  username?: string;
  language_code?: string;
}

export interface RawMessage {
  message_id?: number;
  text?: string;
  chat: RawChat;
  from?: RawUser;
  sender_chat?: RawChat;
  message_thread_id?: number;
  is_topic_message?: boolean;
}

export interface RawUpdate {
  update_id: number;
  message?: RawMessage;
  channel_post?: RawMessage;
  callback_query?: { id: string; from: RawUser; data?: string; message?: RawMessage };
}

/** Who acted: a user, or a chat speaking for itself (anonymous group admin, channel post). */
export interface Sender {
  id: string;
  name: string;
  /** Set when the message was sent on behalf of a chat rather than by a visible user. */
  senderChatId?: number;
  languageCode?: string;
}

/** Where to answer: the chat, and the forum topic when there is one. */
export interface Where {
  chat: RawChat;
  messageId?: number;
  threadId?: number;
}

export type Incoming =
  | { kind: "command"; updateId: number; where: Where; sender: Sender; line: ParsedLine }
  | {
      kind: "callback";
      updateId: number;
      queryId: string;
      data: string;
      where: Where | null;
      sender: Sender;
    };

/** The user id Telegram shows for anonymous group admins. */
export const GROUP_ANONYMOUS_BOT = 1087968824;

/**
 * The update as something to do, or null when it is not for us: not a command, a command for
 * another bot (/news@OtherBot), an unknown command in a group (other bots share groups), a bot.
 * In private chats `/start` is answered as `/help` when the registry has no start command.
 */
export function parseUpdate(
  update: RawUpdate,
  botUsername: string,
  commands: CommandRegistry,
): Incoming | null {
  const query = update.callback_query;
  if (query) {
    const where = query.message?.chat ? whereOf(query.message) : null;
    return {
      kind: "callback",
      updateId: update.update_id,
      queryId: String(query.id),
      data: typeof query.data === "string" ? query.data : "",
      where,
      sender: userSender(query.from),
    };
  }
  const message = update.message ?? update.channel_post;
  if (!message?.chat || typeof message.text !== "string") return null;
  const line = parseCommandLine(message.text, commands);
  if (!line) return null;
  const addressedToUs =
    line.addressedTo !== null && line.addressedTo.toLowerCase() === botUsername.toLowerCase();
  if (line.addressedTo !== null && !addressedToUs) return null;
  const sender = messageSender(message);
  if (!sender) return null;
  if (!commands.has(line.command)) {
    const isPrivate = message.chat.type === "private";
    if (line.command === "start" && isPrivate && commands.has("help")) {
      return {
        kind: "command",
        updateId: update.update_id,
        where: whereOf(message),
        sender,
        line: { ...line, command: "help", args: {} },
      };
    }
    if (!isPrivate && !addressedToUs) return null;
  }
  return { kind: "command", updateId: update.update_id, where: whereOf(message), sender, line };
}

function whereOf(message: RawMessage): Where {
  return {
    chat: message.chat,
    messageId: message.message_id,
    // Only forum topics take a thread id; a reply thread in a plain group must not get one.
    threadId: message.is_topic_message ? message.message_thread_id : undefined,
  };
}

function messageSender(message: RawMessage): Sender | null {
  if (message.sender_chat) {
    const chat = message.sender_chat;
    return {
      id: String(chat.id),
      name: chat.title ?? chat.username ?? String(chat.id),
      senderChatId: chat.id,
      languageCode: message.from?.id === GROUP_ANONYMOUS_BOT ? undefined : message.from?.language_code,
    };
  }
  if (!message.from) return null;
  if (message.from.is_bot) return null;
  return userSender(message.from);
}

function userSender(user: RawUser): Sender {
  const full = [user.first_name, user.last_name].filter(Boolean).join(" ");
  return {
    id: String(user.id),
    name: user.username ? `@${user.username}` : full || String(user.id),
    languageCode: user.language_code,
  };
}
