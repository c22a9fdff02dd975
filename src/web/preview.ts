import type { Reply } from "../domain/reply.js";
import { ActionCodec } from "../framework/actions.js";
import { type DiscordMessage, renderReply } from "../platforms/discord/render-embeds.js";
import { needsCardNumbers, renderSegments, segmentHtml } from "../platforms/telegram/render-html.js";
import { escapeHtml, html, SafeHtml } from "./html.js";

/**
 * A post as Discord and Telegram will show it (ADR 0118): the adapters' own renderers turn the
 * Reply into Discord's message payloads and Telegram's HTML, and this module only draws those
 * results in the page: embeds with their title, description (Discord's markdown read back: its
 * escapes and bold), fields, footer and buttons; Telegram's HTML as the chat shows it, after a
 * check that it holds nothing but the tags the renderer writes.
 */

type Embed = DiscordMessage["embeds"][number];

/** Custom ids are not shown: a codec of the real size only keeps the renderer's packing exact. */
const DISCORD_CUSTOM_ID = 100;

/** Discord's markdown as the renderer writes it: backslash escapes, **bold**; everything else is text. */
export function discordMarkdown(text: string): SafeHtml {
  let out = "";
  let bold = false;
  for (let i = 0; i < text.length; ) {
    const next = text[i + 1];
    if (text[i] === "\\" && next !== undefined && /[!-/:-@[-`{-~]/.test(next)) {
      out += escapeHtml(next);
      i += 2;
    } else if (text.startsWith("**", i)) {
      out += bold ? "</strong>" : "<strong>";
      bold = !bold;
      i += 2;
    } else {
      out += escapeHtml(text[i] ?? "");
      i += 1;
    }
  }
  return new SafeHtml(bold ? `${out}</strong>` : out);
}

function embedHtml(embed: Embed): SafeHtml {
  const title = embed.title ? discordMarkdown(embed.title) : null;
  const heading = title
    ? embed.url
      ? html`<p class="dc-title"><a href="${embed.url}" rel="noopener noreferrer">${title}</a></p>`
      : html`<p class="dc-title">${title}</p>`
    : "";
  const fields = (embed.fields ?? []).map(
    (f) =>
      html`<div class="dc-field${f.inline ? " dc-inline" : ""}"><div class="dc-field-name">${discordMarkdown(f.name)}</div><div>${discordMarkdown(f.value)}</div></div>`,
  );
  return html`<div class="dc-embed">${heading}${
    embed.description ? html`<div class="dc-text">${discordMarkdown(embed.description)}</div>` : ""
  }${fields.length ? html`<div class="dc-fields">${fields}</div>` : ""}${
    embed.footer ? html`<div class="dc-footer">${embed.footer.text}</div>` : ""
  }</div>`;
}

function messageHtml(message: DiscordMessage): SafeHtml {
  const rows = message.components.map(
    (row) =>
      html`<div class="dc-row">${row.components.map((b) => html`<span class="dc-button">${b.label ?? ""}</span>`)}</div>`,
  );
  return html`<div class="dc-message">${message.content ? html`<div class="dc-text">${discordMarkdown(message.content)}</div>` : ""}${message.embeds.map(embedHtml)}${rows}</div>`;
}

/** The Discord messages of a post, drawn from the adapter's own payloads. */
export function discordPreview(reply: Reply): { html: SafeHtml; messages: DiscordMessage[] } {
  const messages = renderReply(reply, new ActionCodec(DISCORD_CUSTOM_ID));
  return { html: html`<div class="discord">${messages.map(messageHtml)}</div>`, messages };
}

/** The only markup Telegram's renderer writes: <b>, <i>, and <a> to a web address. */
const TELEGRAM_TAG = /<\/?(?:b|i)>|<a href="https?:\/\/[^"<>]*">|<\/a>/g;

/** Whether Telegram HTML holds nothing but the renderer's own tags (so it may go into the page as markup). */
export function onlyTelegramTags(source: string): boolean {
  return !/[<>]/.test(source.replace(TELEGRAM_TAG, ""));
}

/** Telegram's HTML of a post (as sent with parse_mode HTML), and its buttons' labels. */
export function telegramPreview(reply: Reply): { html: SafeHtml; source: string } {
  const segments = renderSegments(reply, { numberCards: needsCardNumbers(reply) });
  const source = segments.map((s, i) => (i === 0 ? "" : s.sep) + segmentHtml(s)).join("");
  // Shown as markup only if it holds nothing else: a renderer bug cannot put a script in the page.
  const body = onlyTelegramTags(source) ? source : escapeHtml(source);
  const numbered = needsCardNumbers(reply);
  const labels = [
    ...reply.cards.flatMap((card, i) =>
      (card.buttons ?? []).map((b) => (numbered ? `${i + 1} · ${b.label}` : b.label)),
    ),
    ...(reply.buttons ?? []).map((b) => b.label),
  ];
  const keyboard = labels.length
    ? html`<div class="tg-keyboard">${labels.map((l) => html`<span class="tg-button">${l}</span>`)}</div>`
    : "";
  return {
    html: html`<div class="telegram"><div class="tg-text">${new SafeHtml(body)}</div>${keyboard}</div>`,
    source,
  };
}
