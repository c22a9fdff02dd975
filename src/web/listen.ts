import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { WebLog } from "./options.js";

/**
 * Listens on host:port. A port that is taken (or not ours to open) is a warning, never a failed
 * start: the bot runs without its dashboard. Returns the port listened on, or null.
 */
export async function listenOrWarn(
  server: Server,
  port: number,
  host: string,
  what: string,
  log: WebLog,
): Promise<number | null> {
  return new Promise((resolve) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off("listening", onListening);
      log.warn(
        { port, host, code: error.code },
        `${what} not started: ${host}:${port} ${error.code === "EADDRINUSE" ? "is in use" : `cannot be opened (${error.code ?? error.message})`}; the bot runs without it`,
      );
      resolve(null);
    };
    const onListening = () => {
      server.off("error", onError);
      resolve((server.address() as AddressInfo).port);
    };
    server.once("error", onError);
    server.once("listening", onListening);
    server.listen(port, host);
  });
}

export async function closeServer(server: Server): Promise<void> {
  if (!server.listening) return;
  server.closeIdleConnections();
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    // Keep-alive browsers are not waited for: a stop must not hang on an open tab.
    server.closeAllConnections();
  });
}
