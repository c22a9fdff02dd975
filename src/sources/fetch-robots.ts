/**
 * robots.txt as RFC 9309 reads it, for page fetches: groups start with one or more
 * `User-agent` lines; the group naming our product token applies, else the `*` group (groups
 * for one agent are merged); within it the longest matching `Allow`/`Disallow` path wins, Allow
 * on a tie; `*` matches any run of characters and a final `$` anchors the end. Unknown lines and
 * `Crawl-delay`/`Sitemap` are ignored. `/robots.txt` itself is always allowed.
 */

export interface RobotsRule {
  allow: boolean;
  pattern: string;
  /** The compiled pattern, or null for a literal prefix (the common case: a plain startsWith). */
  regex: RegExp | null;
}

/** The rules that apply to us; an empty list allows everything. */
export interface RobotsPolicy {
  rules: RobotsRule[];
}

export const ALLOW_ALL: RobotsPolicy = { rules: [] };
export const DISALLOW_ALL: RobotsPolicy = { rules: [rule(false, "/")] };

/** Lines past this many bytes are not read (RFC 9309 asks parsers to read at least 500 KiB). */
export const ROBOTS_MAX_BYTES = 512 * 1024;

/** Parses robots.txt text and keeps the group for `token` (our product name, lowercase). */
export function parseRobots(text: string, token: string): RobotsPolicy {
  const mine: RobotsRule[] = [];
  const star: RobotsRule[] = [];
  let agents: string[] = [];
  let inRules = false;
  let namedUs = false;
  for (const rawLine of text.slice(0, ROBOTS_MAX_BYTES).split(/\r\n|\r|\n/)) {
    const line = rawLine.replace(/#.*$/, "").trim();
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    const key = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (key === "user-agent") {
      // A user-agent line after rules starts a new group.
      if (inRules) {
        agents = [];
        inRules = false;
      }
      agents.push(value.toLowerCase());
      if (agentMatches(value.toLowerCase(), token)) namedUs = true;
      continue;
    }
    if (key !== "allow" && key !== "disallow") continue;
    inRules = true;
    // "Disallow:" with no path allows everything: it adds no rule.
    if (value === "") continue;
    const r = rule(key === "allow", value);
    if (agents.some((agent) => agentMatches(agent, token))) mine.push(r);
    else if (agents.includes("*")) star.push(r);
  }
  // A group naming us replaces the "*" group entirely, even when it allows everything.
  return { rules: namedUs ? mine : star };
}

/** RFC 9309: the product token is matched case-insensitively; "newsdesk/1.0" names us too. */
function agentMatches(agent: string, token: string): boolean {
  const name = agent.split("/")[0]?.trim() ?? "";
  return name === token;
}

function rule(allow: boolean, pattern: string): RobotsRule {
  const normalized = normalizePath(pattern);
  const plain = !normalized.includes("*") && !normalized.endsWith("$");
  return { allow, pattern: normalized, regex: plain ? null : compile(normalized) };
}

function compile(pattern: string): RegExp {
  const anchored = pattern.endsWith("$");
  const body = (anchored ? pattern.slice(0, -1) : pattern)
    .split("*")
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
    .join(".*");
  return new RegExp(`^${body}${anchored ? "$" : ""}`);
}

/** Percent-escapes upper-cased and unreserved characters decoded, so "/a%7eb" matches "/a~b". */
function normalizePath(path: string): string {
  return path.replace(/%([0-9a-fA-F]{2})/g, (_, hex: string) => {
    const char = String.fromCharCode(Number.parseInt(hex, 16));
    return /[A-Za-z0-9\-._~]/.test(char) ? char : `%${hex.toUpperCase()}`;
  });
}

/** May the path (with its query) be fetched? `pathAndQuery` is URL.pathname + URL.search. */
export function robotsAllows(policy: RobotsPolicy, pathAndQuery: string): boolean {
  const path = normalizePath(pathAndQuery === "" ? "/" : pathAndQuery);
  if (path === "/robots.txt") return true;
  let best: RobotsRule | null = null;
  for (const r of policy.rules) {
    const matches = r.regex === null ? path.startsWith(r.pattern) : r.regex.test(path);
    if (!matches) continue;
    if (
      best === null ||
      r.pattern.length > best.pattern.length ||
      (r.pattern.length === best.pattern.length && r.allow)
    ) {
      best = r;
    }
  }
  return best === null || best.allow;
}
