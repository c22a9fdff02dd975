import { type Cron, parseCron } from "../framework/cron-syntax.js";
import { UserError } from "../framework/errors.js";
import { cronError } from "../framework/explain-cron.js";
import { minimumGapMs, nextFire } from "./cron.js";
import type { SchedulerEnv } from "./scheduler-env.js";

/**
 * The one check of a moderator's digest cron, read in the channel's zone: it must parse, fire at
 * all, and never fire twice within the minimum gap (DST days included). /schedule digest and the
 * dashboard's fire-time preview both go through it, so a cron the preview shows is one the
 * service accepts. Throws the UserError the moderator sees.
 */
export function readDigestCron(env: SchedulerEnv, text: string, zone: string, now: Date): Cron {
  const shown = text.trim().slice(0, 80);
  const cron = parseCron(text);
  if (!cron) throw cronError(text);
  if (!nextFire(cron, now, zone)) throw new UserError("schedule.neverFires", { cron: shown });
  // The gap between consecutive fire times over a year, DST days included, not the syntax.
  const gap = shortestGap(cron, zone, now, env.tuning.minDigestGapMs);
  if (gap < env.tuning.minDigestGapMs) {
    throw new UserError("schedule.tooFrequent", { cron: shown, gap: formatGap(gap) });
  }
  return cron;
}

/** How long a cron's shortest gap is kept: a 400-day window moved by a day still holds every DST change. */
const GAP_KEEP_MS = 86_400_000;
const gaps = new Map<string, { gap: number; at: number }>();

/**
 * The shortest gap between fire times over the next 400 days, kept a day per expression and zone:
 * it walks a year of fire times (tens of milliseconds), and the dashboard lists every digest of a
 * channel with its next times on each view.
 */
function shortestGap(cron: Cron, zone: string, now: Date, stopBelowMs: number): number {
  const key = `${cron.expression}\u0000${zone}\u0000${stopBelowMs}`;
  const kept = gaps.get(key);
  if (kept && Math.abs(now.getTime() - kept.at) < GAP_KEEP_MS) return kept.gap;
  const gap = minimumGapMs(cron, zone, now, 400, stopBelowMs);
  if (gaps.size >= 1_000) gaps.clear();
  gaps.set(key, { gap, at: now.getTime() });
  return gap;
}

/** "2 min", "30 s": how often a rejected cron would fire. */
function formatGap(ms: number): string {
  return ms >= 60_000 ? `${Math.round(ms / 60_000)} min` : `${Math.max(1, Math.round(ms / 1000))} s`;
}
