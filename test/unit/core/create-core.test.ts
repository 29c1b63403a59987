import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { KeychainStatus } from '../../../electron/contract/app';
import { AppFailure } from '../../../electron/core/app-failure';
import { createCore } from '../../../electron/core/create-core';
import { serverKeysDocName, recordFor } from '../../../electron/core/keys/key-records';
import { createMemoryLogger } from '../../../electron/core/log';
import type { RancherClient } from '../../../electron/core/rancher/rancher-client';
import { createMemorySecretStore } from '../../../electron/core/vault/memory-secret-store';
import { createManualClock } from './fakes/manual-clock';
import { createRecordingClipboard } from './fakes/recording-clipboard';

const ORIGIN = 'https://rancher.example.com';
const NOW = Date.UTC(2025, 0, 1);

/** A data dir as a previous run left it: one signed-in server, its cached list, a journal entry. */
async function previousRun(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'rk-core-'));
  const json = (name: string, value: unknown) =>
    writeFile(path.join(dir, `${name}.json`), JSON.stringify(value));
  await json('servers', {
    version: 1,
    activeId: 's1',
    servers: [
      {
        id: 's1',
        origin: ORIGIN,
        name: 'Example',
        caPem: null,
        fingerprint256: null,
        anchorPem: null,
        timeoutMs: 15_000,
        version: 'v2.13.1',
        tokenApis: { v3: true, ext: true },
        maxTtlMs: null,
        maxTtlKnown: true,
        signIn: {
          method: 'api_key',
          provider: null,
          user: { id: 'user-abc12', username: 'admin', displayName: 'Admin' },
          keyId: 'token-login',
          expiresAt: null,
          rejected: false,
        },
        addedAt: new Date(NOW).toISOString(),
      },
    ],
  });
  const token = {
    family: 'v3' as const,
    name: 'token-cached1',
    kind: 'api_key' as const,
    description: 'cached',
    userId: 'user-abc12',
    clusterId: null,
    createdAt: new Date(NOW - 86_400_000).toISOString(),
    lastUsedAt: null,
    expiresAt: new Date(NOW + 30 * 86_400_000).toISOString(),
    ttlMs: 31 * 86_400_000,
    enabled: true,
    expired: false,
  };
  await json(serverKeysDocName('s1'), {
    version: 1,
    refreshedAt: new Date(NOW - 60_000).toISOString(),
    keys: { 'token-cached1': recordFor(token) },
  });
  await json('key-journal', {
    entries: [
      {
        id: 'entry-1',
        serverId: 's1',
        op: 'create',
        startedAt: new Date(NOW - 120_000).toISOString(),
        family: 'v3',
        description: 'interrupted',
        labels: [],
        clusterId: null,
        name: null,
        oldKeyId: null,
        revokeOldAfterMs: 0,
      },
    ],
  });
  return dir;
}

/** Stands in for the Rancher client of a server that cannot be reached: every call fails. */
function unreachableClient(): RancherClient {
  return new Proxy({} as RancherClient, {
    get: (_, property) =>
      property === 'origin'
        ? ORIGIN
        : () => Promise.reject(new AppFailure('unreachable', `${ORIGIN} cannot be reached.`)),
  });
}

describe('createCore', () => {
  it('has the cached list available when start resolves while the keychain probe of journal recovery is still pending', async () => {
    const dir = await previousRun();
    const secrets = createMemorySecretStore();
    await secrets.set(`sign-in:${ORIGIN}`, `token-login:${'x'.repeat(40)}`);
    let answerProbe: (status: KeychainStatus) => void = () => undefined;
    let probes = 0;
    const probed = new Promise<KeychainStatus>((resolve) => (answerProbe = resolve));
    const core = createCore({
      appVersion: '0.0.0-test',
      platform: 'linux',
      dataDir: dir,
      // The memory keychain, except that its status probe waits (a slow or hung Secret Service).
      secrets: { ...secrets, status: () => (probes++, probed) },
      clipboard: createRecordingClipboard(),
      clock: createManualClock(NOW),
      log: createMemoryLogger(),
      createRancherClient: unreachableClient,
      refreshTimeoutMs: 50,
    });
    await core.start();
    const list = await core.dispatch('keys:list', { serverId: 's1' });
    expect(list).toMatchObject({ ok: true, value: { keys: [{ id: 'token-cached1' }] } });
    // Recovery runs after start, and is waiting for the keychain.
    await new Promise((resolve) => setImmediate(resolve));
    expect(probes).toBeGreaterThan(0);
    answerProbe({ status: 'available', reason: null, fix: null });
    await core.stop();
    // The server could not be asked, so the entry stays for the next start or refresh.
    const journal = JSON.parse(await readFile(path.join(dir, 'key-journal.json'), 'utf8')) as {
      entries: unknown[];
    };
    expect(journal.entries).toHaveLength(1);
  });
});
