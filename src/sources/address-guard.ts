/**
 * The SSRF guard. Two checks, both needed:
 * - `checkUrl` before any request (and before every redirect hop): only http and https, no
 *   user:password@, and an IP literal host is judged at once (the socket never looks it up);
 * - `guardedLookup`, given to the socket as its `lookup`: the one and only name resolution of a
 *   connection. It resolves, refuses when any answer is not a global address, and hands the
 *   socket the very addresses it checked, so DNS rebinding (a second answer, different from the
 *   first) has no second lookup to play with.
 * `allowPrivate` lifts the address check (tests, private networks); `allowHosts` lifts it for
 * named hosts only. Scheme and credential checks always apply.
 */
import { lookup as dnsLookup } from "node:dns/promises";
import type { LookupFunction } from "node:net";
import { isIP } from "node:net";
import { classifyAddress } from "./address-ranges.js";

/** One resolved address. */
export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Resolves a host name to every address it has; injected so tests can stub DNS. */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export interface GuardOptions {
  /** Connect to private, loopback and other non-global addresses too (FETCH_ALLOW_PRIVATE). */
  allowPrivate?: boolean;
  /** Host names (lowercase) whose addresses are not checked: an operator's own intranet feed. */
  allowHosts?: readonly string[];
  resolver?: Resolver;
}

/** A refusal by the guard: the message names the URL (or host) and the reason. */
export class AddressRefused extends Error {
  readonly code = "ADDRESS_REFUSED";
  constructor(
    readonly target: string,
    readonly reason: string,
  ) {
    super(`refused ${target}: ${reason}`);
    this.name = "AddressRefused";
  }
}

export const systemResolver: Resolver = async (hostname) => {
  const answers = await dnsLookup(hostname, { all: true, verbatim: true });
  return answers.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
};

/**
 * Checks a URL before it is requested: scheme, credentials, and the host when it is an IP
 * literal. Returns the parsed URL, or throws AddressRefused naming the URL and the reason.
 */
export function checkUrl(raw: string, options: GuardOptions = {}): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new AddressRefused(raw, "it is not a valid URL");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new AddressRefused(raw, `only http and https are fetched, not "${url.protocol.slice(0, -1)}"`);
  }
  if (url.username !== "" || url.password !== "") {
    throw new AddressRefused(raw, "URLs with credentials (user:password@) are not fetched");
  }
  if (url.hostname === "") throw new AddressRefused(raw, "the URL has no host");
  const host = bareHost(url.hostname);
  if (isIP(host) !== 0 && !hostAllowed(host, options)) {
    const verdict = classifyAddress(host);
    if (!verdict.global) throw new AddressRefused(raw, `${host} is a ${verdict.range} address`);
  }
  return url;
}

/** "[::1]" -> "::1": the WHATWG URL keeps IPv6 hosts in brackets. */
export function bareHost(hostname: string): string {
  return hostname.startsWith("[") && hostname.endsWith("]") ? hostname.slice(1, -1) : hostname;
}

function hostAllowed(host: string, options: GuardOptions): boolean {
  return options.allowPrivate === true || (options.allowHosts ?? []).includes(host.toLowerCase());
}

/**
 * Resolves `hostname` once and checks every answer. Refuses when any answer is not global: a
 * name that mixes public and private answers is either misconfigured or an attack, and picking
 * the public one would make the outcome depend on answer order.
 */
export async function resolveChecked(
  hostname: string,
  options: GuardOptions = {},
): Promise<ResolvedAddress[]> {
  const host = bareHost(hostname);
  if (isIP(host) !== 0) {
    const family = isIP(host) === 6 ? 6 : 4;
    if (!hostAllowed(host, options)) {
      const verdict = classifyAddress(host);
      if (!verdict.global) throw new AddressRefused(host, `${host} is a ${verdict.range} address`);
    }
    return [{ address: host, family }];
  }
  const answers = await (options.resolver ?? systemResolver)(host);
  if (answers.length === 0) throw new AddressRefused(host, "the name has no address");
  if (!hostAllowed(host, options)) {
    for (const answer of answers) {
      const verdict = classifyAddress(answer.address);
      if (!verdict.global) {
        throw new AddressRefused(host, `${host} resolves to ${answer.address}, a ${verdict.range} address`);
      }
    }
  }
  return answers;
}

/**
 * A `lookup` for net/tls sockets and http(s) agents: the socket connects to what was checked.
 * Honours `all` (Node's happy-eyeballs asks for every address) and `family`.
 */
export function guardedLookup(options: GuardOptions = {}): LookupFunction {
  return (hostname, lookupOptions, callback) => {
    resolveChecked(hostname, options).then(
      (answers) => {
        const wanted = lookupOptions.family === 4 || lookupOptions.family === 6 ? lookupOptions.family : 0;
        const usable = wanted === 0 ? answers : answers.filter((a) => a.family === wanted);
        if (usable.length === 0) {
          const error = Object.assign(new Error(`${hostname} has no IPv${wanted} address`), {
            code: "ENOTFOUND",
          });
          callback(error, "", 4);
          return;
        }
        if (lookupOptions.all) callback(null, usable);
        else callback(null, usable[0]?.address ?? "", usable[0]?.family ?? 4);
      },
      (error: unknown) => callback(error as NodeJS.ErrnoException, "", 4),
    );
  };
}
