import pg from "pg";
import type { Logger } from "../../domain/logger.js";

/** The channel the deliveries_pending trigger notifies (migrations/001-scheduling.ts). */
const CHANNEL = "newsdesk_outbox";
const RECONNECT_MS = 1_000;

/**
 * Listens on its own connection (LISTEN holds it: a pooled one would be handed to a unit of
 * work) and calls `listener` for each notification. A lost connection is opened again after a
 * second, and `listener` is called then too, since what was notified meanwhile is unknown.
 */
export async function watchOutbox(
  options: pg.ClientConfig,
  listener: () => void,
  log?: Logger,
): Promise<() => Promise<void>> {
  let client: pg.Client | null = null;
  let stopped = false;
  let retry: NodeJS.Timeout | null = null;
  const connect = async (): Promise<void> => {
    const next = new pg.Client({ ...options, application_name: "newsdesk-outbox-watch" });
    next.on("notification", () => listener());
    next.on("error", (error) => {
      log?.warn({ err: error.message }, "postgres: the outbox watch lost its connection; reconnecting");
      void next.end().catch(() => undefined);
      if (client === next) client = null;
      schedule();
    });
    await next.connect();
    await next.query(`LISTEN ${CHANNEL}`);
    if (stopped) {
      await next.end();
      return;
    }
    client = next;
  };
  const schedule = () => {
    if (stopped || retry) return;
    retry = setTimeout(() => {
      retry = null;
      connect()
        .then(() => listener())
        .catch(() => schedule());
    }, RECONNECT_MS);
  };
  await connect();
  return async () => {
    stopped = true;
    if (retry) clearTimeout(retry);
    await client?.end().catch(() => undefined);
    client = null;
  };
}
