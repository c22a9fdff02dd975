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
  const gap = minimumGapMs(cron, zone, now, 400, env.tuning.minDigestGapMs);
  if (gap < env.tuning.minDigestGapMs) {
    throw new UserError("schedule.tooFrequent", { cron: shown, gap: formatGap(gap) });
  }
  return cron;
}

/** "2 min", "30 s": how often a rejected cron would fire. */
function formatGap(ms: number): string {
  return ms >= 60_000 ? `${Math.round(ms / 60_000)} min` : `${Math.max(1, Math.round(ms / 1000))} s`;
}
