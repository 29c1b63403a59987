import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../../electron/contract/settings';
import { createEventHub } from '../../../../electron/core/events';
import { createMemoryLogger } from '../../../../electron/core/log';
import { createSettingsService } from '../../../../electron/core/settings/settings-service';
import { createMetadataStore } from '../../../../electron/core/vault/metadata-store';

async function make(dir?: string) {
  const base = dir ?? (await mkdtemp(path.join(tmpdir(), 'rk-settings-')));
  const hub = createEventHub();
  const events: unknown[] = [];
  hub.subscribe((event, payload) => events.push({ event, payload }));
  const service = createSettingsService({
    metadata: createMetadataStore({ dir: base, log: createMemoryLogger() }),
    emit: hub.emit,
  });
  await service.load();
  return { dir: base, service, events };
}

describe('createSettingsService', () => {
  it('starts from the defaults when no file exists', async () => {
    const { service } = await make();
    expect(service.get()).toEqual(defaultSettings);
  });

  it('persists a change, emits settings:changed and reads it back after a restart', async () => {
    const { dir, service, events } = await make();
    const seen: number[] = [];
    service.onChange((s) => seen.push(s.clipboardClearMs));
    const next = await service.set({ clipboardClearMs: 10_000, warnAtExpiry: false });
    expect(next).toMatchObject({ clipboardClearMs: 10_000, warnAtExpiry: false });
    expect(events).toEqual([{ event: 'settings:changed', payload: { settings: next } }]);
    expect(seen).toEqual([10_000]);
    const again = await make(dir);
    expect(again.service.get()).toEqual(next);
    expect(JSON.parse(await readFile(path.join(dir, 'settings.json'), 'utf8'))).toEqual(next);
  });

  it('keeps the other settings when a patch names only one', async () => {
    const { service } = await make();
    await service.set({ theme: 'dark' });
    await service.set({ showSystemTokens: true });
    expect(service.get()).toMatchObject({ theme: 'dark', showSystemTokens: true });
  });
});
