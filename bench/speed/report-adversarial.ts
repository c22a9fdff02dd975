/**
 * The adversarial part of the report (bench/speed/adversarial-entry.ts): each hostile 160 KB text's
 * summary + facts time beside ordinary text of the same size, and the goal on the worst ratio.
 */
import type { Goal } from "./report.js";

type Json = Record<string, unknown>;

interface Row {
  name: string;
  chars: number;
  summaryMs: number;
  factsMs: number;
  totalMs: number;
  ratio: number;
}

/** At most this many times the ordinary text's time (the issue's goal). */
const LIMIT = 3;

function rowsOf(adversarial: Json | null | undefined): Row[] | null {
  const texts = adversarial?.texts;
  return Array.isArray(texts) ? (texts as Row[]) : null;
}

export function adversarialTable(adversarial: Json | null | undefined): string {
  const rows = rowsOf(adversarial);
  if (rows === null)
    return `Summary + facts on adversarial texts: ${typeof adversarial?.error === "string" ? `not measurable: ${adversarial.error.split("\n")[0]}` : "not run."}`;
  const runs = typeof adversarial?.runs === "number" ? adversarial.runs : "?";
  return [
    `| Summary + facts, one uncached pass, 160 KB text (median of ${runs} rounds, a fresh process each; × ordinary: median of the per-round ratios) | Summary (ms) | Facts (ms) | Total (ms) | × ordinary |`,
    "|---|---:|---:|---:|---:|",
    ...rows.map(
      (r) =>
        `| ${r.name} | ${r.summaryMs.toFixed(1)} | ${r.factsMs.toFixed(1)} | ${r.totalMs.toFixed(1)} | ${r.ratio.toFixed(2)} |`,
    ),
  ].join("\n");
}

export function adversarialGoal(adversarial: Json | null | undefined): Goal {
  const rows = rowsOf(adversarial)?.slice(1);
  const worst = rows?.reduce((a, b) => (b.ratio > a.ratio ? b : a));
  const ordinary = rowsOf(adversarial)?.[0];
  return {
    goal: "Summary + facts, adversarial 160 KB texts",
    target: `≤ ${LIMIT} × ordinary text of the same size`,
    measured:
      worst && ordinary
        ? `worst × ${worst.ratio.toFixed(2)} (${worst.name}: ${worst.totalMs.toFixed(0)} ms against ${ordinary.totalMs.toFixed(0)} ms)`
        : "not measured",
    met: worst ? worst.ratio <= LIMIT : null,
  };
}
