import { PassThrough, Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import type { Services } from "../../../../src/framework/command.js";
import { defineCommand } from "../../../../src/framework/command.js";
import { textReply } from "../../../../src/framework/reply.js";
import { registry } from "../../../../src/framework/run-command.js";
import { createConsolePlatform } from "../../../../src/platforms/console/console-platform.js";
import { ConsoleSession } from "../../../../src/platforms/console/console-session.js";
import { recordingLogger } from "../../../helpers/recording-logger.js";
import { gate, waitFor } from "../../../helpers/wait-for.js";

/**
 * The terminal as a user sees it: typed lines answered in order, /more pressing "next", posts
 * numbered, a broken terminal not breaking the lines after it.
 */
const release = { gate: gate() };
const commands = registry([
  defineCommand({
    name: "page",
    description: { en: "A page", fr: "Une page" },
    access: "everyone",
    options: [{ name: "n", type: "integer", description: { en: "Page", fr: "Page" } }] as const,
    run: (_ctx, { n }) => {
      const page = n ?? 1;
      return textReply(`page ${page}`, {
        buttons: [
          { label: "Back", action: { command: "page", args: { n: page - 1 } } },
          ...(page < 3
            ? [{ label: "Next", action: { command: "page", args: { n: page + 1 } }, next: true }]
            : []),
        ],
      });
    },
  }),
  defineCommand({
    name: "slow",
    description: { en: "Slow", fr: "Lent" },
    access: "everyone",
    options: [] as const,
    async run() {
      await release.gate.promise;
      return textReply("slow done");
    },
  }),
  defineCommand({
    name: "whoami",
    description: { en: "Who", fr: "Qui" },
    access: "everyone",
    options: [] as const,
    run: async (ctx) => textReply(`${ctx.user.name} ${ctx.channel.id} ${await ctx.isModerator()}`),
  }),
]);

function bot(output: Writable, log = recordingLogger().log, width?: number) {
  const input = new PassThrough();
  const services = { log, library: { count: () => 1 } } as unknown as Services;
  const platform = createConsolePlatform({ commands, services, locale: "en", input, output, width });
  return { platform, input };
}

function capture() {
  const chunks: string[] = [];
  const out = new Writable({
    write(chunk, _enc, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return { out, text: () => chunks.join("") };
}

describe("GIVEN the console platform", () => {
  it("WHEN lines are typed THEN each is answered in order, even after a slow one, blank lines say nothing, and a non-command gets the hint", async () => {
    const { out, text } = capture();
    const { platform, input } = bot(out);
    expect(platform.platform).toBe("console");
    expect(platform.directory?.ready()).toBe(true);
    await expect(platform.directory?.nameOf?.("anything")).resolves.toBe("console");
    await platform.start();
    expect(text()).toBe("Newsdesk console: 1 article loaded. Type /help, or /news bitcoin.\n");
    release.gate = gate();
    input.write("/slow\n   \n/whoami\nhello\n");
    release.gate.open();
    await waitFor(() => text().includes("Commands start with a slash"), { what: "the hint" });
    await platform.stop();
    expect(text().split("\n").slice(1)).toEqual([
      "slow done",
      "",
      "console console true",
      "",
      "Commands start with a slash, for example /news bitcoin. Type /help for the list.",
      "",
      "",
    ]);
  });

  it("WHEN posts are published THEN each is numbered, and the message ids differ", async () => {
    const { out, text } = capture();
    const { platform } = bot(out);
    await platform.start();
    const target = { platform: "console", id: "console" } as const;
    const first = await platform.publish(target, textReply("one"), { key: "a" });
    const second = await platform.publish(target, textReply("two"), { key: "a" });
    expect(first.messageId).toMatch(/^console-\d+-1$/);
    expect(second.messageId).toMatch(/^console-\d+-2$/);
    expect(text()).toContain("--- post #1 ---\none\n\n--- post #2 ---\ntwo\n\n");
    await platform.stop();
  });

  it("WHEN the dashboard link is shown THEN it is printed under the banner, wrapped at the given width", async () => {
    const { out, text } = capture();
    const { platform } = bot(out, undefined, 30);
    platform.directory?.showSignInLink?.("http://127.0.0.1:1/x");
    expect(text().startsWith("Dashboard: open\nhttp://127.0.0.1:1/x to sign")).toBe(true);
    for (const line of text().split("\n")) expect(line.length).toBeLessThanOrEqual(30);
  });

  it("WHEN the output breaks THEN the failure is logged and the next line is still answered", async () => {
    const log = recordingLogger();
    let fail = true;
    const seen: string[] = [];
    const out = new Writable({
      write(chunk, _enc, done) {
        seen.push(String(chunk));
        done();
      },
    });
    const write = out.write.bind(out);
    // The first reply's write throws, as a closed terminal's EPIPE does.
    out.write = ((chunk: string) => {
      if (fail && chunk.startsWith("console")) {
        fail = false;
        throw new Error("EPIPE");
      }
      return write(chunk);
    }) as typeof out.write;
    const { platform, input } = bot(out, log.log);
    await platform.start();
    input.write("/whoami\n/page\n");
    await waitFor(() => seen.some((s) => s.startsWith("page 1")), { what: "the second answer" });
    expect(log.find(/console output failed/)?.level).toBe("error");
    await platform.stop();
  });
});

describe("GIVEN a console session", () => {
  it("WHEN /more is typed THEN it presses the last reply's next button until there is none", async () => {
    const session = new ConsoleSession(commands, { log: recordingLogger().log } as unknown as Services, "en");
    expect((await session.say("/more")).text).toBe(
      "Nothing more to show: /more pages through the last list that had more.",
    );
    expect((await session.say("/page")).text).toBe("page 1");
    expect((await session.say("  /MORE  ")).text).toBe("page 2");
    expect((await session.say("/more@newsdesk")).text).toBe("page 3");
    // Page 3 has no next button: nothing more.
    expect((await session.say("/more")).text).toMatch(/^Nothing more to show/);
  });

  it("WHEN a command fails THEN the next button of the reply before it is kept", async () => {
    const session = new ConsoleSession(commands, { log: recordingLogger().log } as unknown as Services, "en");
    await session.say("/page");
    const failed = await session.say("not a command");
    expect(failed.error).toBe(true);
    expect((await session.say("/more")).text).toBe("page 2");
  });

  it("WHEN a post has a next button THEN /more follows the post's", async () => {
    const session = new ConsoleSession(commands, { log: recordingLogger().log } as unknown as Services, "fr");
    session.seen(
      textReply("digest", {
        buttons: [{ label: "Suite", action: { command: "page", args: { n: 2 } }, next: true }],
      }),
    );
    expect((await session.say("/more")).text).toBe("page 2");
    expect((await session.say("/more")).text).toBe("page 3");
    expect((await session.say("/more")).text).toMatch(/^Rien de plus à afficher/);
  });
});
