import type { IncomingMessage, ServerResponse } from "node:http";

/** Reading requests and writing answers, with the headers every answer carries. */

/** The largest request body read; a form of the dashboard is a few hundred bytes. */
export const MAX_BODY_BYTES = 16 * 1024;

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The body as text, at most `max` bytes: past that (or a declared length past it) a 413. */
export async function readBody(req: IncomingMessage, max = MAX_BODY_BYTES): Promise<string> {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > max) throw new HttpError(413, "request body too large");
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > max) throw new HttpError(413, "request body too large");
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** A form body (application/x-www-form-urlencoded); any other type is a 415. */
export async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const type = (req.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase();
  if (type !== "application/x-www-form-urlencoded") throw new HttpError(415, "forms only");
  return new URLSearchParams(await readBody(req));
}

/**
 * The security headers of every answer: no script but our own files (none yet) and those a page
 * adds (the Telegram widget), no inline style, no framing, no MIME sniffing, no referrer to others.
 */
export interface CspAdditions {
  scriptSrc?: string[];
  frameSrc?: string[];
}

export function securityHeaders(extra: CspAdditions = {}) {
  const csp = [
    "default-src 'none'",
    `script-src ${["'self'", ...(extra.scriptSrc ?? [])].join(" ")}`,
    "style-src 'self'",
    "img-src 'self' data:",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    ...(extra.frameSrc?.length ? [`frame-src ${extra.frameSrc.join(" ")}`] : []),
  ].join("; ");
  return {
    "content-security-policy": csp,
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
  };
}

export interface Answer {
  status: number;
  headers?: Record<string, string | string[]>;
  body?: string;
  /** Sources this answer's page needs beyond our own (the Telegram widget on the sign-in page). */
  csp?: CspAdditions;
}

export function send(res: ServerResponse, answer: Answer): void {
  res.writeHead(answer.status, answer.headers);
  res.end(answer.body);
}

export function redirect(location: string, cookies: string[] = []): Answer {
  return { status: 303, headers: { location, ...(cookies.length ? { "set-cookie": cookies } : {}) } };
}

/** The client's address, for the sign-in limit: the socket's (a proxy in front is one client). */
export function clientAddress(req: IncomingMessage): string {
  return req.socket.remoteAddress ?? "unknown";
}
