import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher, type Handlers } from '../../../../electron/core/dispatch';
import { createMemoryLogger } from '../../../../electron/core/log';
import type {
  RancherClient,
  RancherClientOptions,
} from '../../../../electron/core/rancher/rancher-client';
import { createServerService } from '../../../../electron/core/servers/create-server-service';
import { createServerHandlers } from '../../../../electron/core/servers/server-handlers';
import { createMemorySecretStore } from '../../../../electron/core/vault/memory-secret-store';
import { createMetadataStore } from '../../../../electron/core/vault/metadata-store';

// Stands in for a Rancher 2.13 server that answers the anonymous probe; the real client is
// covered against the simulator in test/integration.
const fakeRancher = (options: RancherClientOptions): RancherClient =>
  ({
    origin: options.origin,
    clusters: async () => {
      await options.credential();
      return [];
    },
    probe: () =>
      Promise.resolve({
        version: 'v2.13.1',
        tokenApis: { v3: true, ext: true },
        maxTtlMs: null,
        maxTtlKnown: false,
        certificate: null,
      }),
  }) as unknown as RancherClient;

describe('createServerHandlers', () => {
  let dir: string;
  let dispatch: ReturnType<typeof createDispatcher>;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'rk-handlers-'));
    const log = createMemoryLogger();
    const service = createServerService({
      metadata: createMetadataStore({ dir, log }),
      secrets: createMemorySecretStore(),
      clock: { now: () => Date.parse('2026-03-01T12:00:00Z'), setTimer: () => () => undefined },
      log,
      appVersion: 'test',
      nearExpiryCount: () => 3,
      createClient: fakeRancher,
    });
    await service.load();
    dispatch = createDispatcher(createServerHandlers(service) as Handlers, log);
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('adds a server and lists it as active with its near-expiry count when the input is valid', async () => {
    const added = await dispatch('servers:add', { url: 'rancher.example.com/dashboard/' });
    expect(added).toMatchObject({
      ok: true,
      value: {
        server: {
          origin: 'https://rancher.example.com',
          active: true,
          nearExpiryCount: 3,
          version: 'v2.13.1',
        },
      },
    });
    const listed = await dispatch('servers:list', {});
    expect(listed).toMatchObject({
      ok: true,
      value: { servers: [{ name: 'rancher.example.com' }] },
    });
  });

  it('answers invalid_input when the address is not http(s)', async () => {
    expect(await dispatch('servers:add', { url: 'ftp://rancher.example.com' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });

  it('answers not_found when the server id is unknown', async () => {
    expect(await dispatch('servers:switch', { id: 'srv-nope' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await dispatch('auth:signOut', { serverId: 'srv-nope' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('answers unauthorized naming the server when clusters are asked for before sign-in', async () => {
    const added = await dispatch('servers:add', {
      url: 'https://rancher.example.com',
      name: 'Prod',
    });
    const id = added.ok ? (added.value as { server: { id: string } }).server.id : '';
    const clusters = await dispatch('servers:clusters', { serverId: id });
    expect(clusters).toMatchObject({
      ok: false,
      error: { code: 'unauthorized', message: 'Sign in to Prod first.' },
    });
  });
});
