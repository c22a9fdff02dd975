import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { UserError } from "../../../src/framework/errors.js";
import { AuditTable } from "../../../src/store/sqlite/scheduling/audit.js";
import { TargetTable } from "../../../src/store/sqlite/scheduling/targets.js";
import { article, type Harness, harness } from "./helpers.js";

/**
 * The moderator port (src/schedule/scheduling-service.ts) called directly, as the commands do after
 * parsing: the checks the command layer may already make are the port's own too, every change has
 * its audit row with what changed, and refusals name what was wrong.
 */

const TUNING = { maxSleepMs: 6 * 3_600_000, heartbeatMs: 3_600_000 };
const alice = { id: "u1", name: "Alice" };
const here = { platform: "discord" as const, id: "100" };
const NOW = "2025-07-17T08:00:00.000Z";

let h: Harness;
beforeEach(async () => {
  h = harness({ start: NOW, articles: [article("a1", { title: "Wind auction" })], tuning: TUNING });
  await h.scheduler.start();
});
afterEach(async () => {
  await h.scheduler.stop();
  h.close();
});

const port = () => h.scheduler.port;
const audit = () => new AuditTable(h.db).recent(50, "discord:100").reverse();
const last = () => audit().at(-1);
const at = (iso: string) => new Date(iso);

/** The UserError a call throws: its code and parameters. */
async function refusal(
  call: () => Promise<unknown>,
): Promise<{ code: string; params: Record<string, unknown> }> {
  try {
    await call();
  } catch (error) {
    if (error instanceof UserError) return { code: error.code, params: error.params };
    throw error;
  }
  throw new Error("expected a UserError");
}

describe("schedulePost", () => {
  it("GIVEN now, or more than a year ahead, or an unknown article THEN refused with the reason; exactly a year is fine", async () => {
    expect(
      (await refusal(() => port().schedulePost(here, alice, { articleId: "a1", when: at(NOW) }))).code,
    ).toBe("schedule.pastTime");
    const year = 366 * 86_400_000;
    const tooFar = new Date(Date.parse(NOW) + year + 1);
    expect(
      (await refusal(() => port().schedulePost(here, alice, { articleId: "a1", when: tooFar }))).code,
    ).toBe("schedule.tooFar");
    const missing = await refusal(() =>
      port().schedulePost(here, alice, {
        articleId: `nope${"x".repeat(200)}`,
        when: at("2025-07-18T08:00:00Z"),
      }),
    );
    expect(missing).toEqual({ code: "schedule.unknownArticle", params: { query: `nope${"x".repeat(76)}` } });
    expect(audit()).toEqual([]);

    const view = await port().schedulePost(here, alice, {
      articleId: "a1",
      when: new Date(Date.parse(NOW) + year),
    });
    expect(view).toMatchObject({
      kind: "post",
      articleTitle: "Wind auction",
      state: "active",
      createdBy: "Alice",
    });
    expect(view.nextRun?.getTime()).toBe(Date.parse(NOW) + year);
    expect(last()).toMatchObject({
      action: "schedule.post",
      actorName: "Alice",
      detail: { id: view.id, articleId: "a1" },
    });
  });
});

describe("scheduleDigest", () => {
  it("GIVEN a bad cron THEN the message quotes it trimmed and at most 80 characters", async () => {
    const long = `  ${"9".repeat(100)} * * * *  `;
    // Quoted trimmed and cut to 80 characters (which cron error it is: src/framework/explain-cron.ts).
    expect((await refusal(() => port().scheduleDigest(here, alice, { cron: long }))).params.cron).toBe(
      "9".repeat(80),
    );
    // The 31st that is the month's first Sunday: valid syntax, never a date.
    expect(await refusal(() => port().scheduleDigest(here, alice, { cron: " 0 0 31 * 0#1 " }))).toEqual({
      code: "schedule.neverFires",
      params: { cron: "0 0 31 * 0#1" },
    });
  });

  it("GIVEN fire times 5 minutes apart THEN accepted; 4 minutes or 30 seconds THEN refused with the gap in words", async () => {
    expect((await port().scheduleDigest(here, alice, { cron: "*/5 * * * *" })).cron).toBe("*/5 * * * *");
    expect(await refusal(() => port().scheduleDigest(here, alice, { cron: "*/4 * * * *" }))).toEqual({
      code: "schedule.tooFrequent",
      params: { cron: "*/4 * * * *", gap: "4 min" },
    });
    expect(
      (await refusal(() => port().scheduleDigest(here, alice, { cron: "*/30 * * * * *" }))).params.gap,
    ).toBe("30 s");
  });

  it("GIVEN a topic THEN trimmed; blank means none; only punctuation or over 64 characters THEN refused", async () => {
    expect(
      (await port().scheduleDigest(here, alice, { cron: "0 9 * * *", topic: "  Bitcoin  " })).topic,
    ).toBe("Bitcoin");
    expect((await port().scheduleDigest(here, alice, { cron: "0 10 * * *", topic: "   " })).topic).toBeNull();
    expect(
      (await port().scheduleDigest(here, alice, { cron: "0 11 * * *", topic: "x".repeat(64) })).topic,
    ).toHaveLength(64);
    for (const topic of ["###", "x".repeat(65)]) {
      expect(
        (await refusal(() => port().scheduleDigest(here, alice, { cron: "0 12 * * *", topic }))).code,
      ).toBe("subscribe.badTopic");
    }
  });

  it("GIVEN a new digest THEN its next run is the next fire in the channel's zone, and a paused one has none", async () => {
    await port().setTimeZone(here, alice, "Europe/Paris");
    const view = await port().scheduleDigest(here, alice, { cron: "0 9 * * *" });
    expect(view.nextRun?.toISOString()).toBe("2025-07-18T07:00:00.000Z"); // 09:00 Paris, tomorrow
    expect((await port().pause(here, alice, view.id)).nextRun).toBeNull();
  });
});

describe("cancel, pause, resume", () => {
  const post = () => port().schedulePost(here, alice, { articleId: "a1", when: at("2025-07-17T10:00:00Z") });

  it("GIVEN each change THEN its audit row says which schedule went from what to what", async () => {
    const { id } = await post();
    await port().pause(here, alice, id);
    expect(last()).toMatchObject({ action: "schedule.pause", detail: { id, from: "active", to: "paused" } });
    const resumed = await port().resume(here, alice, id);
    expect(resumed).toMatchObject({ targetEnabled: false, schedule: { state: "active" } });
    expect(last()).toMatchObject({ action: "schedule.resume", detail: { id, from: "paused", to: "active" } });
    await port().cancel(here, alice, id);
    expect(last()).toMatchObject({
      action: "schedule.cancel",
      detail: { id, from: "active", to: "cancelled" },
    });
  });

  it("GIVEN a schedule in the wrong state THEN the refusal says which state", async () => {
    const { id } = await post();
    expect((await refusal(() => port().resume(here, alice, id))).code).toBe("schedule.notPaused");
    await port().pause(here, alice, id);
    expect(await refusal(() => port().pause(here, alice, id))).toEqual({
      code: "schedule.alreadyPaused",
      params: { id },
    });
    await port().cancel(here, alice, id);
    for (const call of [
      () => port().cancel(here, alice, id),
      () => port().pause(here, alice, id),
      () => port().resume(here, alice, id),
    ]) {
      expect(await refusal(call)).toEqual({ code: "schedule.finished", params: { id } });
    }
  });

  it("GIVEN an id from another channel or a long garbage id THEN not found, quoting at most 20 characters", async () => {
    const { id } = await post();
    const elsewhere = { platform: "discord" as const, id: "200" };
    expect(await refusal(() => port().cancel(elsewhere, alice, id))).toEqual({
      code: "schedule.notFound",
      params: { id },
    });
    expect((await refusal(() => port().cancel(here, alice, "z".repeat(40)))).params.id).toBe("z".repeat(20));
  });

  it("GIVEN a paused digest resumed THEN the slots of the pause are not owed", async () => {
    const { id } = await port().scheduleDigest(here, alice, { cron: "0 9 * * *" });
    await port().pause(here, alice, id);
    await h.time.advanceTo("2025-07-19T12:00:00Z"); // two 09:00 slots pass while paused
    await port().resume(here, alice, id);
    await h.settle();
    expect(h.discord.to("100")).toHaveLength(0);
    await h.time.advanceTo("2025-07-20T09:00:00Z");
    expect(h.discord.to("100").map((s) => s.at)).toEqual(["2025-07-20T09:00:00.000Z"]);
  });

  it("GIVEN a disabled channel and an active schedule THEN resume re-enables the channel and records it", async () => {
    const { id } = await post();
    new TargetTable(h.db).disable("discord:100", "Missing Access", NOW);
    expect((await port().overview(here)).disabled).toEqual({ since: at(NOW), reason: "Missing Access" });
    const result = await port().resume(here, alice, id);
    expect(result).toMatchObject({ targetEnabled: true, schedule: { id, state: "active" } });
    expect(last()).toMatchObject({ action: "target.enabled", detail: { id } });
    expect((await port().overview(here)).disabled).toBeNull();
  });
});

describe("subscriptions and settings", () => {
  it("GIVEN subscribe twice and unsubscribe twice THEN one audit row each way, trimmed topics", async () => {
    expect(await port().subscribe(here, alice, "  Bitcoin ")).toEqual({
      added: true,
      topic: "Bitcoin",
      known: true,
      filter: null,
    });
    expect(await port().subscribe(here, alice, "bitcoin")).toMatchObject({ added: false });
    expect(await port().subscribe(here, alice, "tidal")).toMatchObject({ added: true, known: false });
    expect(await port().unsubscribe(here, alice, " BITCOIN ")).toEqual({
      removed: true,
      topic: "BITCOIN",
      following: ["tidal"],
    });
    expect(await port().unsubscribe(here, alice, "bitcoin")).toMatchObject({ removed: false });
    expect(audit().map((a) => [a.action, a.detail])).toEqual([
      ["subscribe", { topic: "Bitcoin" }],
      ["subscribe", { topic: "tidal" }],
      ["unsubscribe", { topic: "BITCOIN" }],
    ]);
    for (const topic of ["###", "y".repeat(65)])
      expect((await refusal(() => port().subscribe(here, alice, topic))).code).toBe("subscribe.badTopic");
  });

  it("GIVEN a time zone THEN its canonical name is kept and the change audited from the old one; a bad one is quoted trimmed", async () => {
    expect(await port().setTimeZone(here, alice, "europe/paris")).toBe("Europe/Paris");
    expect(last()).toMatchObject({
      action: "settings.timezone",
      detail: { from: "UTC", to: "Europe/Paris" },
    });
    expect(await port().timeZoneOf(here)).toBe("Europe/Paris");
    expect(await refusal(() => port().setTimeZone(here, alice, `  Mars/${"o".repeat(100)}  `))).toEqual({
      code: "settings.badTimeZone",
      params: { zone: `Mars/${"o".repeat(59)}` },
    });
  });

  it("GIVEN a language THEN the channel's locale, audited, and the overview shows it; none set THEN the default", async () => {
    expect((await port().overview(here)).locale).toBe("en");
    expect((await h.store.channelSettings("discord:100")).locale).toBeNull();
    await port().setLanguage(here, alice, "fr");
    expect((await h.store.channelSettings("discord:100")).locale).toBe("fr");
    expect((await port().overview(here)).locale).toBe("fr");
    expect(last()).toMatchObject({ action: "settings.language", detail: { from: null, to: "fr" } });
  });

  it("GIVEN a configured target THEN the overview shows the configured digest; another channel THEN nothing configured", async () => {
    await h.scheduler.stop();
    h.scheduler = h.another({
      config: {
        digestCron: "0 9 * * *",
        timeZone: "UTC",
        targets: ["discord:100"],
        catchUp: "latest",
        defaultLocale: "en",
      },
    });
    expect((await port().overview(here)).configured).toEqual({ digestCron: "0 9 * * *", timeZone: "UTC" });
    expect((await port().overview({ platform: "discord", id: "200" })).configured).toBeNull();
  });
});
