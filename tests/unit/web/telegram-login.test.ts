import { createHash, createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { checkTelegramLogin, telegramCheckString } from "../../../src/web/sign-in/telegram-login.js";

const TOKEN = "123456:AAsecret";
const NOW = Date.parse("2026-03-01T10:00:00Z");
const authDate = (ageS: number) => String(Math.floor(NOW / 1000) - ageS);

/** Signed exactly as Telegram's documentation writes it, independently of the code under test. */
function signed(fields: Record<string, string>): URLSearchParams {
  const checkString = Object.keys(fields)
    .sort()
    .map((k) => `${k}=${fields[k]}`)
    .join("\n");
  const key = createHash("sha256").update(TOKEN).digest();
  const hash = createHmac("sha256", key).update(checkString).digest("hex");
  return new URLSearchParams({ ...fields, hash });
}

describe("GIVEN the Telegram Login Widget's fields", () => {
  it("THEN the data-check-string is every field but hash, sorted, as key=value lines", () => {
    const fields = new Map([
      ["username", "ada"],
      ["hash", "x"],
      ["auth_date", "1"],
      ["id", "7"],
    ]);
    expect(telegramCheckString(fields)).toBe("auth_date=1\nid=7\nusername=ada");
  });

  it("THEN a correct hash signs in with the username, else the full name", () => {
    const withUsername = checkTelegramLogin(
      signed({ id: "7", username: "ada", first_name: "Ada", auth_date: authDate(5) }),
      TOKEN,
      NOW,
    );
    expect(withUsername).toEqual({ ok: true, login: { userId: "7", name: "ada" } });
    const withName = checkTelegramLogin(
      signed({
        id: "7",
        first_name: "Ada",
        last_name: "Lovelace",
        auth_date: authDate(5),
        photo_url: "https://t.me/i/u/a.jpg",
      }),
      TOKEN,
      NOW,
    );
    expect(withName).toEqual({ ok: true, login: { userId: "7", name: "Ada Lovelace" } });
  });

  it("THEN a wrong hash, a changed or added field, or a repeated field is refused", () => {
    const good = signed({ id: "7", first_name: "Ada", auth_date: authDate(5) });
    const wrong = new URLSearchParams(good);
    wrong.set("hash", "a".repeat(64));
    const changed = new URLSearchParams(good);
    changed.set("id", "8");
    const added = new URLSearchParams(good);
    added.set("username", "admin");
    const repeated = new URLSearchParams(good);
    repeated.append("id", "8");
    expect(checkTelegramLogin(wrong, TOKEN, NOW)).toEqual({ ok: false, reason: "wrong hash" });
    expect(checkTelegramLogin(changed, TOKEN, NOW)).toEqual({ ok: false, reason: "wrong hash" });
    expect(checkTelegramLogin(added, TOKEN, NOW)).toEqual({ ok: false, reason: "wrong hash" });
    expect(checkTelegramLogin(repeated, TOKEN, NOW)).toEqual({ ok: false, reason: "repeated field id" });
    expect(checkTelegramLogin(good, "999:another", NOW)).toEqual({ ok: false, reason: "wrong hash" });
    expect(checkTelegramLogin(new URLSearchParams({ id: "7" }), TOKEN, NOW)).toEqual({
      ok: false,
      reason: "no hash",
    });
  });

  it("THEN auth_date may be up to a day old, not more, and not far in the future", () => {
    const at = (age: number) =>
      checkTelegramLogin(signed({ id: "7", auth_date: authDate(age) }), TOKEN, NOW).ok;
    expect(at(24 * 3600)).toBe(true);
    expect(at(24 * 3600 + 1)).toBe(false);
    expect(at(-60)).toBe(true);
    expect(at(-3600)).toBe(false);
    expect(checkTelegramLogin(signed({ id: "7", auth_date: "soon" }), TOKEN, NOW).ok).toBe(false);
  });
});
