/**
 * Starts the Telegram emulator (telegram-test-api + the wrapper the e2e tests use) so a person can
 * try the bot by hand:
 *
 *   npx tsx tests/e2e/telegram/run-emulator.ts 9001
 *   TELEGRAM_BOT_TOKEN=123456:TEST TELEGRAM_API_ROOT=http://127.0.0.1:9001 npm start
 *   curl -s localhost:9001/sendCommand -H 'content-type: application/json' \
 *     -d '{"botToken":"123456:TEST","text":"/news bitcoin","entities":[{"type":"bot_command","offset":0,"length":5}],
 *          "from":{"id":1,"first_name":"Ada","is_bot":false},"chat":{"id":1,"type":"private"},"date":0}'
 *   curl -s localhost:9001/getUpdatesHistory -H 'content-type: application/json' -d '{"token":"123456:TEST"}'
 *
 * With `--demo`, it also sends "/news bitcoin" as user 1 after a few seconds and prints what the bot
 * answers. Without a port argument it picks a free one. Prints the port; Ctrl-C stops it.
 */
import { Emulator } from "./emulator.js";

const args = process.argv.slice(2);
const demo = args.includes("--demo");
const portArg = args.find((a) => /^\d+$/.test(a));
const token = process.env.TELEGRAM_BOT_TOKEN ?? "123456:TEST";

const emulator = await Emulator.start(portArg ? Number(portArg) : undefined);
process.stdout.write(`${emulator.port}\n`);
process.stderr.write(
  `Telegram emulator on ${emulator.apiRoot}\n` +
    `  TELEGRAM_BOT_TOKEN=${token} TELEGRAM_API_ROOT=${emulator.apiRoot} npm start\n`,
);

if (demo) {
  const user = emulator.user(token, { userId: 1 });
  const seen = new Set<number>();
  setInterval(() => {
    for (const message of emulator.botMessages(token, user.chatId)) {
      if (seen.has(message.messageId)) continue;
      seen.add(message.messageId);
      process.stderr.write(`\n--- bot -> chat ${message.chatId} ---\n${message.text}\n`);
    }
  }, 250).unref();
  const send = async () => {
    if (emulator.callsTo("getUpdates", token).length === 0) return void setTimeout(send, 500);
    process.stderr.write("sending /news bitcoin as user 1\n");
    await user.client.sendCommand(user.client.makeCommand("/news bitcoin"));
  };
  setTimeout(send, 500);
}

const shutdown = () => {
  void emulator.stop().finally(() => process.exit(0));
};
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
