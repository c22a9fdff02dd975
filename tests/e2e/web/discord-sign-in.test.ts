import { beforeEach, describe, expect, it } from "vitest";
import { CHANNEL_A, CHANNEL_B, GUILD_A } from "../../unit/web/fake-services.js";
import { ADMIN_B, MEMBER, MOD_A, useDiscordSignIn } from "./discord-oauth-fixture.js";
import { cookieOf, csrfOf, get, postForm, type WebFixture } from "./web-fixture.js";

/** HTTP-level Discord sign-in against the stand-in's OAuth2 endpoints, and what a moderator may reach. */
const discord = useDiscordSignIn();
const oauth = discord.oauth;
let fixture: WebFixture;
beforeEach(() => {
  fixture = discord.fixture();
});

/** Follows the flow as a browser would: start, consent at the stand-in, callback with the state cookie. */
async function signInAs(userId: string, tamper?: (callback: URL) => void): Promise<Response> {
  oauth.userId = userId;
  const start = await get(fixture, "/sign-in/discord");
  expect(start.status).toBe(303);
  const stateCookie = cookieOf(start, "nd_oauth_state") ?? "";
  const authorize = new URL(start.headers.get("location") ?? "");
  expect(authorize.searchParams.get("scope")).toBe("identify guilds");
  const consent = await fetch(authorize, { redirect: "manual" });
  expect(consent.status).toBe(302);
  const callback = new URL(consent.headers.get("location") ?? "");
  tamper?.(callback);
  return get(fixture, callback.pathname + callback.search, stateCookie);
}

describe("GIVEN a moderator with Manage Server on server A (and only a member of B)", () => {
  it("THEN they sign in and reach A's channel, and get 403 for B's page and form, which stays unchanged", async () => {
    const signedIn = await signInAs(MOD_A);
    expect(signedIn.status).toBe(303);
    const cookie = cookieOf(signedIn, "nd_session") ?? "";
    expect(cookie).not.toBe("");
    expect(oauth.refusals).toEqual([]);

    const list = await (await get(fixture, "/settings", cookie)).text();
    expect(list).toContain("Server A");
    expect(list).not.toContain("Server B");
    expect((await get(fixture, `/settings?target=discord:${CHANNEL_A}`, cookie)).status).toBe(200);
    expect((await get(fixture, `/settings?target=discord:${CHANNEL_B}`, cookie)).status).toBe(403);
    expect((await get(fixture, "/settings?target=console", cookie)).status).toBe(403);

    const csrf = await csrfOf(fixture, `/settings?target=discord:${CHANNEL_A}`, cookie);
    const form = (target: string) => ({ _csrf: csrf, target, timeZone: "Europe/Paris", language: "fr" });
    expect((await postForm(fixture, "/settings", form(`discord:${CHANNEL_B}`), { cookie })).status).toBe(403);
    expect(fixture.services.changes).toEqual([]);
    expect((await postForm(fixture, "/settings", form(`discord:${CHANNEL_A}`), { cookie })).status).toBe(303);
    expect(fixture.services.changes.map((c) => [c.target, c.actor.id])).toEqual([
      [`discord:${CHANNEL_A}`, `discord:${MOD_A}`],
    ]);
  });

  it("THEN their rights on A end when the bot leaves A", async () => {
    const cookie = cookieOf(await signInAs(MOD_A), "nd_session") ?? "";
    fixture.botGuilds.delete(GUILD_A);
    fixture.clock.advance(61_000); // past the authorizer's one-minute memory
    expect((await get(fixture, `/settings?target=discord:${CHANNEL_A}`, cookie)).status).toBe(403);
  });
});

describe("GIVEN other Discord users", () => {
  it("THEN an Administrator of B reaches B and not A", async () => {
    const cookie = cookieOf(await signInAs(ADMIN_B), "nd_session") ?? "";
    expect((await get(fixture, `/settings?target=discord:${CHANNEL_B}`, cookie)).status).toBe(200);
    expect((await get(fixture, `/settings?target=discord:${CHANNEL_A}`, cookie)).status).toBe(403);
  });

  it("THEN a plain member is refused sign-in: they manage no server where the bot is", async () => {
    const response = await signInAs(MEMBER);
    expect(response.status).toBe(403);
    expect(await response.text()).toContain("You manage no server where Newsdesk is");
    expect(cookieOf(response, "nd_session")).toBeUndefined();
  });
});

describe("GIVEN a tampered or replayed callback", () => {
  it("THEN a state that is not this browser's is refused before any code is exchanged", async () => {
    const calls = oauth.calls.length;
    const response = await signInAs(MOD_A, (callback) => callback.searchParams.set("state", "forged"));
    expect(response.status).toBe(403);
    expect(oauth.calls.slice(calls).map((c) => c.path)).toEqual(["/oauth2/authorize"]);
  });

  it("THEN a callback without the state cookie is refused", async () => {
    oauth.userId = MOD_A;
    const start = await get(fixture, "/sign-in/discord");
    const consent = await fetch(start.headers.get("location") ?? "", { redirect: "manual" });
    const callback = new URL(consent.headers.get("location") ?? "");
    expect((await get(fixture, callback.pathname + callback.search)).status).toBe(403);
  });

  it("THEN a user who denies consent is told so, and a used code does not sign in twice", async () => {
    oauth.denyNext = true;
    expect((await signInAs(MOD_A)).status).toBe(403);
    let replay: URL | undefined;
    const first = await signInAs(MOD_A, (callback) => {
      replay = new URL(callback);
    });
    expect(first.status).toBe(303);
    const start = await get(fixture, "/sign-in/discord");
    const stateCookie = cookieOf(start, "nd_oauth_state") ?? "";
    const state = new URL(start.headers.get("location") ?? "").searchParams.get("state") ?? "";
    replay?.searchParams.set("state", state);
    const again = await get(fixture, `${replay?.pathname}${replay?.search}`, stateCookie);
    expect(again.status).toBe(502);
    expect(oauth.refusals.map((r) => r.reason)).toEqual(["unknown or used code"]);
  });

  it("THEN a wrong client secret fails the sign-in and the stand-in says why", async () => {
    await discord.restart("wrong");
    fixture = discord.fixture();
    expect((await signInAs(MOD_A)).status).toBe(502);
    expect(oauth.refusals.map((r) => r.reason)).toEqual(["wrong client id or secret"]);
  });
});
