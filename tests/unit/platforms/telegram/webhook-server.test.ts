import { request } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { WebhookServer } from "../../../../src/platforms/telegram/webhook-server.js";
import { recordingLogger } from "../../../helpers/recording-logger.js";
import { waitFor } from "../../../helpers/wait-for.js";

const SECRET = "s3cret_webhook-token";
const PATH = "/telegram/hook";

let server: WebhookServer | null = null;

afterEach(async () => {
  await server?.close();
  server = null;
});

async function start(options: { maxConcurrent?: number } = {}) {
  const updates: number[] = [];
  const recorder = recordingLogger();
  server = new WebhookServer({
    path: PATH,
    secret: SECRET,
    port: 0,
    host: "127.0.0.1",
    onUpdate: (update) => void updates.push(update.update_id),
    log: recorder.log,
    ...options,
  });
  const port = await server.listen();
  return { url: `http://127.0.0.1:${port}${PATH}`, port, updates, recorder };
}

const post = (url: string, body: string | Uint8Array) =>
  fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET },
    body,
  });

/** A POST whose headers are sent and whose body never ends: a request the server is still reading. */
function openRequest(port: number) {
  const status = new Promise<number>((resolve, reject) => {
    const req = request(
      {
        host: "127.0.0.1",
        port,
        path: PATH,
        method: "POST",
        headers: { "x-telegram-bot-api-secret-token": SECRET, "content-type": "application/json" },
      },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on("error", reject);
    req.write('{"update_id": ');
    held.push(req);
  });
  return status;
}
const held: ReturnType<typeof request>[] = [];
afterEach(() => {
  for (const req of held.splice(0)) req.destroy();
});

describe("WebhookServer limits", () => {
  it("GIVEN a body over 1 MB THEN it answers 413 (the client reads it: no reset connection)", async () => {
    const { url, updates } = await start();
    const big = JSON.stringify({ update_id: 7, padding: "x".repeat(2_000_000) });
    const response = await post(url, big);
    expect(response.status).toBe(413);
    expect(updates).toEqual([]);
    // The server is still fine afterwards.
    expect((await post(url, JSON.stringify({ update_id: 8 }))).status).toBe(200);
    expect(updates).toEqual([8]);
  });

  it("GIVEN a body over 1 MB sent without a length (chunked) THEN it answers 413 too", async () => {
    const { url } = await start();
    const chunk = new TextEncoder().encode("x".repeat(64_000));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 40) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const response = await fetch(url, {
      method: "POST",
      headers: { "x-telegram-bot-api-secret-token": SECRET },
      body,
      duplex: "half",
    } as RequestInit);
    expect(response.status).toBe(413);
  });

  it("GIVEN as many requests being read as the cap THEN the next one gets 503 with Retry-After, and later ones pass again", async () => {
    const { url, port, updates, recorder } = await start({ maxConcurrent: 2 });
    const first = openRequest(port);
    const second = openRequest(port);
    // Both are inside the server (reading their bodies) before the third arrives.
    await waitFor(
      async () => {
        const probe = await post(url, JSON.stringify({ update_id: 1 }));
        return probe.status === 503 ? probe : undefined;
      },
      { what: "a 503 once two requests are being read", timeoutMs: 5_000 },
    ).then((response) => {
      expect(response.headers.get("retry-after")).toBe("1");
    });
    expect(recorder.find(/webhook busy/)).toBeDefined();
    for (const req of held.splice(0)) req.end("2}");
    expect(await first).toBe(200);
    expect(await second).toBe(200);
    await waitFor(async () => (await post(url, JSON.stringify({ update_id: 3 }))).status === 200, {
      what: "the webhook to take requests again",
    });
    expect(updates).toContain(3);
  });
});
