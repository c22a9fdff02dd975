/**
 * /healthz says the process answers; /readyz runs the injected checks (database open, content
 * loaded, each configured platform connected) and says which are not ready. A check that throws
 * or hangs past its deadline is not ready, with that as the reason.
 */
export interface ReadinessCheck {
  name: string;
  /** true when ready; otherwise the reason, in a few words ("gateway disconnected"). */
  check(): Promise<true | string> | true | string;
}

export interface Readiness {
  ready: boolean;
  /** "name: reason" for each check not ready. */
  failures: string[];
}

const CHECK_DEADLINE_MS = 2_000;

async function runCheck(check: ReadinessCheck): Promise<true | string> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(`no answer within ${CHECK_DEADLINE_MS} ms`), CHECK_DEADLINE_MS);
    timer.unref();
  });
  try {
    return await Promise.race([Promise.resolve().then(() => check.check()), deadline]);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    clearTimeout(timer);
  }
}

export async function readiness(checks: readonly ReadinessCheck[]): Promise<Readiness> {
  const results = await Promise.all(checks.map(async (c) => [c.name, await runCheck(c)] as const));
  const failures = results
    .filter(([, result]) => result !== true)
    .map(([name, result]) => `${name}: ${String(result).replace(/\s+/g, " ").slice(0, 200)}`);
  return { ready: failures.length === 0, failures };
}
