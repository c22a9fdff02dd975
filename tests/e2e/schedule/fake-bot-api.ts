/**
 * Just enough of the Telegram Bot API for the scheduler's crash tests: getMe, setMyCommands,
 * deleteWebhook, a long-polling getUpdates that never has updates, and a sendMessage the test can
 * hold. A message counts as posted the moment its request arrives, as on Telegram, where the
 * answer can be lost after the chat already shows it: that is the window these tests aim at.
 * 127.0.0.1 only; any token is accepted.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { waitFor } from "../../helpers/wait-for.js";

export interface Posted {
  chatId: string;
  text: string;
  messageId: number;
}

/** What to do with one sendMessage: answer now, or hold the answer until `release` resolves. */
export type Hold = (posted: Posted) => Promise<void> | null;

export async function fakeBotApi() {
  const posted: Posted[] = [];
  const polls = new Set<ServerResponse>();
  let hold: Hold = () => null;
  let nextId = 1;

  const answer = (res: ServerResponse, result: unknown) => {
    if (res.destroyed) return;
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ ok: true, result }));
  };

  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const method = req.url?.split("/").pop() ?? "";
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body =
      chunks.length > 0
        ? (JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown>)
        : {};
    switch (method) {
      case "getMe":
        return answer(res, { id: 42, is_bot: true, first_name: "Newsdesk", username: "newsdesk_test_bot" });
      case "getUpdates": {
        // Long polling: nothing ever comes; answered empty when the bot gives up or we close.
        polls.add(res);
        const timer = setTimeout(() => answer(res, []), Number(body.timeout ?? 0) * 1000);
        res.on("close", () => {
          clearTimeout(timer);
          polls.delete(res);
        });
        return;
      }
      case "sendMessage": {
        const message: Posted = {
          chatId: String(body.chat_id),
          text: String(body.text),
          messageId: nextId++,
        };
        posted.push(message);
        await hold(message);
        return answer(res, {
          message_id: message.messageId,
          date: Math.floor(Date.now() / 1000),
          chat: { id: Number(body.chat_id), type: "supergroup", title: "news" },
          text: message.text,
        });
      }
      default:
        return answer(res, true);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    posted,
    /** Decides, per message, whether its answer is held (the platform has posted it already). */
    holdWith(fn: Hold) {
      hold = fn;
    },
    /** Messages to a chat whose text contains `needle`. */
    copies(chatId: string, needle: string): Posted[] {
      return posted.filter((p) => p.chatId === chatId && p.text.includes(needle));
    },
    waitForPost(chatId: string, needle: string, timeoutMs?: number): Promise<Posted> {
      return waitFor(() => posted.find((p) => p.chatId === chatId && p.text.includes(needle)), {
        what: `a post to ${chatId} containing ${JSON.stringify(needle)}`,
        timeoutMs,
      });
    },
    async close() {
      for (const res of polls) answer(res, []);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
