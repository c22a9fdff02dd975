import { afterEach, describe, expect, it } from "vitest";
import { WebhookServer } from "../../../../src/platforms/telegram/webhook-server.js";
import { recordingLogger } from "../../../helpers/recording-logger.js";

/**
 * Which requests the webhook takes (webhook-server.ts): only POSTs to its path with Telegram's
 * secret header, a JSON body with an update_id; everything else gets the status that says why.
 */
const SECRET = "s3cret_webhook-token";
const PATH = "/telegram/hook";

let server: WebhookServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function start(onUpdate: (update: { update_id: number }) => void = () => undefined) {
  const recorder = recordingLogger();
  server = new WebhookServer({
    path: PATH,
    secret: SECRET,
    port: 0,
    host: "127.0.0.1",
    onUpdate,
    log: recorder.log,
  });
  const port = await server.listen();
  return { base: `http://127.0.0.1:${port}`, port, recorder };
}

/**
 * A request to the local server, which answers in milliseconds: the deadline only bounds a server
 * that never answers (a broken build, or a mutant in the mutation run), so that it fails the test
 * instead of hanging it.
 */
const call = (url: string, options: { method?: string; secret?: string | null; body?: string } = {}) =>
  fetch(url, {
    signal: AbortSignal.timeout(5_000),
    method: options.method ?? "POST",
    headers: {
      "content-type": "application/json",
      ...(options.secret === null ? {} : { "x-telegram-bot-api-secret-token": options.secret ?? SECRET }),
    },
    body: options.body,
  });

describe("GIVEN the webhook server", () => {
  it("WHEN the secret is missing, wrong, or of another length THEN 401 and a warning, and nothing is handled", async () => {
    const updates: number[] = [];
    const { base, recorder } = await start((u) => void updates.push(u.update_id));
    const body = JSON.stringify({ update_id: 1 });
    for (const secret of [null, "s3cret_webhook-tokeX", "short", `${SECRET}x`]) {
      expect((await call(`${base}${PATH}`, { secret, body })).status).toBe(401);
    }
    expect(updates).toEqual([]);
    const warnings = recorder.lines.filter((l) => /without the right secret token/.test(l.msg ?? ""));
    expect(warnings).toHaveLength(4);
    expect(warnings[0]?.level).toBe("warn");
    expect(warnings[0]?.obj).toHaveProperty("ip");
  });

  it("WHEN the path differs THEN 404; a query string on the right path is fine", async () => {
    const updates: number[] = [];
    const { base } = await start((u) => void updates.push(u.update_id));
    const body = JSON.stringify({ update_id: 2 });
    expect((await call(`${base}/telegram/hook/x`, { body })).status).toBe(404);
    expect((await call(`${base}/`, { body })).status).toBe(404);
    expect((await call(`${base}${PATH}?from=telegram`, { body })).status).toBe(200);
    expect(updates).toEqual([2]);
  });

  it("WHEN the method is not POST THEN 405 naming POST", async () => {
    const { base } = await start();
    const res = await call(`${base}${PATH}`, { method: "GET" });
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("POST");
  });

  it("WHEN the body is not JSON THEN 400; JSON without a numeric update_id THEN 200 but nothing is handled", async () => {
    const updates: unknown[] = [];
    const { base } = await start((u) => void updates.push(u));
    expect((await call(`${base}${PATH}`, { body: "{not json" })).status).toBe(400);
    for (const body of ['{"update_id":"7"}', "{}", "null", "[]"]) {
      const res = await call(`${base}${PATH}`, { body });
      expect(res.status).toBe(200);
    }
    expect(updates).toEqual([]);
  });

  it("WHEN an update arrives THEN 200 with an empty JSON object, and the update is handed on whole", async () => {
    const updates: unknown[] = [];
    const { base } = await start((u) => void updates.push(u));
    const update = { update_id: 8, message: { text: "/help" } };
    const res = await call(`${base}${PATH}`, { body: JSON.stringify(update) });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json");
    expect(await res.text()).toBe("{}");
    expect(updates).toEqual([update]);
  });

  it("WHEN handling an update throws THEN Telegram still got its 200 and the failure is logged", async () => {
    const { base, recorder } = await start(() => {
      throw new Error("handler broke");
    });
    expect((await call(`${base}${PATH}`, { body: '{"update_id":9}' })).status).toBe(200);
    const line = recorder.find(/webhook request failed/);
    expect(line?.level).toBe("error");
  });

  it("WHEN the port is taken THEN listen fails; close twice is harmless", async () => {
    const { port } = await start();
    const second = new WebhookServer({
      path: PATH,
      secret: SECRET,
      port,
      host: "127.0.0.1",
      onUpdate: () => undefined,
      log: recordingLogger().log,
    });
    await expect(second.listen()).rejects.toMatchObject({ code: "EADDRINUSE" });
    await server?.close();
    await server?.close();
    await second.close();
  });
});
