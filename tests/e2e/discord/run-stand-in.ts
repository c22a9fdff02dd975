/**
 * Try the Discord bot by hand, without Discord:
 *
 *   npx tsx tests/e2e/discord/run-stand-in.ts [port]        (default port 8090)
 *   DISCORD_TOKEN=test DISCORD_API_BASE=http://127.0.0.1:8090/api npm start   (another terminal)
 *
 * Then type interactions here, one per line:
 *   /news query:bitcoin             a slash command (options as name:value; values may have spaces)
 *   /schedule list                  a subcommand
 *   press 1                         press the first button of the last answer
 *   complete /article article:Pak   what autocomplete offers while typing
 *   locale fr | mod on | mod off    answer as a French user / as a member with ManageGuild
 */
import { createInterface } from "node:readline";
import { waitFor } from "../../helpers/wait-for.js";
import { buttonLabels, firstAnswer } from "./harness.js";
import { DiscordStandIn, type InteractionInput, MANAGE_GUILD, type RecordedCall } from "./stand-in.js";

const port = Number(process.argv[2] ?? 8090);
const standIn = await DiscordStandIn.start({}, port);
const say = (text: string) => process.stdout.write(`${text}\n`);
say(`Discord stand-in on ${standIn.apiBase}`);
say(`Start the bot with: DISCORD_TOKEN=test DISCORD_API_BASE=${standIn.apiBase} npm start`);

await waitFor(() => standIn.ready, { what: "the bot", timeoutMs: 10 * 60_000 });
say("Bot connected.");
await waitFor(() => standIn.commands.size > 0 || standIn.calls.some((c) => c.path.endsWith("/commands")), {
  what: "registration",
  timeoutMs: 30_000,
}).catch(() => undefined);
for (const [scope, list] of standIn.commands) {
  say(`Registered (${scope}): ${(list as { name: string }[]).map((c) => `/${c.name}`).join(" ")}`);
}
say('Type "/news query:bitcoin" (or "press 1", "locale fr", "mod on").');

let locale = "en-US";
let permissions = 0n;
// biome-ignore lint/suspicious/noExplicitAny: recorded JSON
let last: any;

const reader = createInterface({ input: process.stdin, terminal: false });
for await (const raw of reader) {
  const line = raw.trim();
  if (line === "") continue;
  const input = parseLine(line);
  if (!input) continue;
  const { token } = standIn.interact({ ...input, locale, permissions });
  try {
    const answer = await waitFor(() => firstAnswer(standIn.answers(token)), {
      what: "an answer",
      timeoutMs: 20_000,
    });
    // Give follow-ups (long replies, private errors after a deferral) a moment to arrive.
    await new Promise((resolve) => setTimeout(resolve, 300));
    if (input.kind === "autocomplete") {
      for (const choice of answer.choices ?? []) say(`  ${choice.name}  →  ${choice.value}`);
    } else {
      for (const call of standIn.answers(token)) printCall(call);
      last = answer;
    }
    for (const violation of standIn.takeViolations()) {
      say(`  !! Discord would not accept this: ${violation.rule} (${violation.method} ${violation.path})`);
    }
  } catch (error) {
    say(`  (no answer: ${(error as Error).message})`);
  }
}
await standIn.close();

function parseLine(line: string): Omit<InteractionInput, "locale" | "permissions"> | null {
  const [word, rest = ""] = line.split(/\s+(.*)/s);
  if (word === "locale") {
    locale = rest || "en-US";
    say(`  locale is now ${locale}`);
    return null;
  }
  if (word === "mod") {
    permissions = rest === "on" ? MANAGE_GUILD : 0n;
    say(`  ManageGuild ${permissions ? "granted" : "removed"}`);
    return null;
  }
  if (word === "press") {
    const labels = last ? buttonLabels(last) : [];
    const index = Number(rest) - 1;
    const button = last?.components?.flatMap((r: { components: unknown[] }) => r.components)[index];
    if (!button) {
      say(`  no button ${rest}; the last answer has: ${labels.join(", ") || "none"}`);
      return null;
    }
    return { kind: "button", customId: button.custom_id, message: last };
  }
  const complete = word === "complete";
  const command = complete ? rest : line;
  const match = /^\/([\w-]+)(?:\s+(?!\S+:)([\w-]+))?(.*)$/s.exec(command);
  if (!match) {
    say("  interactions start with /, press, complete, locale or mod");
    return null;
  }
  const [, name, subcommand, optionText = ""] = match;
  const options: Record<string, string | number> = {};
  const pairs = [...optionText.matchAll(/([\w-]+):(.*?)(?=\s+[\w-]+:|$)/gs)];
  for (const [, key = "", value = ""] of pairs) {
    options[key] = /^-?\d+$/.test(value.trim()) ? Number(value.trim()) : value.trim();
  }
  const focused = complete ? pairs.at(-1)?.[1] : undefined;
  return { kind: complete ? "autocomplete" : "command", name, subcommand, options, focused };
}

function printCall(call: RecordedCall): void {
  const body = call.path.endsWith("/callback") ? call.body?.data : call.body;
  const how = call.path.endsWith("/callback")
    ? (
        { 4: "reply", 5: "deferred…", 6: "deferred update", 7: "update", 8: "choices" } as Record<
          number,
          string
        >
      )[call.body?.type]
    : call.method === "PATCH"
      ? "edit"
      : call.method === "DELETE"
        ? "delete placeholder"
        : "follow-up";
  const flags = body?.flags & 64 ? " (only you can see this)" : "";
  say(`── ${how}${flags}`);
  if (!body) return;
  if (body.content) say(`  ${body.content}`);
  for (const embed of body.embeds ?? []) {
    if (embed.title) say(`  ┌ ${embed.title}${embed.url ? `  <${embed.url}>` : ""}`);
    if (embed.description)
      say(
        `  │ ${embed.description.slice(0, 400).replaceAll("\n", "\n  │ ")}${embed.description.length > 400 ? "…" : ""}`,
      );
    for (const field of embed.fields ?? []) say(`  │ ${field.name}: ${field.value}`);
    if (embed.footer) say(`  └ ${embed.footer.text}`);
  }
  const labels = buttonLabels(body);
  if (labels.length > 0) say(`  ${labels.map((label, i) => `[${i + 1}] ${label}`).join("  ")}`);
}
