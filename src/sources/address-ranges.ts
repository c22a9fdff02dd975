/**
 * Which IP addresses a fetch may connect to. Feed items are written by strangers, so a link to
 * http://10.0.0.5/admin or to a cloud metadata address must never be fetched from inside the
 * operator's network. An address is allowed only when it is globally routable unicast:
 * everything in the IANA special-purpose registries that is not, is refused by name.
 *
 * IPv4 refused: 0.0.0.0/8 (this network, incl. unspecified), 10/8, 172.16/12, 192.168/16
 * (private), 100.64/10 (carrier-grade NAT), 127/8 (loopback), 169.254/16 (link-local, cloud
 * metadata), 192.0.0/24 (IETF protocol assignments), 192.0.2/24, 198.51.100/24, 203.0.113/24
 * (documentation), 192.88.99/24 (6to4 relay anycast), 198.18/15 (benchmarking), 224/4
 * (multicast), 240/4 (reserved, incl. 255.255.255.255 broadcast).
 *
 * IPv6 allowed only inside 2000::/3 (global unicast), minus 2001::/23 (IETF protocol
 * assignments, incl. Teredo and benchmarking), 2001:db8::/32 and 3fff::/20 (documentation),
 * 5f00::/16 is outside 2000::/3 anyway. Forms that carry an IPv4 address are judged by that
 * address: IPv4-mapped ::ffff:a.b.c.d, IPv4-translated ::ffff:0:a.b.c.d, NAT64 64:ff9b::/96
 * and 6to4 2002::/16. Refused outright: :: (unspecified), ::1 (loopback), IPv4-compatible
 * ::a.b.c.d (deprecated), 64:ff9b:1::/48 (local-use NAT64), 100::/64 (discard), fc00::/7
 * (unique-local), fe80::/10 (link-local), fec0::/10 (site-local), ff00::/8 (multicast), and
 * anything else outside 2000::/3 (reserved). A zone id ("fe80::1%eth0") is link-local by nature.
 */
import { isIP } from "node:net";

/** Why an address is refused, in words for the refusal message; null when it is global. */
export type AddressVerdict = { global: true } | { global: false; range: string };

const GLOBAL: AddressVerdict = { global: true };

/** [first octets as a 32-bit network, prefix length, name]. */
const IPV4_RANGES: readonly (readonly [string, number, string])[] = [
  ["0.0.0.0", 8, "this-network (0.0.0.0/8)"],
  ["10.0.0.0", 8, "private (10.0.0.0/8)"],
  ["100.64.0.0", 10, "carrier-grade NAT (100.64.0.0/10)"],
  ["127.0.0.0", 8, "loopback (127.0.0.0/8)"],
  ["169.254.0.0", 16, "link-local (169.254.0.0/16)"],
  ["172.16.0.0", 12, "private (172.16.0.0/12)"],
  ["192.0.0.0", 24, "IETF protocol assignments (192.0.0.0/24)"],
  ["192.0.2.0", 24, "documentation (192.0.2.0/24)"],
  ["192.88.99.0", 24, "6to4 relay anycast (192.88.99.0/24)"],
  ["192.168.0.0", 16, "private (192.168.0.0/16)"],
  ["198.18.0.0", 15, "benchmarking (198.18.0.0/15)"],
  ["198.51.100.0", 24, "documentation (198.51.100.0/24)"],
  ["203.0.113.0", 24, "documentation (203.0.113.0/24)"],
  ["224.0.0.0", 4, "multicast (224.0.0.0/4)"],
  ["255.255.255.255", 32, "broadcast (255.255.255.255)"],
  ["240.0.0.0", 4, "reserved (240.0.0.0/4)"],
];

const PARSED_V4 = IPV4_RANGES.map(([net, bits, name]) => ({
  net: ipv4ToInt(net) as number,
  mask: bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0,
  name,
}));

/** Classifies an IP address given as text (IPv4 dotted quad or any IPv6 form). */
export function classifyAddress(address: string): AddressVerdict {
  const zone = address.indexOf("%");
  if (zone >= 0) return { global: false, range: "link-local (scoped IPv6 address)" };
  const bare = address.startsWith("[") && address.endsWith("]") ? address.slice(1, -1) : address;
  const kind = isIP(bare);
  if (kind === 4) return classifyIpv4(ipv4ToInt(bare) as number);
  if (kind === 6) {
    const groups = parseIpv6(bare);
    if (groups) return classifyIpv6(groups);
  }
  return { global: false, range: "not an IP address" };
}

function classifyIpv4(value: number): AddressVerdict {
  for (const range of PARSED_V4) {
    if ((value & range.mask) >>> 0 === range.net) return { global: false, range: range.name };
  }
  return GLOBAL;
}

/** The IPv4 address carried in the last 32 bits of an IPv6 address. */
function embeddedV4(groups: number[], at = 6): number {
  return (((groups[at] as number) << 16) | (groups[at + 1] as number)) >>> 0;
}

function classifyIpv6(g: number[]): AddressVerdict {
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, , g7 = 0] = g;
  const zeroTo = (n: number) => g.slice(0, n).every((x) => x === 0);
  if (zeroTo(8)) return { global: false, range: "unspecified (::)" };
  if (zeroTo(7) && g7 === 1) return { global: false, range: "loopback (::1)" };
  if (zeroTo(5) && g5 === 0xffff) return viaV4(embeddedV4(g), "IPv4-mapped");
  if (zeroTo(4) && g4 === 0xffff && g5 === 0) return viaV4(embeddedV4(g), "IPv4-translated");
  if (zeroTo(6)) return { global: false, range: "IPv4-compatible (::/96, deprecated)" };
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0) {
    return viaV4(embeddedV4(g), "NAT64");
  }
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 1)
    return { global: false, range: "local-use NAT64 (64:ff9b:1::/48)" };
  if (g0 === 0x2002) return viaV4(embeddedV4(g, 1), "6to4");
  if ((g0 & 0xfe00) === 0xfc00) return { global: false, range: "unique-local (fc00::/7)" };
  if ((g0 & 0xffc0) === 0xfe80) return { global: false, range: "link-local (fe80::/10)" };
  if ((g0 & 0xffc0) === 0xfec0) return { global: false, range: "site-local (fec0::/10)" };
  if ((g0 & 0xff00) === 0xff00) return { global: false, range: "multicast (ff00::/8)" };
  if ((g0 & 0xe000) !== 0x2000) return { global: false, range: "reserved (outside 2000::/3)" };
  if (g0 === 0x2001 && g1 < 0x200) return { global: false, range: "IETF protocol assignments (2001::/23)" };
  if (g0 === 0x2001 && g1 === 0xdb8) return { global: false, range: "documentation (2001:db8::/32)" };
  if ((g0 & 0xfff0) === 0x3ff0) return { global: false, range: "documentation (3fff::/20)" };
  return GLOBAL;
}

function viaV4(value: number, form: string): AddressVerdict {
  const inner = classifyIpv4(value);
  return inner.global ? inner : { global: false, range: `${form} ${inner.range}` };
}

function ipv4ToInt(text: string): number | null {
  const parts = text.split(".");
  if (parts.length !== 4) return null;
  let value = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return null;
    const n = Number(part);
    if (n > 255) return null;
    value = value * 256 + n;
  }
  return value >>> 0;
}

/** Eight 16-bit groups, or null; accepts "::" compression and a trailing dotted quad. */
export function parseIpv6(text: string): number[] | null {
  let hex = text;
  const lastColon = hex.lastIndexOf(":");
  if (hex.slice(lastColon + 1).includes(".")) {
    // "::ffff:1.2.3.4" is "::ffff:102:304": the quad becomes the last two groups.
    const v4 = ipv4ToInt(hex.slice(lastColon + 1));
    if (v4 === null) return null;
    hex = `${hex.slice(0, lastColon + 1)}${(v4 >>> 16).toString(16)}:${(v4 & 0xffff).toString(16)}`;
  }
  const halves = hex.split("::");
  if (halves.length > 2) return null;
  const left = hexGroups(halves[0] ?? "");
  const right = halves.length === 2 ? hexGroups(halves[1] ?? "") : [];
  if (left === null || right === null) return null;
  const given = left.length + right.length;
  if (halves.length === 1 ? given !== 8 : given > 7) return null;
  return [...left, ...new Array<number>(8 - given).fill(0), ...right];
}

function hexGroups(text: string): number[] | null {
  if (text === "") return [];
  const groups: number[] = [];
  for (const part of text.split(":")) {
    if (!/^[0-9a-f]{1,4}$/i.test(part)) return null;
    groups.push(Number.parseInt(part, 16));
  }
  return groups;
}
