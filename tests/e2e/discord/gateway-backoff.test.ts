import { setImmediate as nextTurn } from "node:timers/promises";
import { afterEach, describe, expect, it } from "vitest";
import type { Platform } from "../../../src/framework/platform.js";
import type { ReconnectClock } from "../../../src/platforms/discord/reconnect-backoff.js";
import { recordingLogger } from "../../helpers/recording-logger.js";
import { REAL_CONTENT } from "../../helpers/seed.js";
import { waitFor } from "../../helpers/wait-for.js";
import { ask, expectNoViolations, openCore, startBot, TOKEN } from "./harness.js";
import { DiscordStandIn, type GatewayMode } from "./stand-in.js";

/** @discordjs/ws waits this long (real time) before each reconnect, whatever the back-off says. */
const LIBRARY_WAIT_MS = 500;
/** How long the independent server's gateway was down when the bot made 143 attempts. */
const OUTAGE_MS = 70_000;

/**
 * The back-off's waits run on a fake clock that moves by exactly what each wait asked for, so the
 * test counts connection attempts over a fake 70 s outage (plus the library's real 500 ms per
 * attempt) in a few seconds: no timing is asserted, only the count.
 */
function fakeClock() {
  let now = 0;
  const waits: number[] = [];
  const clock: ReconnectClock = {
    now: () => now,
    async sleep(ms) {
      waits.push(ms);
      now += ms;
      await nextTurn();
    },
  };
  return { clock, waits, pass: (ms: number) => (now += ms) };
}

describe("GIVEN a running bot whose gateway goes down", () => {
  let standIn: DiscordStandIn | undefined;
  let bot: Platform | undefined;
  let core: Awaited<ReturnType<typeof openCore>> | undefined;

  afterEach(async () => {
    await bot?.stop();
    await core?.close();
    await standIn?.close();
  });

  for (const mode of ["refuse", "close"] as GatewayMode[]) {
    it(`WHEN new connections are ${mode === "refuse" ? "refused" : "closed after HELLO"} for 70 s THEN it backs off (a handful of attempts, not 140), logs a few lines, and answers once the gateway is back`, async () => {
      standIn = await DiscordStandIn.start({ token: TOKEN });
      const logs = recordingLogger();
      const fake = fakeClock();
      core = await openCore(REAL_CONTENT, logs.log);
      bot = await startBot({
        standIn,
        commands: core.commands,
        services: core.services,
        log: logs.log,
        reconnect: { clock: fake.clock, random: () => 0 },
      });
      fake.pass(60 * 60_000); // the session has been up an hour: the first reconnect goes at once

      const before = standIn.connectionAttempts;
      const attempts = () => (standIn as DiscordStandIn).connectionAttempts - before;
      const elapsed = () => fake.waits.reduce((a, b) => a + b, 0) + LIBRARY_WAIT_MS * attempts();
      standIn.setGateway(mode);
      standIn.dropConnection();
      // Bounded either way: at a fixed 500 ms the 20th attempt comes after 10 s of real time.
      await waitFor(() => elapsed() >= OUTAGE_MS || attempts() >= 20, { what: "70 fake seconds of outage" });
      expect(attempts()).toBeLessThanOrEqual(10);
      expect(fake.waits.length).toBeGreaterThanOrEqual(5);
      expect(fake.waits).toEqual([...fake.waits].sort((a, b) => a - b));

      standIn.setGateway("up");
      await waitFor(() => standIn?.ready, { what: "the bot back on the gateway" });
      const { answer } = await ask(standIn, { kind: "command", name: "help" });
      expect(answer.embeds.length + answer.content.length).toBeGreaterThan(0);

      // One warning, then an info line at attempts 2, 4, 8: a long outage leaves a handful of lines.
      expect(logs.lines.filter((l) => l.level === "warn").map((l) => l.msg)).toEqual([
        "discord gateway lost; reconnecting",
      ]);
      const infos = logs.lines.filter((l) => l.msg === "discord gateway still unreachable; backing off");
      expect(
        infos.filter((l) => l.level === "info").map((l) => (l.obj as { attempt: number }).attempt),
      ).toEqual([2, 4, 8].filter((n) => n <= attempts()));
      await logs.waitForLine(/discord gateway connected again|discord gateway resumed/);
      expectNoViolations(standIn);
    });
  }
});
