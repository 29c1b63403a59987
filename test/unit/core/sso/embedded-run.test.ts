import { describe, expect, it } from 'vitest';
import { embeddedRunEnd } from '../../../../electron/core/sso/embedded-run';
import { mainFrameVerdict } from '../../../../electron/main/sign-in/embedded-window-options';

describe('embeddedRunEnd', () => {
  it('settles once, with the first outcome, after the cleanup', async () => {
    const order: string[] = [];
    const end = embeddedRunEnd(60_000, new AbortController().signal, async (outcome) => {
      await Promise.resolve();
      order.push(`cleanup ${outcome.kind}`);
    });
    end.finish({ kind: 'session', cookie: 'c' });
    end.finish({ kind: 'closed' });
    expect(end.settled()).toBe(true);
    expect(await end.outcome.then((o) => (order.push('settled'), o))).toEqual({
      kind: 'session',
      cookie: 'c',
    });
    expect(order).toEqual(['cleanup session', 'settled']);
  });

  it('ends as closed when aborted, also when aborted before it started', async () => {
    const controller = new AbortController();
    const end = embeddedRunEnd(60_000, controller.signal, () => undefined);
    controller.abort();
    expect(await end.outcome).toEqual({ kind: 'closed' });
    const early = embeddedRunEnd(60_000, controller.signal, () => undefined);
    expect(early.settled()).toBe(true);
    expect(await early.outcome).toEqual({ kind: 'closed' });
  });

  it('ends as timed_out at the limit, even when the cleanup fails', async () => {
    const end = embeddedRunEnd(10, new AbortController().signal, () => {
      throw new Error('cannot clear');
    });
    expect(await end.outcome).toEqual({ kind: 'timed_out' });
  });
});

describe('mainFrameVerdict', () => {
  const spec = { verdict: () => null };
  it('stops anything but https as a refused host, then asks the core', () => {
    expect(mainFrameVerdict(spec, 'http://127.0.0.1:9/', null)).toEqual({
      kind: 'blocked',
      host: '127.0.0.1:9',
    });
    expect(mainFrameVerdict(spec, 'javascript:alert(1)', null)).toEqual({
      kind: 'blocked',
      host: '',
    });
    expect(mainFrameVerdict(spec, 'https://github.com/', null)).toBeNull();
    expect(
      mainFrameVerdict({ verdict: () => ({ kind: 'denied' }) }, 'https://github.com/', null),
    ).toEqual({ kind: 'denied' });
  });
});
