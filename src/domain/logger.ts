/** The subset of a structured logger (pino) the core uses. */
export interface Logger {
  info(obj: object | string, msg?: string): void;
  warn(obj: object | string, msg?: string): void;
  error(obj: object | string, msg?: string): void;
  debug(obj: object | string, msg?: string): void;
}

/** A logger that says nothing (tests, one-shot CLI runs). */
export const silentLogger: Logger = { info() {}, warn() {}, error() {}, debug() {} };
