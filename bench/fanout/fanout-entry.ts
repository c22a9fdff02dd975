/**
 * Child process for the fan-out benchmark: one digest to 1,000 Telegram chats, to 1,000 Telegram
 * groups, and to 1,000 Discord channels, each through the real platform's publish() against its
 * stand-in behind strict limits. Prints one result line. The pacing proposals it once measured as
 * variants (the Telegram throttle, the Discord pacer) are both applied, so `proposed` is null
 * until the next proposal.
 *
 *   node --import tsx bench/fanout/fanout-entry.ts [--targets 1000]
 */
import { ensureCorpus } from "../generate-corpus.js";
import { argValue, emitResult } from "../speed/stats.js";
import { digestReply } from "./digest.js";
import { discordFanout } from "./discord-fanout.js";
import { telegramFanout } from "./telegram-fanout.js";

const args = process.argv.slice(2);
const count = Number(argValue(args, "--targets") ?? 1000);
const reply = await digestReply(ensureCorpus(1000).dir);
const log = (line: string) => process.stderr.write(`[fanout] ${line}\n`);

const telegram = await telegramFanout({ reply, count, groups: false, scenario: "telegram chats" });
log(`telegram chats: ${telegram.elapsedMs} ms, ${telegram.status429} × 429`);
const telegramGroups = await telegramFanout({ reply, count, groups: true, scenario: "telegram groups" });
log(`telegram groups: ${telegramGroups.elapsedMs} ms, ${telegramGroups.status429} × 429`);
const discord = await discordFanout({ reply, count, scenario: "discord channels" });
log(`discord: ${discord.elapsedMs} ms, ${discord.status429} × 429`);
emitResult({ telegram, telegramGroups, discord, proposed: null });
process.exit(0);
