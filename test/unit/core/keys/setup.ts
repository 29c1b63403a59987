import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defaultSettings, type Settings } from '../../../../electron/contract/settings';
import { createEventHub } from '../../../../electron/core/events';
import { createKeyService, type KeyServiceDeps } from '../../../../electron/core/keys/key-service';
import { createMemoryLogger } from '../../../../electron/core/log';
import { createMemorySecretStore } from '../../../../electron/core/vault/memory-secret-store';
import { createMetadataStore } from '../../../../electron/core/vault/metadata-store';
import { createFakeRancher } from '../fakes/fake-rancher';
import { createManualClock } from '../fakes/manual-clock';
import { createRecordingClipboard } from '../fakes/recording-clipboard';

/** A key service over the in-memory keychain, a temp data dir, a manual clock and a fake server. */
export async function setup(
  options: { maxTtlMs?: number | null; settings?: Partial<Settings>; dir?: string } = {},
) {
  const dir = options.dir ?? (await mkdtemp(path.join(tmpdir(), 'rk-keys-')));
  const clock = createManualClock();
  const log = createMemoryLogger();
  const secrets = createMemorySecretStore();
  const metadata = createMetadataStore({ dir, log });
  const rancher = createFakeRancher({ clock, maxTtlMs: options.maxTtlMs });
  const clipboard = createRecordingClipboard();
  const hub = createEventHub();
  const events: Array<{ event: string; payload: unknown }> = [];
  hub.subscribe((event, payload) => events.push({ event, payload }));
  let settings: Settings = { ...defaultSettings, ...options.settings };
  const deps: KeyServiceDeps = {
    servers: rancher.servers,
    secrets,
    metadata,
    clock,
    clipboard,
    log,
    settings: { get: () => settings },
    emit: hub.emit,
  };
  const keys = createKeyService(deps);
  await keys.start();
  return {
    dir,
    clock,
    log,
    secrets,
    metadata,
    rancher,
    clipboard,
    events,
    keys,
    deps,
    setSettings(patch: Partial<Settings>) {
      settings = { ...settings, ...patch };
    },
  };
}
