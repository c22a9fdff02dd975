import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { TELEGRAM_CHAT } from "../../unit/web/fake-services.js";
import { cookieOf, get, startWebFixture, type WebFixture, widgetQuery } from "./web-fixture.js";

/** HTTP-level Telegram Login Widget sign-in, and chats checked with getChatMember when opened. */
let fixture: WebFixture;
beforeEach(async () => {
  fixture = await startWebFixture();
});
afterEach(async () => {
  await fixture.dashboard.close();
});

const ADMIN = "777000111";
const now = () => String(Math.floor(fixture.clock.time / 1000));

describe("GIVEN the widget's answer", () => {
  it("THEN a correctly signed, fresh one signs in; the chat opens only for its admin", async () => {
    const admin = await get(
      fixture,
      `/sign-in/telegram?${widgetQuery({ id: ADMIN, first_name: "Ada", username: "ada", auth_date: now() })}`,
    );
    expect(admin.status).toBe(303);
    const cookie = cookieOf(admin, "nd_session") ?? "";
    expect((await get(fixture, `/settings?target=telegram:${TELEGRAM_CHAT}`, cookie)).status).toBe(200);
    expect((await get(fixture, "/settings?target=telegram:-100999", cookie)).status).toBe(403);

    const other = await get(
      fixture,
      `/sign-in/telegram?${widgetQuery({ id: "42", first_name: "Bob", auth_date: now() })}`,
    );
    const otherCookie = cookieOf(other, "nd_session") ?? "";
    expect((await get(fixture, `/settings?target=telegram:${TELEGRAM_CHAT}`, otherCookie)).status).toBe(403);
  });

  it("THEN a wrong hash, a changed field or another bot's signature is refused", async () => {
    const wrong = widgetQuery({ id: ADMIN, first_name: "Ada", auth_date: now() });
    wrong.set("hash", "0".repeat(64));
    const changed = widgetQuery({ id: "42", first_name: "Ada", auth_date: now() });
    changed.set("id", ADMIN);
    const otherBot = widgetQuery({ id: ADMIN, first_name: "Ada", auth_date: now() }, "999:other-bot");
    for (const query of [wrong, changed, otherBot]) {
      const response = await get(fixture, `/sign-in/telegram?${query}`);
      expect(response.status).toBe(403);
      expect(cookieOf(response, "nd_session")).toBeUndefined();
    }
    expect(fixture.logs.find(/wrong hash/)).toBeTruthy();
  });

  it("THEN one older than a day is refused, one just under a day is accepted", async () => {
    const day = 24 * 3600;
    const at = (age: number) => String(Math.floor(fixture.clock.time / 1000) - age);
    const old = await get(
      fixture,
      `/sign-in/telegram?${widgetQuery({ id: ADMIN, first_name: "Ada", auth_date: at(day + 1) })}`,
    );
    expect(old.status).toBe(403);
    expect(await old.text()).toContain("more than a day old");
    const fresh = await get(
      fixture,
      `/sign-in/telegram?${widgetQuery({ id: ADMIN, first_name: "Ada", auth_date: at(day - 60) })}`,
    );
    expect(fresh.status).toBe(303);
  });
});
