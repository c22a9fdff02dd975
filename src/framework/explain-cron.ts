import { validate as isValidCron } from "node-cron";
import { UserError } from "./errors.js";

/** The fields of a cron, in order (six fields put seconds first), with the values each takes. */
const FIELDS = [
  { name: "minute", min: 0, max: 59 },
  { name: "hour", min: 0, max: 23 },
  { name: "day", min: 1, max: 31 },
  { name: "month", min: 1, max: 12 },
  { name: "weekday", min: 0, max: 7 },
] as const;
const SECOND = { name: "second", min: 0, max: 59 } as const;
/** A valid expression each field is tried in, alone, so node-cron's own rules judge it. */
const PROBE5 = ["0", "0", "1", "1", "*"];

/**
 * Why an expression parseCron refused is not a cron, said so the user can fix it: how many
 * fields it has when that is the problem ("61 9 * * *" has the right five), else the first field
 * that node-cron refuses on its own, with the range it takes when a number is out of it
 * ("the minute field is “61”: it takes 0 to 59").
 */
export function cronError(expression: string): UserError {
  const cron = expression.trim().replace(/\s+/g, " ").slice(0, 80);
  const parts = cron.split(" ");
  if (cron === "" || parts[0]?.startsWith("@")) return new UserError("schedule.badCron", { cron });
  if (parts.length !== 5 && parts.length !== 6) {
    return new UserError("schedule.cronFieldCount", { cron, count: parts.length });
  }
  const fields = parts.length === 6 ? [SECOND, ...FIELDS] : FIELDS;
  const probe = parts.length === 6 ? ["0", ...PROBE5] : PROBE5;
  for (const [i, field] of fields.entries()) {
    const value = parts[i] ?? "";
    if (isValidCron(probe.map((p, j) => (j === i ? value : p)).join(" "))) continue;
    const outside = (value.match(/\d+/g) ?? []).some((n) => Number(n) < field.min || Number(n) > field.max);
    return outside
      ? new UserError("schedule.cronRange", {
          cron,
          field: field.name,
          value,
          min: field.min,
          max: field.max,
        })
      : new UserError("schedule.cronSyntax", { cron, field: field.name, value });
  }
  return new UserError("schedule.badCron", { cron });
}
