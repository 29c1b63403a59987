import { describe, expect, it } from 'vitest';
import { FIRST_KEYS_WINDOW, settingsDefaults } from '../../../electron/contract/constants';
import { channelNames, type Output } from '../../../electron/contract/ipc';
import { AppFailure } from '../../../electron/core/app-failure';
import { createStartHandler } from '../../../electron/core/app-start';
import { createDispatcher, type Handlers } from '../../../electron/core/dispatch';
import { createMemoryLogger } from '../../../electron/core/log';
import { keyView } from '../../support/key-view';

// `app:start` through the real dispatcher, built from stand-ins for the four channels it is made
// of (the services behind them have their own tests; here the composition and its checks are).
const stubs = Object.fromEntries(
  channelNames.map((c) => [c, () => Promise.reject(new AppFailure('internal', 'stub'))]),
) as unknown as Handlers;

const summary: Output<'expiry:summary'> = {
  expiringCount: 1,
  expiredCount: 0,
  next: null,
  perServer: { s1: 1 },
};

function list(keys: unknown[], serverId = 's1') {
  return { serverId, keys, total: keys.length, revision: 3, refreshedAt: null, stale: false };
}

function setup(
  options: {
    activeId?: string | null;
    keysList?: Handlers['keys:list'];
  } = {},
) {
  const log = createMemoryLogger();
  const keysCalls: unknown[] = [];
  let inFlight = 0;
  let mostInFlight = 0;
  /** Answers after a turn, counting how many parts are being answered at once. */
  const part =
    <T>(value: () => T) =>
    async () => {
      inFlight++;
      mostInFlight = Math.max(mostInFlight, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight--;
      return value();
    };
  const parts = {
    ...stubs,
    'settings:get': part(() => ({ settings: { ...settingsDefaults, showSystemTokens: true } })),
    'servers:list': part(() => ({ servers: [], activeId: options.activeId ?? null })),
    'expiry:summary': part(() => summary),
    'keys:list': async (input: Parameters<Handlers['keys:list']>[0]) => {
      keysCalls.push(input);
      return (options.keysList ?? (async () => list([keyView('token-aaaaa')])))(input);
    },
  } as Handlers;
  const handlers: Handlers = { ...parts, ...createStartHandler(parts, log) };
  return {
    log,
    keysCalls,
    mostInFlight: () => mostInFlight,
    start: () => createDispatcher(handlers, log)('app:start', {}),
  };
}

describe('app:start', () => {
  it('answers the first screen at once: settings, servers, expiry and the first keys window', async () => {
    const rig = setup({ activeId: 's1' });
    const result = await rig.start();
    expect(result).toEqual({
      ok: true,
      value: {
        settings: { ...settingsDefaults, showSystemTokens: true },
        servers: [],
        activeId: 's1',
        expiry: summary,
        keys: { ok: true, value: list([keyView('token-aaaaa')]) },
      },
    });
    // The window's first screen of the active server, with the user's system-token setting
    // (keys:list applies it when the window does not say).
    expect(rig.keysCalls).toEqual([{ serverId: 's1', limit: FIRST_KEYS_WINDOW }]);
    // Settings, servers and the expiry counts are read together, not one after another.
    expect(rig.mostInFlight()).toBe(3);
  });

  it('asks for no keys when no server is active', async () => {
    const rig = setup({ activeId: null });
    const result = await rig.start();
    expect(result).toMatchObject({ ok: true, value: { activeId: null, keys: null } });
    expect(rig.keysCalls).toEqual([]);
  });

  it('still starts when the keys cannot be read, carrying the failure as the window shows it', async () => {
    const rig = setup({
      activeId: 's1',
      keysList: () =>
        Promise.reject(new AppFailure('not_found', 'Server \u202egnp.exe is gone. Add it again.')),
    });
    const result = await rig.start();
    expect(result).toMatchObject({
      ok: true,
      value: { activeId: 's1', keys: { ok: false, error: { code: 'not_found' } } },
    });
    const text = JSON.stringify(result);
    expect(text).toContain('is gone. Add it again.');
    // Bidi controls from server text are neutralised, as for any failure the dispatcher sends.
    expect(text).not.toContain('\u202e');
  });

  it('hides an unexpected failure of the keys behind internal', async () => {
    const rig = setup({
      activeId: 's1',
      keysList: () => Promise.reject(new Error('boom token-abc12:bcdfghjklmnpqrstvwxz2456789')),
    });
    const result = await rig.start();
    expect(result).toMatchObject({
      ok: true,
      value: { keys: { ok: false, error: { code: 'internal' } } },
    });
    expect(JSON.stringify(result)).not.toContain('bcdfghjklmnpqrstvwxz2456789');
    expect(rig.log.lines.join('\n')).not.toContain('bcdfghjklmnpqrstvwxz2456789');
  });

  it('strips a field the contract does not declare from a key view, as keys:list does', async () => {
    const leaky = { ...keyView('token-bbbbb'), secret: 'token-bbbbb:hunter2hunter2' };
    const rig = setup({ activeId: 's1', keysList: async () => list([leaky]) as never });
    const result = await rig.start();
    expect(result).toMatchObject({
      ok: true,
      value: { keys: { ok: true, value: list([keyView('token-bbbbb')]) } },
    });
    expect(JSON.stringify(result)).not.toContain('hunter2');
  });

  it('fails the whole start when a key view does not parse, rather than send it', async () => {
    const rig = setup({
      activeId: 's1',
      keysList: async () => list([{ ...keyView('token-ccccc'), state: 'bogus' }]) as never,
    });
    expect(await rig.start()).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});
