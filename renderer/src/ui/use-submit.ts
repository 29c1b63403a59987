import { useState } from 'react';
import type { AppError } from '../../../electron/contract/errors';
import { toAppError } from './error-text';

/**
 * The busy flag and error of a dialog's one async action. `run` clears the last error (a retry
 * starts clean in every dialog), marks the dialog busy, turns a
 * thrown error into an {@link AppError} (or into what `onError` makes of it — null shows none) and
 * is never rejected, so callers may `void` it.
 */
export function useSubmit() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  async function run(
    action: () => Promise<void>,
    onError: (error: AppError) => AppError | null = (e) => e,
  ): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(onError(toAppError(e)));
    } finally {
      setBusy(false);
    }
  }

  return { busy, error, setError, run };
}
