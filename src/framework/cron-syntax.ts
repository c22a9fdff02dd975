import { validate as isValidCron, parse as parseCronFields } from "node-cron";

/**
 * Cron expressions as typed: node-cron validates and expands the fields (5 or 6 of them, names,
 * ranges, steps, L, W, #). Reading one is the framework's (a command line takes a cron option,
 * consume-cron.ts; the service validates one); when it fires is the scheduler's
 * (src/schedule/cron.ts).
 */
export interface Cron {
  readonly expression: string;
  /** Seconds since local midnight of every fire time of a matching day, ascending. */
  readonly timesOfDay: readonly number[];
  readonly months: readonly number[];
  readonly daysOfMonth: readonly (number | string)[];
  readonly daysOfWeek: readonly (number | string)[];
  readonly everyHour: boolean;
}

/**
 * Parses a 5- or 6-field expression (or @daily and friends), or returns null if invalid.
 * A well-formed expression whose day and month can never meet ("0 0 30 2 *") is not invalid:
 * it parses, and `firesEver` tells it apart, so the user hears "never fires", not "not cron".
 */
export function parseCron(expression: string): Cron | null {
  const text = expression.trim().replace(/\s+/g, " ");
  if (text === "" || text.length > 120) return null;
  const fields = isValidCron(text) ? expandFields(text) : expandImpossibleDate(text);
  if (!fields) return null;
  const hours = [...new Set(fields.hour)].sort((a, b) => a - b);
  const minutes = [...new Set(fields.minute)].sort((a, b) => a - b);
  const seconds = [...new Set(fields.second)].sort((a, b) => a - b);
  const timesOfDay: number[] = [];
  for (const h of hours)
    for (const m of minutes) for (const s of seconds) timesOfDay.push(h * 3600 + m * 60 + s);
  if (timesOfDay.length === 0) return null;
  return {
    expression: text,
    timesOfDay,
    months: fields.month,
    daysOfMonth: fields.dayOfMonth,
    daysOfWeek: fields.dayOfWeek,
    everyHour: hours.length === 24,
  };
}

type Fields = ReturnType<typeof parseCronFields>;

function expandFields(text: string): Fields | null {
  try {
    return parseCronFields(text);
  } catch {
    return null;
  }
}

/**
 * node-cron refuses a day of month that no listed month has ("30 2", "31 4,6") as if it were
 * malformed. Expanded apart (the day with every month, the month with day 1), each field is
 * checked on its own; an expression that only fails together is well formed and never fires.
 */
function expandImpossibleDate(text: string): Fields | null {
  const parts = text.split(" ");
  const at = parts.length - 3;
  if (at < 2 || at > 3) return null;
  const withField = (index: number, value: string) =>
    parts.map((p, i) => (i === index ? value : p)).join(" ");
  const anyMonth = withField(at + 1, "*");
  const firstDay = withField(at, "1");
  if (!isValidCron(anyMonth) || !isValidCron(firstDay)) return null;
  const days = expandFields(anyMonth);
  const months = expandFields(firstDay);
  return days && months ? { ...days, month: months.month } : null;
}
