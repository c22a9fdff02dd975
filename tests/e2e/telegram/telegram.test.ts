/**
 * The Telegram end-to-end suite: the real telegraf and the real core over HTTP against the
 * telegram-test-api emulator. The suites live in *.suite.ts and are loaded here, in one test file,
 * so the core is imported once (vitest runs one file per worker, and a 2-core machine gets one
 * worker): that keeps the whole suite well inside its time budget.
 */
import "./telegram-bot.suite.js";
import "./fixture-articles.suite.js";
import "./lifecycle.suite.js";
import "./flood.suite.js";
