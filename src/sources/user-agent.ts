/**
 * The User-Agent every request carries: a site operator reading a log sees who fetched and where
 * to learn more. The version is read from package.json once, so it never drifts from releases.
 */
import { readFileSync } from "node:fs";

const PRODUCT = "Newsdesk";

function packageVersion(): string {
  try {
    const text = readFileSync(new URL("../../package.json", import.meta.url), "utf8");
    const version = (JSON.parse(text) as { version?: unknown }).version;
    return typeof version === "string" ? version : "0";
  } catch {
    return "0";
  }
}

/** "Newsdesk/0.1.0 (+feed reader; news bot)". */
export const USER_AGENT = `${PRODUCT}/${packageVersion()} (news bot; feed reader)`;

/** The token robots.txt groups are matched against (RFC 9309: the product name, case-insensitive). */
export const ROBOTS_TOKEN = PRODUCT.toLowerCase();
