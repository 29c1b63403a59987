import type { EmbeddedOutcome } from '../sign-in-ports';

/**
 * How one run of an EmbeddedSignInWindow ends, for every implementation of the port (Electron's
 * and the tests'): it settles exactly once, on the first of `finish(outcome)`, the timeout
 * (`timed_out`) or `signal` aborting (`closed`, also when it is aborted already); `cleanup` (close
 * the window, clear the partition) runs before the promise settles, whatever the outcome.
 */
export function embeddedRunEnd(
  timeoutMs: number,
  signal: AbortSignal,
  cleanup: (outcome: EmbeddedOutcome) => Promise<void> | void,
): {
  outcome: Promise<EmbeddedOutcome>;
  finish(outcome: EmbeddedOutcome): void;
  settled(): boolean;
} {
  let settled = false;
  let resolve: (outcome: EmbeddedOutcome) => void = () => undefined;
  const outcome = new Promise<EmbeddedOutcome>((r) => (resolve = r));
  const finish = (result: EmbeddedOutcome) => {
    if (settled) return;
    settled = true;
    clearTimeout(timer);
    signal.removeEventListener('abort', onAbort);
    void Promise.resolve()
      .then(() => cleanup(result))
      .catch(() => undefined)
      .finally(() => resolve(result));
  };
  const onAbort = () => finish({ kind: 'closed' });
  const timer = setTimeout(() => finish({ kind: 'timed_out' }), timeoutMs);
  if (signal.aborted) onAbort();
  else signal.addEventListener('abort', onAbort, { once: true });
  return { outcome, finish, settled: () => settled };
}
