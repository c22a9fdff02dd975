import type {
  APIActionRowComponent,
  APIButtonComponentWithCustomId,
  APIEmbed,
  APIEmbedField,
  ButtonStyle,
  ComponentType,
} from "discord.js";
import type { Block, Button, Card, Field, Reply } from "../../domain/reply.js";
import type { ActionCodec } from "../../framework/actions.js";
import { splitLong } from "../../framework/paginate.js";
import { escapeMarkdownText } from "./escape-markdown.js";
import { clip, LIMITS, nonEmpty } from "./limits.js";

/** One Discord message body; a Reply renders to one or more (the rest go out as follow-ups). */
export interface DiscordMessage {
  content: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponentWithCustomId>[];
}

const EMBED_COLOR = 0x2f6fde;
/**
 * discord.js's enum values, spelled here so that rendering loads no discord.js (about 34 MB): the
 * dashboard previews posts with this file (tests/unit/discord/render-embeds.test.ts checks them).
 */
export const ACTION_ROW = 1 as ComponentType.ActionRow;
export const BUTTON = 2 as ComponentType.Button;
export const SECONDARY = 2 as ButtonStyle.Secondary;

/**
 * Renders a neutral Reply as Discord messages, within every limit: long bodies continue in
 * further embeds, embeds over 10 per message or 6,000 characters continue in further messages,
 * buttons go under the card they belong to (the reply's own buttons under the last message).
 */
export function renderReply(reply: Reply, codec: ActionCodec): DiscordMessage[] {
  const numbered = reply.cards.filter((c) => (c.buttons?.length ?? 0) > 0).length > 1;
  const messages: Packed[] = [];
  let current = newMessage();
  messages.push(current);

  // A footer ("…and 7 more") is said after the cards: as a last, untitled embed, above the reply's buttons.
  const footer: Card | null = reply.footer
    ? { title: "", body: [{ type: "paragraph", text: reply.footer }] }
    : null;
  const cards = footer ? [...reply.cards, footer] : reply.cards;
  cards.forEach((card, index) => {
    const label = numbered ? (text: string) => `${index + 1} · ${text}` : (text: string) => text;
    const rows = buttonRows(card.buttons ?? [], codec, label);
    // A card whose buttons would not fit under this message starts the next one.
    if (current.embeds.length > 0 && current.cardRows.length + rows.length > LIMITS.rowsPerMessage) {
      current = newMessage();
      messages.push(current);
    }
    for (const embed of cardEmbeds(card, numbered ? `${index + 1}. ` : "", card === footer)) {
      const size = embedSize(embed);
      if (current.embeds.length >= LIMITS.embedsPerMessage || current.size + size > LIMITS.embedTotal) {
        current = newMessage();
        messages.push(current);
      }
      current.embeds.push(embed);
      current.size += size;
    }
    current.cardRows.push(...rows.slice(0, LIMITS.rowsPerMessage - current.cardRows.length));
  });

  const last = current;
  const replyRows = buttonRows(reply.buttons ?? [], codec, (text) => text);
  const room = Math.max(0, LIMITS.rowsPerMessage - replyRows.length);
  // Five results with their buttons fill the five rows: paging would push the last card's
  // buttons out, so then the (numbered) card buttons share rows, five to a row.
  if (last.cardRows.length > room) last.cardRows = packRows(last.cardRows);
  const rendered = messages.map((m) => ({
    content: "",
    embeds: m.embeds,
    components: dedupeIds(
      m === last ? [...m.cardRows.slice(0, room), ...replyRows].slice(0, LIMITS.rowsPerMessage) : m.cardRows,
    ),
  }));

  const text = reply.text ? splitLong(escapeMarkdownText(reply.text), LIMITS.content) : [];
  const first = rendered[0] as DiscordMessage;
  const lead = text.pop();
  if (lead !== undefined) first.content = lead;
  const out = [...text.map((content) => ({ content, embeds: [], components: [] })), ...rendered];
  return out.filter((m, i) => i === 0 || !isEmpty(m)).map((m) => (isEmpty(m) ? { ...m, content: "…" } : m));
}

interface Packed {
  embeds: APIEmbed[];
  size: number;
  cardRows: APIActionRowComponent<APIButtonComponentWithCustomId>[];
}

function newMessage(): Packed {
  return { embeds: [], size: 0, cardRows: [] };
}

function isEmpty(m: DiscordMessage): boolean {
  return m.content === "" && m.embeds.length === 0;
}

/** One card as embeds: the first carries title and URL, continuations carry the rest. */
function cardEmbeds(card: Card, prefix: string, untitled = false): APIEmbed[] {
  const embeds: APIEmbed[] = [];
  const head: APIEmbed = { color: EMBED_COLOR };
  if (!untitled) head.title = clip(prefix + escapeMarkdownText(nonEmpty(card.title)), LIMITS.embedTitle);
  const url = safeUrl(card.url);
  if (url) head.url = url;
  embeds.push(head);

  describeBlocks(card.body).forEach((chunk, i) => {
    if (i === 0) head.description = chunk;
    else embeds.push({ description: chunk, color: EMBED_COLOR });
  });

  let target = embeds[embeds.length - 1] as APIEmbed;
  const footer = card.footer ? clip(card.footer, LIMITS.footer) : undefined;
  const reserve = footer?.length ?? 0;
  for (const field of (card.fields ?? []).map(renderField)) {
    const fields = target.fields ?? [];
    const fits =
      fields.length < LIMITS.fieldsPerEmbed &&
      embedSize(target) + field.name.length + field.value.length + reserve <= LIMITS.embedTotal;
    if (!fits) {
      target = { color: EMBED_COLOR };
      embeds.push(target);
    }
    target.fields = [...(target.fields ?? []), field];
  }
  if (footer) {
    if (embedSize(target) + footer.length > LIMITS.embedTotal) {
      target = { color: EMBED_COLOR };
      embeds.push(target);
    }
    target.footer = { text: footer };
  }
  return embeds;
}

function renderField(field: Field): APIEmbedField {
  return {
    name: clip(nonEmpty(escapeMarkdownText(field.name)), LIMITS.fieldName),
    value: clip(nonEmpty(escapeMarkdownText(field.value)), LIMITS.fieldValue),
    inline: field.inline ?? false,
  };
}

/** Blocks as markdown (headings bold, bullets), cut into descriptions of at most 4,096 characters. */
function describeBlocks(blocks: readonly Block[]): string[] {
  const chunks: string[] = [];
  let chunk = "";
  let previous: Block["type"] | null = null;
  for (const block of blocks) {
    const text = renderBlock(block);
    if (text === "") continue;
    const separator = chunk === "" ? "" : block.type === "bullet" && previous === "bullet" ? "\n" : "\n\n";
    if (chunk.length + separator.length + text.length <= LIMITS.embedDescription) {
      chunk += separator + text;
    } else {
      if (chunk !== "") chunks.push(chunk);
      const pieces = splitLong(text, LIMITS.embedDescription);
      chunk = pieces.pop() ?? "";
      chunks.push(...pieces);
    }
    previous = block.type;
  }
  if (chunk !== "") chunks.push(chunk);
  return chunks;
}

function renderBlock(block: Block): string {
  const text = escapeMarkdownText(block.text.trim());
  if (text === "") return "";
  switch (block.type) {
    case "heading":
      return `**${clip(text, LIMITS.embedTitle)}**`;
    case "bullet":
      return `• ${text}`;
    default:
      return text;
  }
}

function buttonRows(
  buttons: readonly Button[],
  codec: ActionCodec,
  label: (text: string) => string,
): APIActionRowComponent<APIButtonComponentWithCustomId>[] {
  const rows: APIActionRowComponent<APIButtonComponentWithCustomId>[] = [];
  for (let i = 0; i < buttons.length; i += LIMITS.buttonsPerRow) {
    rows.push({
      type: ACTION_ROW,
      components: buttons.slice(i, i + LIMITS.buttonsPerRow).map((button) => ({
        type: BUTTON,
        style: SECONDARY,
        label: clip(nonEmpty(label(button.label)), LIMITS.buttonLabel),
        custom_id: codec.encode(button.action),
      })),
    });
  }
  return rows;
}

type Row = APIActionRowComponent<APIButtonComponentWithCustomId>;

/** The same buttons, in order, in as few rows as fit. */
function packRows(rows: readonly Row[]): Row[] {
  const buttons = rows.flatMap((row) => row.components);
  const packed: Row[] = [];
  for (let i = 0; i < buttons.length; i += LIMITS.buttonsPerRow) {
    packed.push({ type: ACTION_ROW, components: buttons.slice(i, i + LIMITS.buttonsPerRow) });
  }
  return packed;
}

/** Discord rejects a message whose buttons share a custom_id: the later twin is dropped. */
function dedupeIds(
  rows: APIActionRowComponent<APIButtonComponentWithCustomId>[],
): APIActionRowComponent<APIButtonComponentWithCustomId>[] {
  const seen = new Set<string>();
  return rows
    .map((row) => ({
      ...row,
      components: row.components.filter((b) => !seen.has(b.custom_id) && seen.add(b.custom_id)),
    }))
    .filter((row) => row.components.length > 0);
}

function embedSize(embed: APIEmbed): number {
  let size = (embed.title?.length ?? 0) + (embed.description?.length ?? 0) + (embed.footer?.text.length ?? 0);
  for (const field of embed.fields ?? []) size += field.name.length + field.value.length;
  return size;
}

/** Only absolute http(s) URLs are valid embed URLs; anything else would fail the whole message. */
function safeUrl(url: string | null | undefined): string | null {
  if (!url || url.length > 2048) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.toString() : null;
  } catch {
    return null;
  }
}
