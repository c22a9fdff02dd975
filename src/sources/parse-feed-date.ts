/**
 * Feed dates to ISO 8601 UTC ("2004-01-01T19:48:21Z"). Feeds write RFC 822 dates with every
 * liberty (day names wrong or spelled out, two-digit years, missing seconds, zone names like
 * "EDT", "CEST" or "UT", military letters, "+0000 (UTC)"), ISO 8601 with or without a zone, and
 * occasionally free text. Read in that order: RFC 822, ISO 8601, then chrono-node (English,
 * French, German, Spanish, ...) for the rest. A date with no zone is read as UTC. Unreadable
 * gives null: never a guess like "now".
 */
import * as chrono from "chrono-node";

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

/** Zone abbreviations feeds use, in minutes east of UTC (RFC 822's and common ones). */
const ZONES: Readonly<Record<string, number>> = {
  ut: 0,
  utc: 0,
  gmt: 0,
  z: 0,
  wet: 0,
  bst: 60,
  ist: 330,
  cet: 60,
  met: 60,
  mez: 60,
  cest: 120,
  mest: 120,
  mesz: 120,
  eet: 120,
  eest: 180,
  msk: 180,
  est: -300,
  edt: -240,
  cst: -360,
  cdt: -300,
  mst: -420,
  mdt: -360,
  pst: -480,
  pdt: -420,
  akst: -540,
  akdt: -480,
  hst: -600,
  ast: -240,
  adt: -180,
  nzst: 720,
  nzdt: 780,
  aest: 600,
  aedt: 660,
  acst: 570,
  acdt: 630,
  awst: 480,
  jst: 540,
  kst: 540,
  hkt: 480,
  sgt: 480,
  wib: 420,
};

const RFC822 =
  /^(?:[a-z]+\.?,?\s*)?(\d{1,2})[\s-]+([a-z]{3,})\.?[\s-]+(\d{2,4})(?:[\sT,]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*([a-z]{1,5}|[+-]\d{1,2}:?\d{2}|[+-]\d{1,2})?(?:\s*\([^)]*\))?$/i;
/** "Mon Jan 02 2006 15:04:05 GMT+0000", "Jan 2, 2006 3:04 PM" and friends go to the fallback. */
const ISO =
  /^(\d{4})-?(\d{2})-?(\d{2})(?:[T\s](\d{2}):?(\d{2})(?::?(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/** Parses a feed date; ISO 8601 in UTC, or null. */
export function parseFeedDate(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  const text = raw.replace(/\s+/g, " ").trim();
  if (text === "") return null;
  const ms = rfc822(text) ?? iso8601(text) ?? fallback(text);
  return ms === null ? null : toIso(ms);
}

function rfc822(text: string): number | null {
  const m = RFC822.exec(text);
  if (!m) return null;
  const month = MONTHS[(m[2] ?? "").slice(0, 3).toLowerCase()];
  if (month === undefined) return null;
  let year = Number(m[3]);
  if ((m[3] ?? "").length === 2) year += year < 50 ? 2000 : 1900;
  else if ((m[3] ?? "").length === 3) year += 1900;
  const offset = zoneOffset(m[7]);
  if (offset === null) return null;
  return utc(year, month, Number(m[1]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), 0, offset);
}

function iso8601(text: string): number | null {
  const m = ISO.exec(text);
  if (!m) return null;
  const fraction = m[7] ? Math.round(Number(`0.${m[7]}`) * 1000) : 0;
  const offset = zoneOffset(m[8]);
  if (offset === null) return null;
  return utc(
    Number(m[1]),
    Number(m[2]),
    Number(m[3]),
    Number(m[4] ?? 0),
    Number(m[5] ?? 0),
    Number(m[6] ?? 0),
    fraction,
    offset,
  );
}

/** Minutes east of UTC; 0 when absent (read as UTC); null when unknown. */
function zoneOffset(zone: string | undefined): number | null {
  if (zone === undefined || zone === "") return 0;
  const numeric = /^([+-])(\d{1,2}):?(\d{2})?$/.exec(zone);
  if (numeric) {
    const minutes = Number(numeric[2]) * 60 + Number(numeric[3] ?? 0);
    if (minutes > 14 * 60) return null;
    return numeric[1] === "-" ? -minutes : minutes;
  }
  const lower = zone.toLowerCase();
  const named = ZONES[lower];
  if (named !== undefined) return named;
  // RFC 822 military zones: the meaning of their sign was famously reversed; RFC 2822 says
  // treat them as unknown, i.e. UTC. Any other single letter too.
  if (/^[a-z]$/.test(lower)) return 0;
  return null;
}

function utc(
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  s: number,
  ms: number,
  offsetMin: number,
): number | null {
  if (y < 1000 || y > 9999 || mo < 1 || mo > 12 || d < 1 || h > 24 || mi > 59 || s > 60) return null;
  const daysInMonth = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (d > daysInMonth) return null;
  return Date.UTC(y, mo - 1, d, h, mi, Math.min(s, 59), ms) - offsetMin * 60_000;
}

const PARSERS = [chrono.en, chrono.fr, chrono.de, chrono.es, chrono.pt, chrono.nl, chrono.it].filter(
  (p): p is NonNullable<typeof p> => p !== undefined,
);

/** Free-form dates: chrono's strict parsers (no "today"-style relative words), read as UTC. */
function fallback(text: string): number | null {
  if (!/\d{4}/.test(text) || text.length > 80) return null;
  const reference = { instant: new Date(Date.UTC(2000, 0, 1)), timezone: 0 };
  for (const parser of PARSERS) {
    const results = parser.strict.parse(text, reference);
    const first = results[0];
    // Only a date that is most of the text: a date inside a sentence is not the item's date.
    if (first && first.text.length >= text.length * 0.6 && first.start.isCertain("year")) {
      return first.start.date().getTime();
    }
  }
  return null;
}

function toIso(ms: number): string {
  return new Date(ms).toISOString().replace(".000Z", "Z");
}
