import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type Core, createCore } from "../../../src/core.js";
import type { Publisher } from "../../../src/domain/publisher.js";
import type { Reply } from "../../../src/domain/reply.js";
import { PublisherRegistry } from "../../../src/schedule/publisher-registry.js";
import { recordingLogger } from "../../helpers/recording-logger.js";
import { SEED_FILE } from "../../helpers/seed.js";
import { markdownArticle, tempContent } from "../../helpers/temp-content.js";
import { waitFor } from "../../helpers/wait-for.js";

/**
 * A new file announced end to end: the real library watching a real folder, the real scheduler on
 * a real database and real timers (what `createCore` wires for `npm start`), and a publisher that
 * records. The unit tests of announcements use a fake library; this checks the wiring between them.
 */

const content = tempContent("newsdesk-announce-");
const data = mkdtempSync(join(tmpdir(), "newsdesk-announce-db-"));
let core: Core | undefined;
afterAll(async () => {
  await core?.close();
  content.remove();
  rmSync(data, { recursive: true, force: true });
});

describe("a file written into the content folder", () => {
  it("GIVEN a running core THEN the new file is announced once to the configured target, and an edit does not announce it again", async () => {
    copyFileSync(SEED_FILE, join(content.dir, "seed.txt"));
    const posted: { channelId: string; reply: Reply }[] = [];
    const recorder: Publisher = {
      platform: "console",
      publish: async (target, reply) => {
        posted.push({ channelId: target.id, reply });
        return { messageId: String(posted.length) };
      },
    };
    const rec = recordingLogger();
    core = await createCore({
      contentDir: content.dir,
      databasePath: join(data, "bot.db"),
      defaultLocale: "en",
      log: rec.log,
      watch: true,
      schedule: {
        digestCron: null,
        timeZone: "UTC",
        targets: ["console"],
        catchUp: "latest",
        publishers: new PublisherRegistry([recorder]),
      },
    });
    await core.scheduler?.start();
    const titles = () => posted.map((p) => p.reply.cards[0]?.title);

    content.write("tidal.md", markdownArticle({ title: "Tidal plant opens", body: "It opened on Monday." }));
    await waitFor(() => titles().includes("Tidal plant opens"), { what: "the announcement" });
    content.write(
      "tidal.md",
      markdownArticle({ title: "Tidal plant opens", body: "It opened on Monday, late." }),
    );
    await waitFor(() => core?.library.get("tidal")?.sections[0]?.text.includes("late"), { what: "the edit" });
    // A later file is the marker: announcements go out in order, so a second copy of the first
    // (from the edit) would be out before it.
    content.write("wind.md", markdownArticle({ title: "Wind farm approved", body: "Work starts soon." }));
    await waitFor(() => titles().includes("Wind farm approved"), { what: "the second announcement" });

    // The seed was there at the first start: the baseline, never announced.
    expect(titles()).toEqual(["Tidal plant opens", "Wind farm approved"]);
    expect(posted.map((p) => [p.channelId, p.reply.text])).toEqual([
      ["console", "New article"],
      ["console", "New article"],
    ]);
    expect(await core.scheduler?.stats()).toMatchObject({ done: 2, pending: 0, sending: 0, failed: 0 });
    expect(rec.lines.filter((l) => l.level === "error")).toEqual([]);
  });
});
