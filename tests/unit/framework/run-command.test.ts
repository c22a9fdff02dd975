import { describe, expect, it, vi } from "vitest";
import type { PlatformName } from "../../../src/domain/target.js";
import type { Services } from "../../../src/framework/command.js";
import { defineCommand } from "../../../src/framework/command.js";
import { makeContext } from "../../../src/framework/context.js";
import { UserError } from "../../../src/framework/errors.js";
import { registry, runCommand } from "../../../src/framework/run-command.js";
import { defineWords } from "../../../src/framework/words.js";

const d = { en: "x", fr: "x" };
const seen: unknown[] = [];
const commands = registry([
  defineCommand({
    name: "count",
    description: d,
    access: "everyone",
    options: [{ name: "n", type: "integer", description: d, min: 1, max: 5, required: true }] as const,
    run: (_ctx, { n }) => {
      seen.push(n);
      return { text: `n=${n}`, cards: [] };
    },
  }),
  defineCommand({
    name: "admin",
    description: d,
    access: "moderator",
    options: [] as const,
    run: () => {
      seen.push("admin ran");
      return { text: "done", cards: [] };
    },
  }),
  defineCommand({
    name: "boom",
    description: d,
    access: "everyone",
    options: [] as const,
    run: () => {
      throw new Error("database on fire");
    },
  }),
  defineCommand({
    name: "missing",
    description: d,
    access: "everyone",
    words: defineWords({
      en: { "missing.none": "Nothing matches “{query}”." },
      fr: { "missing.none": "Rien ne correspond à « {query} »." },
    }),
    options: [] as const,
    run: () => {
      throw new UserError("missing.none", { query: "zzz" });
    },
  }),
  defineCommand({
    name: "unsaid",
    description: d,
    access: "everyone",
    options: [] as const,
    run: () => {
      throw new UserError("unsaid.nowhere");
    },
  }),
  defineCommand({
    name: "hang",
    description: d,
    access: "everyone",
    options: [] as const,
    run: () => new Promise(() => {}),
  }),
]);

function context(locale: "en" | "fr", moderator: boolean, platform: PlatformName = "console") {
  const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn(), debug: vi.fn() };
  const services = { log } as unknown as Services;
  const ctx = makeContext({
    locale,
    user: { id: "u1", name: "user" },
    channel: { platform, id: "c" },
    isModerator: async () => moderator,
    textLimit: 2000,
    services,
  });
  return { ctx, log };
}

describe("runCommand", () => {
  it("GIVEN a valid integer as text THEN the handler gets a number", async () => {
    const { ctx } = context("en", false);
    const reply = await runCommand(commands, { command: "count", args: { n: "3" } }, ctx);
    expect(reply.text).toBe("n=3");
    expect(seen.at(-1)).toBe(3);
  });

  it("GIVEN an out-of-range integer THEN the user is told the bounds, in French", async () => {
    const { ctx } = context("fr", false);
    const reply = await runCommand(commands, { command: "count", args: { n: "9" } }, ctx);
    expect(reply.error).toBe(true);
    expect(reply.text).toContain("de 1 à 5");
  });

  it("GIVEN a missing required option THEN the reply shows the usage", async () => {
    const { ctx } = context("en", false);
    const reply = await runCommand(commands, { command: "count", args: {} }, ctx);
    expect(reply.text).toContain("/count <n>");
  });

  it("GIVEN a non-moderator THEN a moderator command is refused and not run", async () => {
    const { ctx } = context("en", false);
    const before = seen.length;
    const reply = await runCommand(commands, { command: "admin", args: {} }, ctx);
    expect(reply).toMatchObject({ error: true, private: true });
    expect(reply.text).toContain("Only the console user can use /admin");
    expect(seen.slice(before)).toEqual([]); // the handler never ran
  });

  it.each([
    [
      "discord",
      "en",
      "Only moderators can use /admin: in a server, members with the “Manage Server” permission.",
    ],
    ["telegram", "en", "Only the group’s administrators can use /admin."],
    ["discord", "fr", "permission «\u00a0Gérer le serveur\u00a0»"],
    ["telegram", "fr", "Seuls les administrateurs du groupe peuvent utiliser /admin."],
  ] as const)(
    "GIVEN a non-moderator on %s (%s) THEN the refusal says who the moderators are there",
    async (platform, locale, said) => {
      const { ctx } = context(locale, false, platform);
      expect((await runCommand(commands, { command: "admin", args: {} }, ctx)).text).toContain(said);
    },
  );

  it("GIVEN a moderator THEN the moderator command runs", async () => {
    const { ctx } = context("en", true);
    const before = seen.length;
    expect((await runCommand(commands, { command: "admin", args: {} }, ctx)).text).toBe("done");
    expect(seen.slice(before)).toEqual(["admin ran"]);
  });

  it("GIVEN a handler that throws THEN the user sees a reference and the log has the error", async () => {
    const { ctx, log } = context("en", false);
    const reply = await runCommand(commands, { command: "boom", args: {} }, ctx);
    const ref = /ref ([0-9a-f]{4})/.exec(reply.text ?? "")?.[1];
    expect(ref).toBeDefined();
    expect(log.error).toHaveBeenCalledWith(expect.objectContaining({ ref }), "command failed");
    expect(reply.text).not.toContain("database on fire");
  });

  it("GIVEN a UserError THEN its message is translated", async () => {
    const { ctx } = context("fr", false);
    const reply = await runCommand(commands, { command: "missing", args: {} }, ctx);
    expect(reply.text).toBe("Rien ne correspond à «\u00a0zzz\u00a0».");
  });

  it("GIVEN a UserError whose key no book has THEN it is a bug: a reference, and the log names the key", async () => {
    const { ctx, log } = context("en", false);
    const reply = await runCommand(commands, { command: "unsaid", args: {} }, ctx);
    expect(reply.text).toContain("Something went wrong");
    expect(log.error).toHaveBeenCalledWith(
      expect.objectContaining({ err: expect.objectContaining({ code: "unsaid.nowhere" }) }),
      "command failed",
    );
  });

  it("GIVEN an unknown command THEN the reply points to /help", async () => {
    const { ctx } = context("en", false);
    expect((await runCommand(commands, { command: "nope", args: {} }, ctx)).text).toContain("/help");
  });

  it("GIVEN a handler that never answers THEN the user still gets an answer", async () => {
    const { ctx } = context("en", false);
    const reply = await runCommand(commands, { command: "hang", args: {} }, ctx, 20);
    expect(reply.text).toContain("Something went wrong");
  });
});
