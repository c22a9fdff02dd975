import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";
import { GUILD_A, GUILD_B } from "../../unit/web/fake-services.js";
import { DiscordStandIn } from "../discord/stand-in.js";
import { OAuthStandIn } from "../discord/stand-in-oauth.js";
import { startWebFixture, type WebFixture } from "./web-fixture.js";

/** The Discord application the dashboard signs in with, and the users the stand-in knows. */
export const CLIENT = { clientId: "100000000000000001", clientSecret: "stand-in-client-secret" };
/** Manage Server on A, a plain member of B, owner of a server without the bot. */
export const MOD_A = "600000000000000010";
/** Administrator of B. */
export const ADMIN_B = "600000000000000011";
/** A member of A without any right. */
export const MEMBER = "600000000000000012";
const GUILD_WITHOUT_BOT = "200000000000000009";

export const USERS = [
  {
    id: MOD_A,
    username: "moda",
    global_name: "Mod A",
    guilds: [
      { id: GUILD_A, name: "Server A", permissions: String(0x20) },
      { id: GUILD_B, name: "Server B", permissions: String(0x400) },
      { id: GUILD_WITHOUT_BOT, name: "Elsewhere", owner: true, permissions: "0" },
    ],
  },
  {
    id: ADMIN_B,
    username: "adminb",
    global_name: null,
    guilds: [{ id: GUILD_B, name: "Server B", permissions: "8" }],
  },
  {
    id: MEMBER,
    username: "member",
    global_name: "Member",
    guilds: [{ id: GUILD_A, name: "Server A", permissions: "1024" }],
  },
];

/**
 * For a test file: the Discord stand-in with its OAuth2 routes (started once), and before each test
 * a dashboard signing in with it (its callback registered, the stand-in's refusals cleared).
 */
export function useDiscordSignIn(): {
  standIn: () => DiscordStandIn;
  oauth: OAuthStandIn;
  fixture: () => WebFixture;
  restart: (clientSecret: string) => Promise<void>;
} {
  const oauth = new OAuthStandIn({ ...CLIENT, users: USERS });
  let standIn: DiscordStandIn | undefined;
  let fixture: WebFixture | undefined;
  const start = async (clientSecret = CLIENT.clientSecret) => {
    const base = `http://127.0.0.1:${standIn?.port}`;
    fixture = await startWebFixture({ discord: { ...CLIENT, clientSecret, base } });
    oauth.redirectUris.clear();
    oauth.redirectUris.add(`${fixture.url}/sign-in/discord/callback`);
    oauth.refusals.length = 0;
    oauth.userId = MOD_A;
  };
  beforeAll(async () => {
    standIn = await DiscordStandIn.start({ oauth });
  });
  afterAll(async () => {
    await standIn?.close();
  });
  beforeEach(() => start());
  afterEach(async () => {
    await fixture?.dashboard.close();
  });
  const need = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not started`);
    return value;
  };
  return {
    standIn: () => need(standIn, "the stand-in"),
    oauth,
    fixture: () => need(fixture, "the dashboard"),
    /** A dashboard with another client secret, in place of this test's. */
    restart: async (clientSecret) => {
      await fixture?.dashboard.close();
      await start(clientSecret);
    },
  };
}
