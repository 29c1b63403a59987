import { describe, expect, it } from 'vitest';
import { createAppStores, startApp } from '../../../renderer/src/app-stores';
import { createKeysStore, createVisibleKeysSelector } from '../../../renderer/src/keys/keys-store';
import { createServersStore } from '../../../renderer/src/servers/servers-store';
import { createSettingsStore } from '../../../renderer/src/settings/settings-store';
import { createFakeApi, fail, makeKey, makeServer, wholeList, worldHandlers } from './fake-api';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('keys store', () => {
  it('loads a server list and keeps only selections that still exist on reload', async () => {
    let keys = [makeKey({ id: 'token-a' }), makeKey({ id: 'token-b' })];
    const fake = createFakeApi({
      'keys:list': ({ serverId }) => ({
        serverId: serverId ?? null,
        ...wholeList(keys),
        refreshedAt: null,
        stale: true,
      }),
    });
    const store = createKeysStore(fake.api);
    await store.load('s1');
    expect(store.store.getState()).toMatchObject({ status: 'ready', stale: true, serverId: 's1' });
    store.selectAll(['token-a', 'token-b']);
    keys = [makeKey({ id: 'token-b' })];
    await store.load('s1', { quiet: true });
    expect(Object.keys(store.store.getState().selected)).toEqual(['token-b']);
  });

  it('reports the error code when the list fails', async () => {
    const fake = createFakeApi({
      'keys:list': () => fail({ code: 'keychain_locked', message: 'Locked.' }),
    });
    const store = createKeysStore(fake.api);
    await store.load('s1');
    expect(store.store.getState().status).toBe('error');
    expect(store.store.getState().error?.code).toBe('keychain_locked');
  });

  it('ignores a slow answer for a server the user has already left', async () => {
    let release: () => void = () => undefined;
    const fake = createFakeApi({
      'keys:list': async ({ serverId }) => {
        if (serverId === 'slow') await new Promise<void>((r) => (release = r));
        return {
          serverId: serverId ?? null,
          ...wholeList([makeKey({ id: `token-${serverId}` })]),
          refreshedAt: null,
          stale: false,
        };
      },
    });
    const store = createKeysStore(fake.api);
    const slow = store.load('slow');
    await store.load('fast');
    release();
    await slow;
    expect(store.store.getState().keys.map((k) => k.id)).toEqual(['token-fast']);
  });

  it('toggles sort direction on the same column and resets to ascending on another', () => {
    const store = createKeysStore(createFakeApi().api);
    store.toggleSort('expiresAt');
    expect(store.store.getState().query.sort).toEqual({ column: 'expiresAt', dir: 'desc' });
    store.toggleSort('description');
    expect(store.store.getState().query.sort).toEqual({ column: 'description', dir: 'asc' });
  });

  it('deletes, clears the deleted keys from the selection and reloads', async () => {
    const fake = createFakeApi({
      'keys:list': () => ({
        serverId: 's1',
        ...wholeList([makeKey({ id: 'token-c' })]),
        refreshedAt: null,
        stale: false,
      }),
      'keys:delete': ({ keyIds }) => ({
        results: keyIds.map((keyId) => ({
          keyId,
          outcome: 'revoked' as const,
          message: null,
          code: null,
        })),
      }),
    });
    const store = createKeysStore(fake.api);
    await store.load('s1');
    store.selectAll(['token-a', 'token-c']);
    await store.remove(['token-a']);
    expect(fake.callsTo('keys:delete')).toEqual([{ serverId: 's1', keyIds: ['token-a'] }]);
    expect(Object.keys(store.store.getState().selected)).toEqual(['token-c']);
    expect(fake.callsTo('keys:list')).toHaveLength(2);
  });

  it('memoises the visible rows until keys or query change', async () => {
    const fake = createFakeApi({
      'keys:list': () => ({
        serverId: 's1',
        ...wholeList([makeKey({ id: 'token-a' })]),
        refreshedAt: null,
        stale: false,
      }),
    });
    const store = createKeysStore(fake.api);
    await store.load('s1');
    const select = createVisibleKeysSelector();
    const first = select(store.store.getState());
    store.toggleSelected('token-a');
    expect(select(store.store.getState())).toBe(first);
    store.setQuery({ search: 'zzz' });
    expect(select(store.store.getState())).toEqual([]);
  });

  it('gives the same rows as a full filter while the search is typed on, cleared and changed', async () => {
    const keys = Array.from({ length: 300 }, (_, i) =>
      makeKey({
        id: `token-${i}`,
        description: `${['deploy', 'backup', 'ci'][i % 3]} for ${['platform', 'payments'][i % 2]} #${i}`,
        labels: i % 5 === 0 ? ['prod'] : [],
      }),
    );
    const fake = createFakeApi({
      'keys:list': () => ({ serverId: 's1', ...wholeList(keys), refreshedAt: null, stale: false }),
    });
    const store = createKeysStore(fake.api);
    await store.load('s1');
    const select = createVisibleKeysSelector();
    const fresh = () => createVisibleKeysSelector()(store.store.getState()).map((k) => k.id);
    for (const step of [
      'p',
      'pl',
      'pla',
      'platform',
      'platform 1',
      'platform 12',
      'platform 1',
      '',
      'ci',
      'ci p',
      'ci pr',
      'prod',
    ]) {
      store.setQuery({ search: step });
      expect(
        select(store.store.getState()).map((k) => k.id),
        step,
      ).toEqual(fresh());
    }
    store.setQuery({ search: 'ci', label: 'prod' });
    expect(select(store.store.getState()).map((k) => k.id)).toEqual(fresh());
  });
});

describe('servers store', () => {
  it('passes the certificate of a tls_untrusted failure to the caller', async () => {
    const certificate = {
      subject: 'CN=x',
      issuer: 'CN=ca',
      fingerprint256: 'AB',
      validFrom: '',
      validTo: '',
    };
    const fake = createFakeApi({
      'servers:add': () => fail({ code: 'tls_untrusted', message: 'Untrusted.', certificate }),
    });
    const store = createServersStore(fake.api);
    await expect(store.add({ url: 'https://x' })).rejects.toMatchObject({
      error: { code: 'tls_untrusted', certificate },
    });
  });
});

describe('settings store', () => {
  it('rolls a change back when main refuses it', async () => {
    const fake = createFakeApi({
      'settings:set': () => fail({ code: 'invalid_input', message: 'No.' }),
    });
    const store = createSettingsStore(fake.api);
    await expect(store.set({ theme: 'dark' })).rejects.toBeTruthy();
    expect(store.store.getState().settings.theme).toBe('system');
    expect(store.store.getState().error?.code).toBe('invalid_input');
  });
});

describe('startApp', () => {
  it('loads the active server keys, and follows keys:changed, settings:changed and expiry:summary', async () => {
    const servers = [makeServer({ id: 'a', active: true }), makeServer({ id: 'b' })];
    const fake = createFakeApi(worldHandlers(servers, [makeKey({ id: 'token-a' })]));
    const stores = createAppStores(fake.api);
    const stop = startApp(stores);
    await flush();
    await flush();
    expect(stores.keys.store.getState().serverId).toBe('a');
    const before = fake.callsTo('keys:list').length;
    fake.emit('keys:changed', { serverId: 'a' });
    fake.emit('keys:changed', { serverId: 'b' });
    await flush();
    expect(fake.callsTo('keys:list').length).toBe(before + 1);

    fake.emit('settings:changed', {
      settings: { ...stores.settings.store.getState().settings, theme: 'dark' },
    });
    expect(stores.settings.store.getState().settings.theme).toBe('dark');
    fake.emit('expiry:summary', {
      expiringCount: 2,
      expiredCount: 1,
      next: null,
      perServer: { a: 3 },
    });
    expect(stores.expiry.store.getState().summary?.expiringCount).toBe(2);
    stop();
  });

  it('switches to the server and shows the key on app:navigate', async () => {
    const servers = [makeServer({ id: 'a', active: true }), makeServer({ id: 'b' })];
    const fake = createFakeApi(worldHandlers(servers, [makeKey({ id: 'token-a' })]));
    const stores = createAppStores(fake.api);
    const stop = startApp(stores);
    await flush();
    stores.ui.setView('settings');
    fake.emit('app:navigate', { serverId: 'b', keyId: 'token-a' });
    await flush();
    expect(stores.ui.store.getState().view).toBe('keys');
    expect(fake.callsTo('servers:switch')).toContainEqual({ id: 'b' });
    expect(stores.keys.store.getState().cursor).toBe('token-a');
    stop();
  });
});
