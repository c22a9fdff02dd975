import { describe, expect, it } from "vitest";
import {
  AddressRefused,
  checkUrl,
  guardedLookup,
  type Resolver,
  resolveChecked,
} from "../../../src/sources/address-guard.js";
import { classifyAddress, parseIpv6 } from "../../../src/sources/address-ranges.js";

describe("classifyAddress", () => {
  it.each([
    ["0.0.0.0", "this-network"],
    ["0.1.2.3", "this-network"],
    ["10.1.2.3", "private"],
    ["100.64.0.1", "carrier-grade NAT"],
    ["100.127.255.255", "carrier-grade NAT"],
    ["127.0.0.1", "loopback"],
    ["127.255.0.9", "loopback"],
    ["169.254.169.254", "link-local"],
    ["172.16.0.1", "private"],
    ["172.31.255.255", "private"],
    ["192.0.0.8", "IETF protocol assignments"],
    ["192.0.2.10", "documentation"],
    ["192.88.99.1", "6to4 relay"],
    ["192.168.1.1", "private"],
    ["198.18.0.1", "benchmarking"],
    ["198.19.255.1", "benchmarking"],
    ["198.51.100.7", "documentation"],
    ["203.0.113.9", "documentation"],
    ["224.0.0.1", "multicast"],
    ["239.255.255.250", "multicast"],
    ["240.0.0.1", "reserved"],
    ["255.255.255.255", "broadcast"],
  ])("GIVEN IPv4 %s THEN it is refused as %s", (ip, range) => {
    const verdict = classifyAddress(ip);
    expect(verdict.global).toBe(false);
    if (!verdict.global) expect(verdict.range).toContain(range);
  });

  it.each([
    "8.8.8.8",
    "1.1.1.1",
    "93.184.216.34",
    "172.32.0.1",
    "100.128.0.1",
    "198.20.0.1",
    "223.255.255.255",
  ])("GIVEN the global IPv4 %s THEN it is allowed", (ip) =>
    expect(classifyAddress(ip)).toEqual({ global: true }),
  );

  it.each([
    ["::", "unspecified"],
    ["::1", "loopback"],
    ["0:0:0:0:0:0:0:1", "loopback"],
    ["::ffff:127.0.0.1", "IPv4-mapped loopback"],
    ["::ffff:7f00:1", "IPv4-mapped loopback"],
    ["::ffff:10.0.0.1", "IPv4-mapped private"],
    ["::ffff:169.254.169.254", "IPv4-mapped link-local"],
    ["::ffff:0:192.168.0.1", "IPv4-translated private"],
    ["::127.0.0.1", "IPv4-compatible"],
    ["::8.8.8.8", "IPv4-compatible"],
    ["64:ff9b::10.0.0.1", "NAT64 private"],
    ["64:ff9b::7f00:1", "NAT64 loopback"],
    ["64:ff9b:1::1", "local-use NAT64"],
    ["2002:c0a8:0101::1", "6to4 private"],
    ["2002:7f00:1::", "6to4 loopback"],
    ["fc00::1", "unique-local"],
    ["fd12:3456:789a::1", "unique-local"],
    ["fe80::1", "link-local"],
    ["fe80::1%eth0", "link-local"],
    ["fec0::1", "site-local"],
    ["ff02::1", "multicast"],
    ["2001:db8::1", "documentation"],
    ["3fff::1", "documentation"],
    ["2001::1", "IETF protocol assignments"],
    ["2001:2::1", "IETF protocol assignments"],
    ["100::1", "reserved"],
    ["5f00::1", "reserved"],
    ["[::1]", "loopback"],
  ])("GIVEN IPv6 %s THEN it is refused as %s", (ip, range) => {
    const verdict = classifyAddress(ip);
    expect(verdict.global).toBe(false);
    if (!verdict.global) expect(verdict.range).toContain(range);
  });

  it.each([
    "2606:4700:4700::1111",
    "2a00:1450:4007:80f::200e",
    "::ffff:8.8.8.8",
    "64:ff9b::8.8.8.8",
    "2002:0808:0808::1",
  ])("GIVEN the global IPv6 %s THEN it is allowed", (ip) =>
    expect(classifyAddress(ip)).toEqual({ global: true }),
  );

  it("GIVEN text that is no address THEN it is refused rather than trusted", () => {
    expect(classifyAddress("localhost").global).toBe(false);
    expect(classifyAddress("1.2.3").global).toBe(false);
  });

  it("GIVEN IPv6 text THEN parseIpv6 expands it to eight groups", () => {
    expect(parseIpv6("::ffff:1.2.3.4")).toEqual([0, 0, 0, 0, 0, 0xffff, 0x102, 0x304]);
    expect(parseIpv6("1::")).toEqual([1, 0, 0, 0, 0, 0, 0, 0]);
    expect(parseIpv6("1:2:3:4:5:6:7:8")).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(parseIpv6("1::2::3")).toBeNull();
    expect(parseIpv6("1:2:3")).toBeNull();
  });
});

describe("checkUrl", () => {
  it.each([
    ["ftp://example.org/feed", 'not "ftp"'],
    ["file:///etc/passwd", 'not "file"'],
    ["javascript:alert(1)", 'not "javascript"'],
    ["https://user:secret@example.org/feed", "credentials"],
    ["http://127.0.0.1/admin", "127.0.0.1 is a loopback"],
    ["http://0x7f.1/admin", "127.0.0.1 is a loopback"],
    ["http://2130706433/", "127.0.0.1 is a loopback"],
    ["http://[::ffff:127.0.0.1]/", "IPv4-mapped loopback"],
    ["http://[::1]:8080/", "loopback"],
    ["http://169.254.169.254/latest/meta-data/", "link-local"],
    ["not a url", "not a valid URL"],
  ])("GIVEN %s THEN it is refused, naming the URL and why (%s)", (url, why) => {
    let error: unknown;
    try {
      checkUrl(url);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AddressRefused);
    expect((error as Error).message).toContain(why);
    expect((error as Error).message).toContain(
      url.startsWith("http://0x7f") || url.startsWith("http://2130") ? "http://" : url,
    );
  });

  it("GIVEN allowPrivate THEN loopback literals pass but bad schemes still do not", () => {
    expect(checkUrl("http://127.0.0.1:8080/feed", { allowPrivate: true }).port).toBe("8080");
    expect(() => checkUrl("ftp://127.0.0.1/", { allowPrivate: true })).toThrow(AddressRefused);
  });

  it("GIVEN a host name THEN checkUrl leaves it to the lookup", () => {
    expect(checkUrl("https://example.org/feed.xml").hostname).toBe("example.org");
  });
});

/** A resolver that answers from a script, one answer per call, and counts its calls. */
function scriptedResolver(...answers: string[][]): Resolver & { calls: number } {
  const resolver = Object.assign(
    async (_host: string) => {
      const answer = answers[Math.min(resolver.calls, answers.length - 1)] ?? [];
      resolver.calls++;
      return answer.map((address) => ({
        address,
        family: address.includes(":") ? (6 as const) : (4 as const),
      }));
    },
    { calls: 0 },
  );
  return resolver;
}

function lookupOnce(
  lookup: ReturnType<typeof guardedLookup>,
  host: string,
  all: boolean,
): Promise<{ error: Error | null; address: unknown }> {
  return new Promise((resolve) => {
    lookup(host, { all }, (error, address) => resolve({ error, address }));
  });
}

describe("guardedLookup", () => {
  it("GIVEN a name resolving to a private address THEN the lookup refuses it with the reason", async () => {
    const lookup = guardedLookup({ resolver: scriptedResolver(["10.0.0.5"]) });
    const { error } = await lookupOnce(lookup, "intranet.example", false);
    expect(error).toBeInstanceOf(AddressRefused);
    expect(error?.message).toContain("intranet.example resolves to 10.0.0.5, a private (10.0.0.0/8) address");
  });

  it("GIVEN one public and one private answer THEN the name is refused whatever the order", async () => {
    const lookup = guardedLookup({ resolver: scriptedResolver(["93.184.216.34", "::1"]) });
    const { error } = await lookupOnce(lookup, "mixed.example", true);
    expect(error?.message).toContain("::1");
  });

  it("GIVEN a resolver that answers public first and loopback the second time THEN the socket gets the checked address from one lookup", async () => {
    const resolver = scriptedResolver(["93.184.216.34"], ["127.0.0.1"]);
    const lookup = guardedLookup({ resolver });
    const first = await lookupOnce(lookup, "rebind.example", false);
    expect(first.error).toBeNull();
    expect(first.address).toBe("93.184.216.34");
    // The check and the connection used one and the same answer: one call, no second chance.
    expect(resolver.calls).toBe(1);
    // A new connection asks again, and is checked again.
    const second = await lookupOnce(lookup, "rebind.example", false);
    expect(second.error?.message).toContain("loopback");
    expect(resolver.calls).toBe(2);
  });

  it("GIVEN all:true THEN every checked address is handed over with its family", async () => {
    const lookup = guardedLookup({ resolver: scriptedResolver(["93.184.216.34", "2606:4700::1"]) });
    const { address } = await lookupOnce(lookup, "dual.example", true);
    expect(address).toEqual([
      { address: "93.184.216.34", family: 4 },
      { address: "2606:4700::1", family: 6 },
    ]);
  });

  it("GIVEN allowPrivate or an allowed host THEN private answers pass", async () => {
    await expect(
      resolveChecked("intranet.example", { allowPrivate: true, resolver: scriptedResolver(["10.0.0.5"]) }),
    ).resolves.toHaveLength(1);
    await expect(
      resolveChecked("Intranet.example", {
        allowHosts: ["intranet.example"],
        resolver: scriptedResolver(["10.0.0.5"]),
      }),
    ).resolves.toHaveLength(1);
    await expect(
      resolveChecked("other.example", {
        allowHosts: ["intranet.example"],
        resolver: scriptedResolver(["10.0.0.5"]),
      }),
    ).rejects.toThrow(AddressRefused);
  });
});
