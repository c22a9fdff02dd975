import type { BotMessage } from "../../e2e/telegram/emulator.js";
import { escapeHtml, page } from "./page.js";

/** The tags Telegram's HTML parse mode knows; anything else is shown as text, as Telegram would refuse it. */
const TELEGRAM_TAGS = new Set([
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
  "blockquote",
]);

/**
 * Messages the bot sent, as the emulator recorded them, drawn as Telegram draws a private chat in
 * its light theme: the user's command in a green bubble on the right, each bot message in a white
 * bubble on the left (HTML parse mode, line breaks kept), and the inline keyboard under the last.
 */
export function telegramPage(messages: readonly BotMessage[], sent: string): string {
  const bubbles = messages
    .map((m) => {
      const keyboard = (m.replyMarkup?.inline_keyboard ?? [])
        .map(
          (row) =>
            `<div class="row">${row.map((b) => `<span class="button">${escapeHtml(b.text)}</span>`).join("")}</div>`,
        )
        .join("");
      return `<div class="incoming"><div class="bubble bot">${telegramHtml(m.text)}<span class="time">09:00</span></div>${
        keyboard ? `<div class="keyboard">${keyboard}</div>` : ""
      }</div>`;
    })
    .join("");
  return page(
    STYLE,
    `<div id="shot" class="chat">
  <div class="top"><div class="avatar">N</div><div><div class="name">Newsdesk</div><div class="status">bot</div></div></div>
  <div class="messages">
    <div class="outgoing"><div class="bubble me">${escapeHtml(sent)}<span class="time">09:00 <span class="ticks">✓✓</span></span></div></div>
    ${bubbles}
  </div>
</div>`,
  );
}

/** The bot's HTML as Telegram shows it: its tags kept, anything else as text. */
function telegramHtml(html: string): string {
  return html.replace(/<(\/?)([a-z]+)([^>]*)>/gi, (tag, _slash: string, name: string) =>
    TELEGRAM_TAGS.has(name.toLowerCase()) ? tag : escapeHtml(tag),
  );
}

const STYLE = `
body { margin: 0; }
.chat { width: 560px; font-family: "Liberation Sans", "DejaVu Sans", sans-serif; background: linear-gradient(160deg, #d0dcaa 0%, #a8c99a 45%, #8fbfa0 100%); }
.top { display: flex; align-items: center; gap: 12px; background: #fff; padding: 8px 16px; border-bottom: 1px solid #dfe1e5; }
.avatar { width: 40px; height: 40px; border-radius: 50%; background: linear-gradient(#72b5f2, #4a8fd9); color: #fff; font-weight: 700; font-size: 18px; display: flex; align-items: center; justify-content: center; }
.name { font-weight: 700; font-size: 15px; color: #000; }
.status { font-size: 13px; color: #8a8a8a; }
.messages { padding: 16px 16px 20px; display: flex; flex-direction: column; gap: 8px; }
.outgoing { align-self: flex-end; }
.incoming { align-self: flex-start; max-width: 440px; }
.bubble { position: relative; font-size: 15px; line-height: 20px; color: #000; padding: 6px 10px 8px 11px; border-radius: 12px; white-space: pre-wrap; overflow-wrap: break-word; box-shadow: 0 1px 1px rgba(0,0,0,.15); }
.bubble.me { background: #effdde; border-bottom-right-radius: 4px; }
.bubble.bot { background: #fff; border-bottom-left-radius: 4px; }
.bubble a { color: #168acd; text-decoration: none; }
.time { float: right; font-size: 12px; color: #a0acb6; margin: 8px 0 -6px 12px; line-height: 14px; }
.me .time { color: #5fba5a; }
.ticks { letter-spacing: -4px; }
.keyboard { margin-top: 4px; display: flex; flex-direction: column; gap: 4px; }
.row { display: flex; gap: 4px; }
.button { flex: 1; text-align: center; background: rgba(48, 80, 50, .38); color: #fff; font-size: 14px; font-weight: 700; padding: 9px 8px; border-radius: 8px; }
`;
