import { AppFailure } from '../../electron/core/app-failure';

/** Awaits a promise that must fail with an AppFailure and returns it, for assertions on its code. */
export async function failure(promise: Promise<unknown>): Promise<AppFailure> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppFailure) return error;
    throw error;
  }
  throw new Error('expected a failure');
}
