import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { escapeHtml } from "../../../src/web/html.js";
import { CHANNEL_A } from "../../unit/web/fake-services.js";
import { inspect, useBrowser } from "./browser.js";
import { startWebFixture, type WebFixture } from "./web-fixture.js";

/**
 * The dashboard in a real Chromium: the operator link, redirects to sign-in, forms refused from
 * another origin or without their token, sign-out, the language switch. Each page is checked with
 * axe-core and kept as a screenshot in tests/artifacts/web.
 */
const { open } = useBrowser();
let fixture: WebFixture;
beforeEach(async () => {
  fixture = await startWebFixture();
});
afterEach(async () => {
  await fixture.dashboard.close();
});

async function signInWithLink(page: import("playwright-core").Page, link: string): Promise<void> {
  await page.goto(link);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(`${fixture.url}/`);
}

describe("GIVEN an operator in Chromium", () => {
  it("THEN a page without signing in goes to sign-in, and the operator link signs in once", async () => {
    const { page, cspRefusals, blocked } = await open();
    await page.goto(`${fixture.url}/settings`);
    expect(page.url()).toBe(`${fixture.url}/sign-in`);
    expect(await inspect(page, "sign-in")).toEqual([]);
    // The Telegram widget would load from telegram.org: the harness keeps the test on this machine.
    expect(blocked.every((url) => url.startsWith("https://telegram.org/"))).toBe(true);

    const link = await fixture.dashboard.createOperatorLink();
    await page.goto(link);
    expect(await inspect(page, "sign-in-link")).toEqual([]);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${fixture.url}/`);
    await expect(page.getByTestId("article-count").textContent()).resolves.toBe("42 articles in the library");
    expect(await inspect(page, "overview")).toEqual([]);

    const other = await open();
    await other.page.goto(link);
    await other.page.getByRole("button", { name: "Sign in" }).click();
    await expect(other.page.getByRole("alert").textContent()).resolves.toContain("not valid");
    expect(await inspect(other.page, "sign-in-link-used")).toEqual([]);
    expect(cspRefusals).toEqual([]);
  });

  it("THEN settings are changed through the form, and the change is the operator's", async () => {
    const { page, cspRefusals } = await open();
    await signInWithLink(page, await fixture.dashboard.createOperatorLink());
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
    expect(await inspect(page, "settings")).toEqual([]);
    await page.getByRole("link", { name: "#news on Server A" }).click();
    await page.getByLabel("Time zone").fill("Europe/Paris");
    await page.getByLabel("Language of posts").selectOption("fr");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("status").textContent()).resolves.toBe("Saved.");
    expect(await inspect(page, "settings-channel")).toEqual([]);
    expect(fixture.services.changes).toEqual([
      {
        target: `discord:${CHANNEL_A}`,
        actor: { id: "operator", name: "operator", language: "en" },
        change: { timeZone: "Europe/Paris", language: "fr" },
      },
    ]);
    expect(cspRefusals).toEqual([]);
  });

  it("THEN a form without its CSRF token is refused and changes nothing", async () => {
    const { page } = await open();
    await signInWithLink(page, await fixture.dashboard.createOperatorLink());
    await page.goto(`${fixture.url}/settings?target=discord:${CHANNEL_A}`);
    await page.locator('form[action="/settings"] input[name="_csrf"]').evaluate((input) => input.remove());
    await page.getByLabel("Time zone").fill("Asia/Tokyo");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("alert").textContent()).resolves.toContain("This form was refused");
    expect(await inspect(page, "refused-form")).toEqual([]);
    expect(fixture.services.changes).toEqual([]);
  });

  it("THEN signing out ends the session", async () => {
    const { page } = await open();
    await signInWithLink(page, await fixture.dashboard.createOperatorLink());
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(`${fixture.url}/sign-in`);
    await page.goto(`${fixture.url}/`);
    expect(page.url()).toBe(`${fixture.url}/sign-in`);
  });

  it("THEN the language follows the browser, and the switch changes it and keeps it", async () => {
    const french = await open({ locale: "fr-FR" });
    await french.page.goto(`${fixture.url}/sign-in`);
    await expect(french.page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(
      "Se connecter à Newsdesk",
    );
    expect(await inspect(french.page, "sign-in-fr")).toEqual([]);

    const { page } = await open();
    await signInWithLink(page, await fixture.dashboard.createOperatorLink());
    await page.getByRole("link", { name: "Français" }).click();
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Vue d'ensemble");
    expect(await page.locator("html").getAttribute("lang")).toBe("fr");
    expect(page.url()).toBe(`${fixture.url}/`);
    await page.getByRole("link", { name: "Réglages" }).click();
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Réglages");
    expect(await inspect(page, "settings-fr")).toEqual([]);
    // Switching keeps the page's query: the channel being set stays open.
    await page.getByRole("link", { name: "#news on Server A" }).click();
    await page.getByRole("link", { name: "English" }).click();
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Settings");
    await expect(page.getByRole("heading", { level: 2 }).textContent()).resolves.toBe("#news on Server A");
    expect(page.url()).toBe(`${fixture.url}/settings?target=discord%3A${CHANNEL_A}`);
  });
});

describe("GIVEN a page on another origin that posts to the dashboard", () => {
  let evil: Server;
  let evilUrl: string;
  let formHtml = "";
  beforeAll(async () => {
    evil = createServer((_req, res) => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(formHtml);
    });
    await new Promise<void>((resolve) => evil.listen(0, "127.0.0.1", resolve));
    evilUrl = `http://127.0.0.1:${(evil.address() as AddressInfo).port}/`;
  });
  afterAll(async () => {
    await new Promise((resolve) => evil.close(resolve));
  });

  it("THEN the POST is refused on its Origin, even carrying a valid CSRF token, and changes nothing", async () => {
    const { page } = await open();
    await signInWithLink(page, await fixture.dashboard.createOperatorLink());
    // The worst case: the other page knows the session's token. Only the Origin check stands.
    const csrf = (await page.locator('input[name="_csrf"]').first().getAttribute("value")) ?? "";
    const field = (name: string, value: string) =>
      `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`;
    formHtml = `<!doctype html><html lang="en"><title>elsewhere</title><form method="post" action="${fixture.url}/settings">${field("_csrf", csrf)}${field("target", `discord:${CHANNEL_A}`)}${field("timeZone", "Asia/Tokyo")}${field("language", "fr")}<button>Win a prize</button></form></html>`;
    await page.goto(evilUrl);
    await page.getByRole("button", { name: "Win a prize" }).click();
    await page.waitForURL(`${fixture.url}/settings`);
    await expect(page.getByRole("alert").textContent()).resolves.toContain(
      "did not come from this dashboard",
    );
    expect(fixture.services.changes).toEqual([]);
    expect(fixture.logs.find(/POST refused \(origin\)/)).toBeTruthy();
  });
});
