import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SEED_ID } from "../../helpers/seed.js";
import { CHANNEL_A, CHANNEL_B } from "../../unit/web/fake-services.js";
import { DiscordStandIn } from "../discord/stand-in.js";
import { OAuthStandIn } from "../discord/stand-in-oauth.js";
import { CLIENT, MOD_A, USERS } from "./discord-oauth-fixture.js";
import { type RealFixture, startRealFixture } from "./real-fixture.js";

/**
 * A Discord moderator of server A, signed in through the stand-in's OAuth2, on the real dashboard:
 * every page and form of server B answers 403 and changes nothing (the database is read after), a
 * schedule id of B's typed into A's form is not found, and their own changes carry their name.
 */
const A = `discord:${CHANNEL_A}`;
const B = `discord:${CHANNEL_B}`;
const oauth = new OAuthStandIn({ ...CLIENT, users: USERS });
let standIn: DiscordStandIn;
let fixture: RealFixture;
beforeAll(async () => {
  standIn = await DiscordStandIn.start({ oauth });
});
afterAll(async () => {
  await standIn.close();
});
beforeEach(async () => {
  fixture = await startRealFixture({
    DISCORD_TOKEN: "stand.in.token",
    DISCORD_API_BASE: `http://127.0.0.1:${standIn.port}/api`,
    DISCORD_CLIENT_ID: CLIENT.clientId,
    DISCORD_CLIENT_SECRET: CLIENT.clientSecret,
  });
  oauth.redirectUris.clear();
  oauth.redirectUris.add(`${fixture.url}/sign-in/discord/callback`);
  oauth.userId = MOD_A;
});
afterEach(async () => {
  await fixture.close();
});

const get = (path: string, cookie = "") =>
  fetch(`${fixture.url}${path}`, { redirect: "manual", headers: cookie ? { cookie } : {} });
const post = (path: string, fields: Record<string, string>, cookie: string) =>
  fetch(`${fixture.url}${path}`, {
    method: "POST",
    redirect: "manual",
    headers: { cookie, origin: fixture.url, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields),
  });
const cookieOf = (response: Response, name: string) =>
  response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0] ?? "")
    .find((c) => c.startsWith(`${name}=`)) ?? "";

async function signInModA(): Promise<string> {
  const start = await get("/sign-in/discord");
  const consent = await fetch(new URL(start.headers.get("location") ?? ""), { redirect: "manual" });
  const callback = new URL(consent.headers.get("location") ?? "");
  const done = await get(callback.pathname + callback.search, cookieOf(start, "nd_oauth_state"));
  expect(done.status).toBe(303);
  return cookieOf(done, "nd_session");
}

describe("GIVEN a moderator of server A on the real dashboard", () => {
  it("THEN B's pages and forms answer 403 and change nothing, while A's work and are recorded under their name", async () => {
    const scheduling = fixture.core.services.scheduling;
    if (!scheduling) throw new Error("no scheduler");
    const operator = { id: "operator", name: "operator" };
    const ofB = await scheduling.schedulePost({ platform: "discord", id: CHANNEL_B }, operator, {
      articleId: SEED_ID,
      when: "in 2 h",
    });
    const auditBefore = await fixture.core.dashboard.reads.auditOf([B], 100);
    const cookie = await signInModA();
    const csrf =
      /name="_csrf" value="([^"]+)"/.exec(await (await get(`/schedules?target=${A}`, cookie)).text())?.[1] ??
      "";

    for (const page of ["/schedules", "/deliveries", "/subscriptions", "/settings", "/audit"]) {
      expect((await get(`${page}?target=${A}`, cookie)).status, `${page} A`).toBe(200);
      expect((await get(`${page}?target=${B}`, cookie)).status, `${page} B`).toBe(403);
      expect((await get(`${page}?target=console`, cookie)).status, `${page} console`).toBe(403);
    }
    expect((await get(`/deliveries?target=${B}&article=${SEED_ID}`, cookie)).status).toBe(403);
    expect((await get("/sources", cookie)).status).toBe(403);
    const chooser = await (await get("/schedules", cookie)).text();
    expect(chooser).toContain("Server A");
    expect(chooser).not.toContain("Server B");

    const forms: [string, Record<string, string>][] = [
      ["/schedules/post", { article: SEED_ID, date: "2099-01-01", time: "09:00" }],
      ["/schedules/digest", { cron: "0 9 * * *", topic: "" }],
      ["/schedules/change", { id: ofB.id, action: "cancel" }],
      ["/subscriptions/add", { topic: "bitcoin" }],
      ["/subscriptions/remove", { topic: "bitcoin" }],
      ["/settings", { timeZone: "Asia/Tokyo", language: "fr" }],
    ];
    for (const [path, fields] of forms) {
      expect((await post(path, { _csrf: csrf, target: B, ...fields }, cookie)).status, path).toBe(403);
    }
    // B's schedule id through A's own form: the service finds no such schedule in A.
    const crossed = await post(
      "/schedules/change",
      { _csrf: csrf, target: A, id: ofB.id, action: "cancel" },
      cookie,
    );
    expect(crossed.status).toBe(400);
    expect(await crossed.text()).toContain(`No schedule “${ofB.id}” here`);

    expect(
      (await scheduling.overview({ platform: "discord", id: CHANNEL_B })).schedules.map((s) => [
        s.id,
        s.state,
      ]),
    ).toEqual([[ofB.id, "active"]]);
    expect(await fixture.core.dashboard.reads.auditOf([B], 100)).toEqual(auditBefore);

    const mine = await post("/subscriptions/add", { _csrf: csrf, target: A, topic: "bitcoin" }, cookie);
    expect(mine.status).toBe(303);
    const [entry] = await fixture.core.dashboard.reads.auditOf([A], 1);
    expect(entry).toMatchObject({
      actorId: `discord:${MOD_A}`,
      actorName: "Mod A",
      action: "subscribe",
      target: A,
    });
  });

  it("THEN the overview lists nothing of B's", async () => {
    const scheduling = fixture.core.services.scheduling;
    await scheduling?.schedulePost(
      { platform: "discord", id: CHANNEL_B },
      { id: "o", name: "o" },
      {
        articleId: SEED_ID,
        when: "in 2 h",
      },
    );
    const page = await (await get("/", await signInModA())).text();
    expect(page).toContain("Nothing is scheduled.");
    expect(page).not.toContain("Server B");
  });
});
