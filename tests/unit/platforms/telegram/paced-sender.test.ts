import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Telegram } from "telegraf";
import { afterEach, describe, expect, it, vi } from "vitest";
import { PublishError } from "../../../../src/domain/publisher.js";
import { ActionCodec } from "../../../../src/framework/actions.js";
import { textReply } from "../../../../src/framework/reply.js";
import { SendThrottle } from "../../../../src/framework/send-throttle.js";
import { PACE } from "../../../../src/platforms/telegram/limits.js";
import { PacedSender } from "../../../../src/platforms/telegram/paced-sender.js";
import { makeScrubber, scrubbingLogger } from "../../../../src/platforms/telegram/telegram-errors.js";
import { recordingLogger } from "../../../helpers/recording-logger.js";

const TOKEN = "123456789:AAHsecret-outbox-token_xyz";
const SECRET = "AAHsecret-outbox-token_xyz";

/** A stand-in for a proxy in front of the Bot API: every answer is an HTML page, not JSON. */
async function htmlServer(status: number): Promise<{ apiRoot: string; server: Server; paths: string[] }> {
  const paths: string[] = [];
  const server = createServer((req, res) => {
    paths.push(req.url ?? "");
    req.resume();
    req.on("end", () => {
      res.writeHead(status, { "content-type": "text/html" });
      res.end("<html><body><h1>Access denied by proxy</h1></body></html>");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { apiRoot: `http://127.0.0.1:${port}`, server, paths };
}

// The Telegram PacedSender (src/platforms/telegram/paced-sender.ts) is what every message goes
// through; the scheduler's delivery outbox is tested in tests/unit/schedule/outbox.test.ts.
describe("the Telegram paced sender: what reaches the scheduler when a send fails", () => {
  let server: Server | undefined;

  afterEach(async () => {
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    server = undefined;
  });

  for (const status of [200, 403]) {
    it(`GIVEN an answer that is not JSON (HTTP ${status}) THEN the PublishError message does not hold the token`, async () => {
      const fake = await htmlServer(status);
      server = fake.server;
      const rec = recordingLogger();
      const log = scrubbingLogger(rec.log, TOKEN);
      const scrub = vi.fn(makeScrubber(TOKEN));
      const api = new Telegram(TOKEN, { apiRoot: fake.apiRoot });
      const sender = new PacedSender(api, new SendThrottle(PACE), new ActionCodec(64), log, scrub);

      const error = await sender.send({ chatId: "42" }, textReply("hello")).catch((e: unknown) => e);

      expect(error).toBeInstanceOf(PublishError);
      const message = (error as PublishError).message;
      expect((error as PublishError).kind).toBe("transient");
      expect(message).toMatch(/invalid json/i);
      expect(message).toContain("[token]");
      expect(message).not.toContain(TOKEN);
      expect(message).not.toContain(SECRET);
      // The request did go to /bot<token>/sendMessage, and the raw error said so: it was scrubbed.
      expect(fake.paths.some((p) => p.includes(`/bot${TOKEN}/sendMessage`))).toBe(true);
      expect(scrub.mock.calls.some(([text]) => text.includes(SECRET))).toBe(true);
      expect(rec.text()).not.toContain(SECRET);
    });
  }

  it("GIVEN a chat that is gone THEN the permanent PublishError carries Telegram's reason, scrubbed", async () => {
    const description = `Forbidden: bot was blocked by the user (${TOKEN})`;
    const api = {
      sendMessage: async () => {
        throw Object.assign(new Error(description), {
          code: 403,
          description,
          response: { error_code: 403, description },
        });
      },
    } as unknown as Telegram;
    const sender = new PacedSender(
      api,
      new SendThrottle(PACE),
      new ActionCodec(64),
      recordingLogger().log,
      makeScrubber(TOKEN),
    );

    const error = await sender.send({ chatId: "42" }, textReply("hello")).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(PublishError);
    expect((error as PublishError).kind).toBe("permanent");
    expect((error as PublishError).message).toContain("bot was blocked by the user");
    expect((error as PublishError).message).not.toContain(SECRET);
  });
});
