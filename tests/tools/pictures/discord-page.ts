import type { DiscordBody } from "./capture.js";
import { escapeHtml, page } from "./page.js";

/**
 * A recorded Discord message body drawn as the Discord client draws it in its dark theme: the
 * command line above the answer, the bot's name with its APP tag, the content, each embed with its
 * colour bar, title, description, fields and footer, and the buttons under it. Only what the
 * bot's bodies use is drawn (Discord's own markdown: bold, italics, escapes).
 */
export function discordPage(body: DiscordBody, command: { user: string; name: string }): string {
  const embeds = (body.embeds ?? []).map(embedHtml).join("");
  const rows = (body.components ?? [])
    .map(
      (row: { components: { label: string }[] }) =>
        `<div class="row">${row.components.map((b) => `<span class="button">${escapeHtml(b.label)}</span>`).join("")}</div>`,
    )
    .join("");
  return page(
    STYLE,
    `<div id="shot" class="chat">
  <div class="used"><span class="spine"></span><span class="mini">${escapeHtml(command.user[0] ?? "?")}</span>
    <b>${escapeHtml(command.user)}</b>&nbsp;used&nbsp;<span class="slash">/${escapeHtml(command.name)}</span></div>
  <div class="message">
    <div class="avatar">N</div>
    <div class="body">
      <div class="head"><span class="name">Newsdesk</span><span class="app">APP</span><span class="time">Today at 09:00</span></div>
      ${body.content ? `<div class="content">${markdownHtml(body.content)}</div>` : ""}
      ${embeds}
      ${rows}
    </div>
  </div>
</div>`,
  );
}

// biome-ignore lint/suspicious/noExplicitAny: recorded JSON
function embedHtml(embed: any): string {
  const colour = `#${Number(embed.color ?? 0x1e1f22)
    .toString(16)
    .padStart(6, "0")}`;
  const title = embed.title
    ? `<div class="title${embed.url ? " link" : ""}">${markdownHtml(embed.title)}</div>`
    : "";
  const description = embed.description
    ? `<div class="description">${markdownHtml(embed.description)}</div>`
    : "";
  const fields = (embed.fields ?? [])
    .map(
      (f: { name: string; value: string; inline?: boolean }) =>
        `<div class="field${f.inline ? " inline" : ""}"><div class="field-name">${markdownHtml(f.name)}</div><div class="field-value">${markdownHtml(f.value)}</div></div>`,
    )
    .join("");
  const footer = embed.footer ? `<div class="footer">${escapeHtml(embed.footer.text)}</div>` : "";
  return `<div class="embed" style="border-left-color:${colour}">${title}${description}${
    fields ? `<div class="fields">${fields}</div>` : ""
  }${footer}</div>`;
}

/** The markdown the renderer writes: `**bold**`, `*italics*`, and backslash escapes. */
function markdownHtml(text: string): string {
  const escapes: string[] = [];
  const kept = text.replace(/\\([!-/:-@[-`{-~])/g, (_, c: string) => `\uE000${escapes.push(c) - 1}\uE000`);
  return escapeHtml(kept)
    .replace(/\*\*(.+?)\*\*/gs, "<strong>$1</strong>")
    .replace(/\*(.+?)\*/gs, "<em>$1</em>")
    .replace(/\uE000(\d+)\uE000/g, (_, i: string) => escapeHtml(escapes[Number(i)] ?? ""));
}

const STYLE = `
body { margin: 0; background: #313338; }
.chat { width: 640px; padding: 16px 16px 20px 0; background: #313338; font-family: "Liberation Sans", "DejaVu Sans", sans-serif; color: #dbdee1; }
.used { display: flex; align-items: center; margin-left: 72px; font-size: 13px; color: #b5bac1; position: relative; height: 22px; }
.used b { color: #c9cdfb; font-weight: 600; margin-left: 4px; }
.spine { position: absolute; left: -36px; top: 10px; width: 30px; height: 10px; border-left: 2px solid #4e5058; border-top: 2px solid #4e5058; border-top-left-radius: 6px; }
.mini { width: 16px; height: 16px; border-radius: 50%; background: #3ba55c; color: #fff; font-size: 10px; display: inline-flex; align-items: center; justify-content: center; font-weight: 700; }
.slash { color: #00a8fc; }
.message { display: flex; padding-left: 16px; margin-top: 4px; }
.avatar { flex: none; width: 40px; height: 40px; border-radius: 50%; background: #2f6fde; color: #fff; font-weight: 700; font-size: 20px; display: flex; align-items: center; justify-content: center; margin-right: 16px; }
.body { flex: 1; min-width: 0; }
.head { display: flex; align-items: baseline; gap: 6px; line-height: 22px; }
.name { color: #f2f3f5; font-weight: 600; font-size: 16px; }
.app { align-self: center; display: inline-block; background: #5865f2; color: #fff; font-size: 10px; line-height: 15px; font-weight: 700; padding: 0 4px; border-radius: 3px; }
.time { color: #949ba4; font-size: 12px; }
.content { font-size: 15px; line-height: 22px; white-space: pre-wrap; }
.embed { max-width: 516px; box-sizing: border-box; background: #2b2d31; border-left: 4px solid; border-radius: 4px; padding: 8px 16px 16px 12px; margin-top: 4px; }
.title { color: #f2f3f5; font-weight: 700; font-size: 16px; line-height: 22px; margin-top: 8px; }
.title.link { color: #00a8fc; }
.description { font-size: 14px; line-height: 18px; margin-top: 8px; white-space: pre-wrap; }
.fields { display: grid; grid-template-columns: repeat(3, 1fr); gap: 8px; margin-top: 8px; }
.field { grid-column: 1 / -1; font-size: 14px; line-height: 18px; }
.field.inline { grid-column: auto; }
.field-name { color: #f2f3f5; font-weight: 700; margin-bottom: 2px; }
.footer { font-size: 12px; color: #b5bac1; margin-top: 8px; line-height: 16px; }
.row { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 8px; }
.button { background: #4e5058; color: #fff; font-size: 14px; font-weight: 600; height: 32px; padding: 0 16px; border-radius: 3px; display: inline-flex; align-items: center; }
`;
