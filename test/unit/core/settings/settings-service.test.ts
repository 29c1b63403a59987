import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../../electron/contract/settings';
import { createEventHub } from '../../../../electron/core/events';
import { createMemoryLogger } from '../../../../electron/core/log';
import { createSettingsService } from '../../../../electron/core/settings/settings-service';
import { createMetadataStore } from '../../../../electron/core/vault/metadata-store';
import { createCore } from '../../../../electron/core/create-core';
import { createMemorySecretStore } from '../../../../electron/core/vault/memory-secret-store';
import { createManualClock } from '../fakes/manual-clock';
import { createRecordingClipboard } from '../fakes/recording-clipboard';

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

/** The settings a dispatch answered, or its error (so a failure shows in the diff). */
function settingsOf(result: { ok: boolean; value?: unknown; error?: unknown } | undefined) {
  return result?.ok ? (result.value as { settings: unknown }).settings : result?.error;
}

describe('settings:set through the core', () => {
  async function core() {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'rk-settings-core-'));
    const make = () =>
      createCore({
        appVersion: 'test',
        platform: 'linux',
        dataDir,
        secrets: createMemorySecretStore(),
        clipboard: createRecordingClipboard(),
        clock: createManualClock(Date.UTC(2025, 0, 1)),
        log: createMemoryLogger(),
      });
    return { make };
  }

  it('changes exactly the named field when patches arrive one after another', async () => {
    const { make } = await core();
    const c = make();
    await c.start();
    for (const patch of [
      { theme: 'dark' },
      { showSystemTokens: true },
      { clipboardClearMs: 10_000 },
      { notifications: false },
    ]) {
      const result = await c.dispatch('settings:set', patch);
      expect(result.ok).toBe(true);
    }
    await c.stop();
    const again = make();
    await again.start();
    const read = await again.dispatch('settings:get', {});
    expect(settingsOf(read)).toEqual({
      ...defaultSettings,
      theme: 'dark',
      showSystemTokens: true,
      clipboardClearMs: 10_000,
      notifications: false,
    });
    await again.stop();
  });

  it('keeps every change when patches are in flight at the same time', async () => {
    const { make } = await core();
    const c = make();
    await c.start();
    const results = await Promise.all([
      c.dispatch('settings:set', { theme: 'light' }),
      c.dispatch('settings:set', { warnAtExpiry: false }),
      c.dispatch('settings:set', { closeToTray: false }),
      c.dispatch('settings:set', { startAtLogin: true }),
      c.dispatch('settings:set', { warningThresholdsMs: [3_600_000] }),
    ]);
    expect(results.every((r) => r.ok)).toBe(true);
    const expected = {
      ...defaultSettings,
      theme: 'light',
      warnAtExpiry: false,
      closeToTray: false,
      startAtLogin: true,
      warningThresholdsMs: [3_600_000],
    };
    const last = results[results.length - 1];
    expect(settingsOf(last)).toEqual(expected);
    await c.stop();
    const again = make();
    await again.start();
    const read = await again.dispatch('settings:get', {});
    expect(settingsOf(read)).toEqual(expected);
    await again.stop();
  });
});
