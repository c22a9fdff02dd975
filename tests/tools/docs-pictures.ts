/**
 * `npm run docs:pictures`: the README's two pictures, drawn from what the real bot sends. The bot
 * answers `/news pakistan` (the seed article) through the Discord stand-in and the Telegram
 * emulator; each recorded answer is drawn in a page styled like that platform's client and
 * screenshotted with Debian's Chromium (never a downloaded browser) into docs/images/.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { CHROMIUM, CHROMIUM_FLAGS } from "../e2e/web/browser.js";
import { ROOT } from "../helpers/seed.js";
import { discordAnswer, PICTURED_QUERY, telegramAnswer } from "./pictures/capture.js";
import { discordPage } from "./pictures/discord-page.js";
import { telegramPage } from "./pictures/telegram-page.js";

const OUT = join(ROOT, "docs", "images");

const pages = {
  "discord-news": discordPage(await discordAnswer(), { user: "Camille", name: "news" }),
  "telegram-news": telegramPage(await telegramAnswer(), `/news ${PICTURED_QUERY}`),
};

mkdirSync(OUT, { recursive: true });
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
try {
  const context = await browser.newContext({ deviceScaleFactor: 2, viewport: { width: 800, height: 600 } });
  // The pages are self-contained: nothing may leave the machine.
  await context.route(/^(?!about:|data:)/, (route) => route.abort());
  const tab = await context.newPage();
  for (const [name, html] of Object.entries(pages)) {
    await tab.setContent(html);
    const file = join(OUT, `${name}.png`);
    await tab.locator("#shot").screenshot({ path: file });
    if (process.argv.includes("--html")) writeFileSync(join(OUT, `${name}.html`), html);
    process.stdout.write(`wrote ${file}\n`);
  }
} finally {
  await browser.close();
}
