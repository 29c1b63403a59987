import { act, renderHook } from './testing-library';
import { describe, expect, it } from 'vitest';
import type { AppError } from '../../../electron/contract/errors';
import { ApiError } from '../../../renderer/src/api';
import { useSubmit } from '../../../renderer/src/ui/use-submit';

const offline: AppError = { code: 'unreachable', message: 'The server did not answer.' };
const denied: AppError = { code: 'forbidden', message: 'Not yours.' };

function deferred() {
  let settle: (error?: AppError) => void = () => undefined;
  const promise = new Promise<void>((resolve, reject) => {
    settle = (error) => (error ? reject(new ApiError(error)) : resolve());
  });
  return { promise, settle };
}

function setup() {
  return renderHook(() => useSubmit()).result;
}

describe('useSubmit', () => {
  it('is busy while the action runs and shows the AppError it failed with', async () => {
    const result = setup();
    const action = deferred();
    let running = Promise.resolve();
    act(() => {
      running = result.current.run(() => action.promise);
    });
    expect(result.current.busy).toBe(true);
    await act(async () => {
      action.settle(offline);
      await running;
    });
    expect(result.current.busy).toBe(false);
    expect(result.current.error).toEqual(offline);
  });

  it('turns an error that is not an ApiError into an internal one', async () => {
    const result = setup();
    await act(() =>
      result.current.run(() => {
        throw new TypeError('boom');
      }),
    );
    expect(result.current.error?.code).toBe('internal');
  });

  it('clears the last error when the action starts again', async () => {
    const result = setup();
    await act(() => result.current.run(() => Promise.reject(new ApiError(offline))));
    const action = deferred();
    let running = Promise.resolve();
    act(() => {
      running = result.current.run(() => action.promise);
    });
    expect(result.current.error).toBeNull();
    await act(async () => {
      action.settle();
      await running;
    });
    expect(result.current.error).toBeNull();
  });

  it('shows what onError makes of the error, and none when it answers null', async () => {
    const result = setup();
    const seen: AppError[] = [];
    await act(() =>
      result.current.run(
        () => Promise.reject(new ApiError(offline)),
        (e) => {
          seen.push(e);
          return null;
        },
      ),
    );
    expect(seen).toEqual([offline]);
    expect(result.current.error).toBeNull();
    await act(() =>
      result.current.run(
        () => Promise.reject(new ApiError(offline)),
        () => denied,
      ),
    );
    expect(result.current.error).toEqual(denied);
  });
});
