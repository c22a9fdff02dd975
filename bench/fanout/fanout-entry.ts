/**
 * Child process for the fan-out benchmark: one digest to 1,000 Telegram chats, to 1,000 Telegram
 * groups, and to 1,000 Discord channels, each through the real platform's publish() against its
 * stand-in behind strict limits; then the same with the proposed pacing fix (variant-*.ts) unless
 * --no-variants. Prints one result line.
 *
 *   node --import tsx bench/fanout/fanout-entry.ts [--targets 1000] [--no-variants]
 */
import { ensureCorpus } from "../generate-corpus.js";
import { argValue, emitResult } from "../speed/stats.js";
import { digestReply } from "./digest.js";
import { discordFanout } from "./discord-fanout.js";
import { telegramFanout } from "./telegram-fanout.js";
import { pacedDiscord } from "./variant-discord-pacer.js";
import { createTelegramPlatform as variantTelegram } from "./variant-telegram-platform.js";

const args = process.argv.slice(2);
const count = Number(argValue(args, "--targets") ?? 1000);
const variants = !args.includes("--no-variants");
const reply = digestReply(ensureCorpus(1000).dir);
const log = (line: string) => process.stderr.write(`[fanout] ${line}\n`);

const telegram = await telegramFanout({ reply, count, groups: false, scenario: "telegram chats" });
log(`telegram chats: ${telegram.elapsedMs} ms, ${telegram.status429} × 429`);
const telegramGroups = await telegramFanout({ reply, count, groups: true, scenario: "telegram groups" });
log(`telegram groups: ${telegramGroups.elapsedMs} ms, ${telegramGroups.status429} × 429`);
const discord = await discordFanout({ reply, count, scenario: "discord channels" });
log(`discord: ${discord.elapsedMs} ms, ${discord.status429} × 429`);
let proposed: Record<string, unknown> | null = null;
if (variants) {
  const tg = await telegramFanout({
    reply,
    count,
    groups: true,
    scenario: "telegram groups, proposed throttle",
    create: variantTelegram,
  });
  log(`telegram groups, proposed: ${tg.elapsedMs} ms, ${tg.status429} × 429`);
  const dc = await discordFanout({
    reply,
    count,
    scenario: "discord, proposed pacing",
    wrap: (p) => pacedDiscord(p),
  });
  log(`discord, proposed: ${dc.elapsedMs} ms, ${dc.status429} × 429`);
  proposed = { telegram: tg, discord: dc };
}
emitResult({ telegram, telegramGroups, discord, proposed });
process.exit(0);
