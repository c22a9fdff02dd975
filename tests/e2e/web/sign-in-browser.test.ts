import { beforeEach, describe, expect, it } from "vitest";
import { inspect, seriousViolations, useBrowser } from "./browser.js";
import { useDiscordSignIn } from "./discord-oauth-fixture.js";
import { type WebFixture, widgetQuery } from "./web-fixture.js";

/** Discord OAuth2 and the Telegram widget's answer, in Chromium. */
const { open } = useBrowser();
const discord = useDiscordSignIn();
const oauth = discord.oauth;
let fixture: WebFixture;
beforeEach(() => {
  fixture = discord.fixture();
});

describe("GIVEN a Discord moderator in Chromium", () => {
  it("THEN the button goes through Discord's authorize page and back, signed in with their server", async () => {
    const { page, cspRefusals } = await open();
    await page.goto(`${fixture.url}/sign-in`);
    await page.getByRole("link", { name: "Sign in with Discord" }).click();
    await page.waitForURL(`${fixture.url}/`);
    await expect(page.locator(".who").textContent()).resolves.toBe("Signed in as Mod A");
    await expect(page.getByText("Discord moderator of 1 server(s).").count()).resolves.toBe(1);
    expect(await inspect(page, "overview-discord")).toEqual([]);
    expect(oauth.refusals).toEqual([]);
    expect(cspRefusals).toEqual([]);
  });
});

describe("GIVEN the Telegram widget's answer in Chromium", () => {
  it("THEN a signed one signs in; a wrong hash or an old auth_date shows the refusal", async () => {
    const { page } = await open();
    const seconds = Math.floor(fixture.clock.time / 1000);
    const wrong = widgetQuery({ id: "777000111", first_name: "Ada", auth_date: String(seconds) });
    wrong.set("hash", "f".repeat(64));
    await page.goto(`${fixture.url}/sign-in/telegram?${wrong}`);
    await expect(page.getByRole("alert").textContent()).resolves.toContain("could not be verified");
    expect(await inspect(page, "telegram-refused")).toEqual([]);

    const old = widgetQuery({ id: "777000111", first_name: "Ada", auth_date: String(seconds - 86_401) });
    await page.goto(`${fixture.url}/sign-in/telegram?${old}`);
    await expect(page.getByRole("alert").textContent()).resolves.toContain("more than a day old");
    await page.goto(`${fixture.url}/`);
    expect(page.url()).toBe(`${fixture.url}/sign-in`);

    const good = widgetQuery({ id: "777000111", first_name: "Ada", auth_date: String(seconds) });
    await page.goto(`${fixture.url}/sign-in/telegram?${good}`);
    expect(page.url()).toBe(`${fixture.url}/`);
    await expect(page.getByText("Telegram admin").count()).resolves.toBe(1);
    expect(await inspect(page, "overview-telegram")).toEqual([]);
  });
});

describe("GIVEN the harness's accessibility check", () => {
  it("THEN it finds a planted violation, so an empty list on a page means something", async () => {
    const { page } = await open();
    await page.setContent(
      '<html lang="en"><title>t</title><main><button></button><img src="x.png"></main></html>',
    );
    const found = (await seriousViolations(page)).map((v) => v.id).sort();
    expect(found).toEqual(["button-name", "image-alt"]);
  });
});
