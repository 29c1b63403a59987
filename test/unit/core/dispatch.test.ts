import { describe, expect, it } from 'vitest';
import { channelNames } from '../../../electron/contract/ipc';
import { AppFailure } from '../../../electron/core/app-failure';
import { createAppHandlers } from '../../../electron/core/app-handlers';
import { createDispatcher, type Handlers } from '../../../electron/core/dispatch';
import { createMemoryLogger } from '../../../electron/core/log';
import { createMemorySecretStore } from '../../../electron/core/vault/memory-secret-store';

// Every channel but app:info answers "not here": the dispatcher is under test, not the services.
const stubs = Object.fromEntries(
  channelNames.map((c) => [c, () => Promise.reject(new AppFailure('internal', 'stub'))]),
) as unknown as Handlers;

function setup(overrides: Partial<Handlers> = {}) {
  const log = createMemoryLogger();
  const handlers: Handlers = {
    ...stubs,
    ...createAppHandlers({
      version: '1.2.3',
      platform: 'linux',
      secrets: createMemorySecretStore(),
    }),
    ...overrides,
  };
  return { log, dispatch: createDispatcher(handlers, log) };
}

describe('createDispatcher', () => {
  it('returns the handler value wrapped as ok when the input is valid', async () => {
    const { dispatch } = setup();
    const result = await dispatch('app:info', {});
    expect(result).toEqual({
      ok: true,
      value: {
        version: '1.2.3',
        platform: 'linux',
        keychain: { status: 'available', reason: null, fix: null },
        logFile: null,
        trayAvailable: true,
      },
    });
  });

  it('refuses an unknown channel with invalid_input', async () => {
    const { dispatch } = setup();
    const result = await dispatch('keys:steal', {});
    expect(result).toEqual({
      ok: false,
      error: { code: 'invalid_input', message: 'Unknown request.' },
    });
  });

  it('names the field when the input does not parse', async () => {
    const { dispatch } = setup();
    const result = await dispatch('servers:add', { url: 42 });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid_input');
      expect(result.error.message).toMatch(/^url: /);
    }
  });

  it('rejects extra fields on a strict input when a caller sends them', async () => {
    const { dispatch } = setup();
    const result = await dispatch('app:info', { verbose: true });
    expect(result.ok).toBe(false);
  });

  it('strips output fields the contract does not declare when a handler returns more', async () => {
    const { dispatch } = setup({
      'app:info': async () =>
        ({
          version: '1',
          platform: 'linux',
          keychain: { status: 'available', reason: null, fix: null },
          secret: 'token-abc12:shouldnotleak',
        }) as never,
    });
    const result = await dispatch('app:info', {});
    expect(JSON.stringify(result)).not.toContain('shouldnotleak');
  });

  it('passes an AppFailure through with its code and message', async () => {
    const { dispatch } = setup({
      'app:info': () => Promise.reject(new AppFailure('unreachable', 'Check the address.')),
    });
    expect(await dispatch('app:info', {})).toEqual({
      ok: false,
      error: { code: 'unreachable', message: 'Check the address.' },
    });
  });

  it('hides the text of an unexpected error behind internal when a handler throws', async () => {
    const { dispatch, log } = setup({
      'app:info': () =>
        Promise.reject(new Error('boom token-abc12:bcdfghjklmnpqrstvwxz2456789bcdfghjkl')),
    });
    const result = await dispatch('app:info', {});
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('internal');
      expect(result.error.message).not.toContain('boom');
    }
    expect(log.lines.join('\n')).not.toContain('bcdfghjklmnpqrstvwxz2456789');
  });

  it('logs channel names and never arguments when a call is made', async () => {
    const { dispatch, log } = setup();
    await dispatch('auth:signIn', {
      serverId: 's1',
      method: 'password',
      provider: 'local',
      username: 'admin',
      password: 'hunter2-password',
    });
    const text = log.lines.join('\n');
    expect(text).toContain('auth:signIn');
    expect(text).not.toContain('hunter2-password');
    expect(text).not.toContain('admin');
  });
});

describe('keys:list output check (checked-key-views.ts)', () => {
  const view = (id: string) => ({
    id,
    name: id,
    family: 'v3' as const,
    kind: 'api_key' as const,
    description: 'ci',
    labels: ['prod'],
    clusterId: null,
    clusterName: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    lastUsedAt: null,
    expiresAt: null,
    ttlMs: null,
    enabled: true,
    state: 'active' as const,
    hasSecret: true,
    isSignInCredential: false,
    preview: `${id}:abcd…wxyz`,
    snoozedUntil: null,
    revokeAt: null,
    handle: id,
    isDefault: false,
  });
  const list = (keys: unknown[]) => ({
    serverId: 's',
    keys,
    total: keys.length,
    revision: 1,
    refreshedAt: null,
    stale: false,
  });
  const listing = (keys: unknown[]) =>
    setup({ 'keys:list': () => Promise.resolve(list(keys) as never) }).dispatch('keys:list', {
      serverId: 's',
    });

  it('passes a checked view on as the same object, frozen, so the next list need not check it again', async () => {
    const key = view('token-aaaaa');
    const first = await listing([key]);
    const second = await listing([key]);
    expect(first).toEqual({ ok: true, value: list([view('token-aaaaa')]) });
    if (!first.ok || !second.ok) throw new Error('keys:list failed');
    expect((first.value as { keys: unknown[] }).keys[0]).toBe(key);
    expect((second.value as { keys: unknown[] }).keys[0]).toBe(key);
    expect(Object.isFrozen(key) && Object.isFrozen(key.labels)).toBe(true);
  });

  it('still strips a field the contract does not declare, and leaves that view unfrozen', async () => {
    const leaky = { ...view('token-bbbbb'), secret: 'hunter2' };
    for (let i = 0; i < 2; i++) {
      const result = await listing([leaky]);
      expect(result).toEqual({ ok: true, value: list([view('token-bbbbb')]) });
      expect(JSON.stringify(result)).not.toContain('hunter2');
    }
    expect(Object.isFrozen(leaky)).toBe(false);
  });

  it('fails a list with a view or an envelope that does not parse, as before', async () => {
    const bad = await listing([{ ...view('token-ccccc'), state: 'bogus' }]);
    expect(bad).toMatchObject({ ok: false, error: { code: 'internal' } });
    const noEnvelope = await setup({
      'keys:list': () => Promise.resolve({ keys: [view('token-ddddd')] } as never),
    }).dispatch('keys:list', {});
    expect(noEnvelope).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});
