import { afterEach, beforeEach, describe, expect, it } from "vitest";
import schedule from "../../../commands/schedule.js";
import { registry } from "../../../src/framework/run-command.js";
import { sayTo } from "../../helpers/say.js";
import { article, type Harness, harness } from "../schedule/helpers.js";

const TUNING = { maxSleepMs: 6 * 3_600_000, heartbeatMs: 3_600_000 };

let h: Harness;
beforeEach(async () => {
  // Thursday 17 July 2025, 10:00 in Paris.
  h = harness({
    start: "2025-07-17T08:00:00Z",
    config: { timeZone: "Europe/Paris" },
    articles: [article("a1", { title: "Pakistan and El Salvador" })],
    tuning: TUNING,
  });
  await h.scheduler.start();
});
afterEach(async () => {
  await h.scheduler.stop();
  h.close();
});

/** Everything a command could change. */
function snapshot() {
  const count = (table: string) => h.db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get();
  return ["schedules", "subscriptions", "channel_settings", "audit_log", "deliveries"].map(count);
}

describe("moderator commands", () => {
  it("GIVEN a member who is not a moderator THEN every scheduling command is refused and nothing changes", async () => {
    const before = snapshot();
    for (const line of [
      "/schedule post a1 in 2h",
      "/schedule digest 0 9 * * *",
      "/schedule list",
      "/subscribe bitcoin",
      "/unsubscribe bitcoin",
      "/settings timezone Europe/Paris",
      "/settings language fr",
    ]) {
      const reply = await h.say(line, { moderator: false });
      expect(reply.error, line).toBe(true);
      expect(reply.plain, line).toMatch(/^Only moderators can use \//);
    }
    expect(snapshot()).toEqual(before);
  });

  it.each([
    ["/schedule digest 0 9 * * 1-9", "In “0 9 * * 1-9”, the weekday field is “1-9”: it takes 0 to 7."],
    ["/schedule digest 61 9 * * *", "In “61 9 * * *”, the minute field is “61”: it takes 0 to 59."],
    ["/schedule digest 0 9 * * lundi", "the weekday field “lundi” is not understood"],
    ["/schedule digest every day", "“every day” has 2 fields; a cron has 5"],
    ['/schedule digest cron:"0 9 * *"', "“0 9 * *” has 4 fields; a cron has 5"],
    [
      "/schedule",
      "/schedule needs an action: post, digest, list, cancel, pause, resume. For example: /schedule list",
    ],
    ["/schedule frobnicate", "/schedule has no action “frobnicate”. Its actions: post, digest, list"],
    ["/schedule digest */2 * * * *", "“*/2 * * * *” would post every 2 min"],
    ["/schedule digest * * * * * *", "would post every 1 s"],
    ["/schedule digest 0 0 1-7 * 0#5", "never fires"], // the 5th Sunday within the 1st-7th
    ["/schedule post a1 2025-07-16 09:00", "is already past"],
    ["/schedule post a1 today 08:00", "is already past"],
    ["/schedule post a1 in 400 days", "more than a year away"],
    ["/schedule post a1 someday", "I can’t read “someday” as a time"],
    ["/schedule post no-such-thing in 2h", "No article matches “no-such-thing”"],
    ["/schedule cancel zzzz", "No schedule “zzzz” here"],
    ["/schedule pause zzzz", "No schedule “zzzz”"],
    ["/settings timezone Mars/Olympus", "“Mars/Olympus” is not a time zone I know"],
    ["/settings language de", "must be one of: en, fr"],
    ["/subscribe ###", "A topic is a category or a tag"],
  ])("GIVEN %s THEN a clear message and nothing changes", async (line, message) => {
    const before = snapshot();
    const reply = await h.say(line);
    expect(reply.error).toBe(true);
    expect(reply.plain).toContain(message);
    expect(snapshot()).toEqual(before);
  });

  it("GIVEN the README's named-option lines THEN they schedule what they say", async () => {
    const post = await h.say("/schedule post article:a1 when:tomorrow 09:00");
    expect(post.plain).toContain("will be posted here on Fri, 18 Jul 2025, 09:00");
    const quoted = await h.say('/schedule post article:a1 when:"tomorrow 09:00"');
    expect(quoted.plain).toContain("on Fri, 18 Jul 2025, 09:00");
    const digest = await h.say("/schedule digest cron:0 9 * * 1-5");
    expect(digest.plain).toContain("a digest of new articles here at “0 9 * * 1-5” (Europe/Paris)");
  });

  it("GIVEN French THEN the cron's field is named in French and the marks are spaced", async () => {
    const { plain: text } = await h.say("/schedule digest 61 9 * * *", { locale: "fr" });
    expect(text).toBe(
      "Dans «\u00a061 9 * * *\u00a0», le champ minute vaut «\u00a061\u00a0»\u00a0: il va de 0 à 59.",
    );
  });

  it("GIVEN a cron that only gets too close across the spring-forward night THEN it is refused", async () => {
    const { plain: text } = await h.say("/schedule digest 58,2 1,3 * * *");
    expect(text).toContain("would post every 4 min");
  });

  it("GIVEN /schedule post THEN it confirms in the chat's time zone with a short id, and the audit log has it", async () => {
    const { plain: text } = await h.say("/schedule post a1 demain 09:00");
    expect(text).toMatch(
      /^Scheduled ([a-z2-9]{4}): “Pakistan and El Salvador” will be posted here on Fri, 18 Jul 2025, 09:00 \(Europe\/Paris\)\.$/,
    );
    const [entry] = await h.store.recentAudit(1);
    expect(entry).toMatchObject({
      actorId: "u1",
      actorName: "Alice",
      target: "discord:100",
      action: "schedule.post",
    });
    expect(entry?.detail).toMatchObject({ articleId: "a1", runAt: "2025-07-18T07:00:00.000Z" });
  });

  it("GIVEN /settings timezone THEN times typed in that chat are read in that zone", async () => {
    await h.say("/settings timezone america/new_york");
    const { plain: text } = await h.say("/schedule post a1 tomorrow 09:00");
    expect(text).toContain("09:00 (America/New_York)");
    const runAt = h.db.prepare("SELECT run_at FROM schedules").pluck().get();
    expect(runAt).toBe("2025-07-18T13:00:00.000Z");
  });

  it("GIVEN schedules THEN /schedule list shows ids, next runs in the chat's zone, creators and paused state", async () => {
    await h.say("/subscribe Bitcoin");
    const digest = (await h.say("/schedule digest 0 9 * * 1-5 bitcoin")).plain;
    expect(digest).toContain("Next: Fri, 18 Jul 2025, 09:00");
    const id = /Scheduled ([a-z2-9]+)/.exec(digest)?.[1] ?? "";
    const post = (await h.say("/schedule post a1 in 2h")).plain;
    const postId = /Scheduled ([a-z2-9]+)/.exec(post)?.[1] ?? "";
    await h.say(`/schedule pause ${id.toUpperCase()}`);

    const { plain: text } = await h.say("/schedule list");
    expect(text).toContain(
      `${postId} · post “Pakistan and El Salvador” · Thu, 17 Jul 2025, 12:00 · by Alice`,
    );
    expect(text).toContain(
      `${id} · digest “0 9 * * 1-5” on “bitcoin” · next — · by Alice · paused by Alice on Thu, 17 Jul 2025, 10:00`,
    );
    expect(text).toContain("Time zone: Europe/Paris");
    expect(text).toContain("Subscriptions: Bitcoin");

    const { plain: fr } = await h.say("/schedule list", { locale: "fr" });
    expect(fr).toContain("par Alice");
    expect(fr).toContain("jeu. 17 juil. 2025, 12:00");

    await h.say(`/schedule resume ${id}`);
    expect((await h.say("/schedule list")).plain).toContain(
      `${id} · digest “0 9 * * 1-5” on “bitcoin” · next Fri, 18 Jul 2025, 09:00 · by Alice`,
    );
    await h.say(`/schedule cancel ${id}`);
    expect((await h.say("/schedule list")).plain).not.toContain(id);

    const actions = (await h.store.recentAudit(20)).map((e) => e.action).reverse();
    expect(actions).toEqual([
      "subscribe",
      "schedule.digest",
      "schedule.post",
      "schedule.pause",
      "schedule.resume",
      "schedule.cancel",
    ]);
  });

  it("GIVEN another channel's id THEN it cannot be cancelled from here", async () => {
    const { plain: text } = await h.say("/schedule post a1 in 2h");
    const id = /Scheduled ([a-z2-9]+)/.exec(text)?.[1] ?? "";
    const other = await h.say(`/schedule cancel ${id}`, { channel: { platform: "telegram", id: "-5" } });
    expect(other.plain).toContain(`No schedule “${id}” here`);
  });

  it("GIVEN subscribe twice and unsubscribe THEN clear answers", async () => {
    expect((await h.say("/subscribe économie")).plain).toBe(
      "New articles on “économie” will be posted here as they arrive.",
    );
    expect((await h.say("/subscribe ECONOMIE")).plain).toBe("“ECONOMIE” is already followed here.");
    expect((await h.say("/subscribe quantum")).plain).toContain("No article has this topic yet");
    expect((await h.say("/unsubscribe sport")).plain).toBe(
      "“sport” is not followed here. Followed here: économie, quantum.",
    );
    expect((await h.say("/unsubscribe Economie")).plain).toBe("“Economie” is no longer followed here.");
  });

  it("GIVEN /settings language fr THEN confirmed, recorded and used for posts", async () => {
    expect((await h.say("/settings language FR")).plain).toBe("Posts here will be in French.");
    expect((await h.store.channelSettings("discord:100")).locale).toBe("fr");
    expect((await h.store.recentAudit(1))[0]).toMatchObject({
      action: "settings.language",
      detail: { to: "fr" },
    });
  });

  it("GIVEN no scheduler (the CLI) THEN a clear message", async () => {
    const ctx = h.ctx();
    const say = sayTo(registry([schedule]), () => ({
      ...ctx,
      services: { ...ctx.services, scheduling: undefined },
    }));
    expect((await say("/schedule list")).plain).toBe("Scheduling is not available right now.");
  });
});
