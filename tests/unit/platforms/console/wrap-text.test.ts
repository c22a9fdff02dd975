import { PassThrough, Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { silentLogger } from "../../../../src/domain/logger.js";
import type { Services } from "../../../../src/framework/command.js";
import { registry } from "../../../../src/framework/run-command.js";
import { createConsolePlatform } from "../../../../src/platforms/console/console-platform.js";
import { columns, wrapText } from "../../../../src/platforms/console/wrap-text.js";

const LONG =
  "Pakistan's crypto council met El Salvador's bitcoin office to compare notes on reserves, mining with surplus hydropower and the rules for exchanges.";

describe("wrapText", () => {
  it("GIVEN a long line THEN it breaks between words, every line within the width", () => {
    const wrapped = wrapText(LONG, 40);
    const lines = wrapped.split("\n");
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(columns(line)).toBeLessThanOrEqual(40);
    expect(lines.join(" ")).toBe(LONG); // no word split, none lost
  });

  it("GIVEN a bullet THEN its continuation lines hang under the text", () => {
    const lines = wrapText(`  • ${LONG}`, 40).split("\n");
    expect(lines[0]?.startsWith("  • ")).toBe(true);
    for (const line of lines.slice(1)) expect(line.startsWith("    ")).toBe(true);
  });

  it("GIVEN a word longer than the line (a URL) THEN it is kept whole on its own line", () => {
    const url = `https://example.org/${"a".repeat(60)}`;
    expect(wrapText(`see ${url} now`, 40).split("\n")).toEqual(["see", url, "now"]);
  });

  it("GIVEN French no-break spaces THEN the line never breaks before the colon", () => {
    const text = `${"mot ".repeat(8)}Catégorie\u00a0: ÉNERGIE`;
    for (const line of wrapText(text, 36).split("\n")) expect(line.startsWith("\u00a0:")).toBe(false);
  });

  it("GIVEN wide characters THEN they count two columns", () => {
    expect(columns("日本")).toBe(4);
    expect(columns("e\u0301")).toBe(1);
  });
});

/** A stdout that says it is a terminal of `width` columns, or not a terminal at all. */
function terminal(width: number | null) {
  const chunks: string[] = [];
  const out = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  }) as Writable & { isTTY?: boolean; columns?: number };
  if (width !== null) {
    out.isTTY = true;
    out.columns = width;
  }
  return { out, text: () => chunks.join("") };
}

const services = { log: silentLogger, library: { count: () => 12 } } as unknown as Services;

describe("the console platform", () => {
  it("GIVEN a start THEN the banner is the first thing printed, before any post", async () => {
    const { out, text } = terminal(null);
    const input = new PassThrough();
    const platform = createConsolePlatform({
      commands: registry([]),
      services,
      locale: "en",
      input,
      output: out,
    });
    await platform.start();
    await platform.publish(
      { platform: "console", id: "console" },
      { text: "A post", cards: [] },
      { key: "test" },
    );
    expect(text().split("\n")[0]).toBe("Newsdesk console: 12 articles loaded. Type /help, or /news bitcoin.");
    expect(text().indexOf("Newsdesk console")).toBeLessThan(text().indexOf("--- post #1 ---"));
    input.end();
    await platform.stop();
  });

  it("GIVEN a terminal 40 columns wide THEN printed lines wrap at 40; not a terminal THEN lines stay whole", async () => {
    for (const width of [40, null]) {
      const { out, text } = terminal(width);
      const input = new PassThrough();
      const platform = createConsolePlatform({
        commands: registry([]),
        services,
        locale: "en",
        input,
        output: out,
      });
      await platform.start();
      await platform.publish(
        { platform: "console", id: "console" },
        { text: LONG, cards: [] },
        { key: "test" },
      );
      const lines = text().split("\n");
      if (width) for (const line of lines) expect(columns(line)).toBeLessThanOrEqual(width);
      else expect(lines).toContain(LONG);
      input.end();
      await platform.stop();
    }
  });
});
