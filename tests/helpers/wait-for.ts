/**
 * Deadlines times this factor. Only tests/mutation/run-mutation.ts sets NEWSDESK_WAIT_SCALE: there a
 * mutant that breaks a file watcher would otherwise cost each waiting test its full deadline
 * (20 s) before it counts as killed. Never below WAIT_FLOOR_MS, so that a loaded machine does not
 * turn a slow event into a failure of the unmutated code (Stryker's first run must pass).
 */
const WAIT_SCALE = Number(process.env.NEWSDESK_WAIT_SCALE) > 0 ? Number(process.env.NEWSDESK_WAIT_SCALE) : 1;
const WAIT_FLOOR_MS = 3_000;

/** The deadline a wait of `timeoutMs` really gets (see WAIT_SCALE). */
function scaledDeadline(timeoutMs: number): number {
  return WAIT_SCALE === 1 ? timeoutMs : Math.max(Math.min(timeoutMs, WAIT_FLOOR_MS), timeoutMs * WAIT_SCALE);
}

/**
 * Waits for an event instead of sleeping: polls `probe` until it returns something other than
 * undefined, null or false, and returns that. The deadline is generous on purpose: it bounds a
 * broken test, it is never a speed claim (speed lives in the bench).
 */
export async function waitFor<T>(
  probe: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  options: { what?: string; timeoutMs?: number; intervalMs?: number } = {},
): Promise<T> {
  const { what = "condition", intervalMs = 20 } = options;
  const timeoutMs = scaledDeadline(options.timeoutMs ?? 20_000);
  const started = Date.now();
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== null && value !== false) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() - started > timeoutMs) {
      const cause = lastError instanceof Error ? ` (last error: ${lastError.message})` : "";
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${cause}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** A promise the test resolves by hand. */
export function gate(): { promise: Promise<void>; open: () => void } {
  let open = () => {};
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}
