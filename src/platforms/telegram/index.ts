/** The Telegram adapter: the only part of Newsdesk that imports telegraf. */
export { createTelegramPlatform, type TelegramPlatformOptions } from "./telegram-platform.js";
