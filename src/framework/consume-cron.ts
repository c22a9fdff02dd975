import { parseCron } from "./cron-syntax.js";

/**
 * The OptionSpec `consume` hook for a cron typed on one line: "/schedule digest 0 9 * * 1-5
 * bitcoin" takes "0 9 * * 1-5" and leaves "bitcoin". Six fields win when they make a valid cron
 * ("0 0 9 * * 1-5"), then five; "@daily" is one token. An invalid cron still takes five tokens,
 * so the error quotes what was typed. A quoted cron is left to the default reader.
 */
export function consumeCron(rest: string): { value: string; rest: string } | null {
  const text = rest.trimStart();
  if (text === "" || /^["“«]/.test(text)) return null;
  const tokens = text.split(/\s+/);
  if (tokens[0]?.startsWith("@")) return { value: tokens[0], rest: tokens.slice(1).join(" ") };
  for (const n of [6, 5]) {
    if (tokens.length < n) continue;
    const candidate = tokens.slice(0, n).join(" ");
    if (parseCron(candidate)) return { value: candidate, rest: tokens.slice(n).join(" ") };
  }
  const n = Math.min(5, tokens.length);
  return { value: tokens.slice(0, n).join(" "), rest: tokens.slice(n).join(" ") };
}
