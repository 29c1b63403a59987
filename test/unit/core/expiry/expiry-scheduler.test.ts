import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultSettings, type Settings } from '../../../../electron/contract/settings';
import { createExpiryScheduler } from '../../../../electron/core/expiry/expiry-scheduler';
import type { KeyInstants, ServerKeyView } from '../../../../electron/core/keys/key-service';
import { keyStateOf } from '../../../../electron/core/keys/key-view';
import { createMemoryLogger } from '../../../../electron/core/log';
import { createMetadataStore } from '../../../../electron/core/vault/metadata-store';
import { createManualClock, type ManualClock } from '../fakes/manual-clock';
import { keyView } from '../../../support/key-view';

const DAY = 86_400_000;
const START = Date.UTC(2025, 0, 1);

type TestKey = { id: string; expiresInMs: number; snoozedUntil?: number; lifetimeMs?: number };

/** Key views as the key service would give them, with states computed at the clock's now. */
function keysAt(clock: ManualClock, list: TestKey[]) {
  const allKeys = (): ServerKeyView[] =>
    list.map(({ id, expiresInMs, snoozedUntil, lifetimeMs }) => {
      const expiresAt = new Date(START + expiresInMs).toISOString();
      // By default a key made 30 days before START (a long life: the whole warning window).
      const lifetime = lifetimeMs ?? expiresInMs + 30 * DAY;
      const token = {
        family: 'v3' as const,
        name: id,
        kind: 'api_key' as const,
        description: id,
        userId: 'u',
        clusterId: null,
        createdAt: new Date(START + expiresInMs - lifetime).toISOString(),
        lastUsedAt: null,
        expiresAt,
        ttlMs: lifetime,
        enabled: true,
        expired: false,
      };
      const state = keyStateOf(
        {
          token,
          onServer: true,
          hasSecret: true,
          preview: null,
          labels: [],
          snoozedUntil: null,
          pendingRevocation: false,
          revokeAt: null,
          handle: null,
          toolsDefault: false,
        },
        clock.now(),
        7 * DAY,
      );
      const key = keyView(id, {
        description: id,
        createdAt: token.createdAt,
        expiresAt,
        ttlMs: token.ttlMs,
        state,
        snoozedUntil: snoozedUntil === undefined ? null : new Date(snoozedUntil).toISOString(),
      });
      return { serverId: 's1', serverName: 'One', key };
    });
  return {
    eachKey(
      visit: (
        serverId: string,
        serverName: string,
        key: ServerKeyView['key'],
        instants: KeyInstants,
      ) => void,
    ) {
      // As the key service gives them: the view's instants parsed, NaN where absent.
      const time = (text: string | null) => (text ? Date.parse(text) : NaN);
      for (const { serverId, serverName, key } of allKeys()) {
        visit(serverId, serverName, key, {
          expiresAt: time(key.expiresAt),
          createdAt: time(key.createdAt),
          snoozedUntil: time(key.snoozedUntil),
        });
      }
    },
  };
}

async function make(options: {
  clock?: ManualClock;
  dir?: string;
  keys: TestKey[];
  settings?: Partial<Settings>;
  session?: string | null;
}) {
  const clock = options.clock ?? createManualClock(START);
  const dir = options.dir ?? (await mkdtemp(path.join(tmpdir(), 'rk-expiry-')));
  const events: Array<{ event: string; payload: Record<string, unknown> }> = [];
  let settings: Settings = { ...defaultSettings, ...options.settings };
  const scheduler = createExpiryScheduler({
    keys: keysAt(clock, options.keys),
    servers: {
      list: () => [{ id: 's1', name: 'One' }],
      sessionExpiry: () => options.session ?? null,
    },
    settings: { get: () => settings },
    metadata: createMetadataStore({ dir, log: createMemoryLogger() }),
    clock,
    emit: (event, payload) => events.push({ event, payload }),
    log: createMemoryLogger(),
  });
  await scheduler.start();
  const warnings = () =>
    events
      .filter((e) => e.event === 'expiry:warning')
      .map((e) => [e.payload.keyId, e.payload.thresholdMs]);
  return {
    clock,
    dir,
    scheduler,
    events,
    warnings,
    setSettings(patch: Partial<Settings>) {
      settings = { ...settings, ...patch };
    },
  };
}

describe('createExpiryScheduler', () => {
  it('arms one timer for the earliest deadline and no other', async () => {
    const t = await make({
      keys: [
        { id: 'a', expiresInMs: 30 * DAY },
        { id: 'b', expiresInMs: 10 * DAY },
      ],
    });
    expect(t.clock.pending()).toBe(1);
    expect(t.scheduler.armedFor()).toBe(START + 3 * DAY);
    expect(t.warnings()).toEqual([]);
  });

  it('fires a warning at each crossing and re-arms for the next', async () => {
    const t = await make({ keys: [{ id: 'b', expiresInMs: 10 * DAY }] });
    t.clock.advance(3 * DAY);
    await t.scheduler.idle();
    expect(t.warnings()).toEqual([['b', 7 * DAY]]);
    expect(t.scheduler.armedFor()).toBe(START + 9 * DAY);
    t.clock.advance(6 * DAY);
    await t.scheduler.idle();
    t.clock.advance(DAY);
    await t.scheduler.idle();
    expect(t.warnings()).toEqual([
      ['b', 7 * DAY],
      ['b', DAY],
      ['b', 0],
    ]);
    expect(t.clock.pending()).toBe(0);
  });

  it('emits a summary with counts, the next key and per-server counts', async () => {
    const t = await make({
      keys: [
        { id: 'soon', expiresInMs: 2 * DAY },
        { id: 'gone', expiresInMs: -DAY },
        { id: 'far', expiresInMs: 60 * DAY },
      ],
    });
    const summary = t.scheduler.summary();
    expect(summary).toMatchObject({ expiringCount: 1, expiredCount: 1, perServer: { s1: 2 } });
    expect(summary.next).toMatchObject({ keyId: 'soon', serverId: 's1' });
    expect(t.events.some((e) => e.event === 'expiry:summary')).toBe(true);
    expect(t.scheduler.expiring().map((i) => i.key.id)).toEqual(['gone', 'soon']);
  });

  it('repeats no warning after a restart', async () => {
    const first = await make({ keys: [{ id: 'b', expiresInMs: 5 * DAY }] });
    expect(first.warnings()).toEqual([['b', 7 * DAY]]);
    first.scheduler.stop();
    const again = await make({
      clock: first.clock,
      dir: first.dir,
      keys: [{ id: 'b', expiresInMs: 5 * DAY }],
    });
    expect(again.warnings()).toEqual([]);
  });

  it('fires once, the most severe, for crossings missed while the app was closed', async () => {
    const first = await make({ keys: [{ id: 'b', expiresInMs: 10 * DAY }] });
    first.scheduler.stop();
    first.clock.set(START + 10 * DAY + 1);
    const again = await make({
      clock: first.clock,
      dir: first.dir,
      keys: [{ id: 'b', expiresInMs: 10 * DAY }],
    });
    expect(again.warnings()).toEqual([['b', 0]]);
  });

  it('re-arms when the settings change', async () => {
    const t = await make({ keys: [{ id: 'b', expiresInMs: 20 * DAY }] });
    expect(t.scheduler.armedFor()).toBe(START + 13 * DAY);
    // Within the key's last quarter (it lives 50 days), so the new threshold applies as set.
    t.setSettings({ warningThresholdsMs: [10 * DAY] });
    await t.scheduler.rearm();
    expect(t.scheduler.armedFor()).toBe(START + 10 * DAY);
    expect(t.clock.pending()).toBe(1);
  });

  it("warns a short-lived key first when it turns expiring soon, with the tray's count, not at birth", async () => {
    const HOUR = 3_600_000;
    // Made at START for one day: its last quarter is its last 6 hours (the 7-day window caps).
    const t = await make({
      keys: [
        { id: 'day', expiresInMs: DAY, lifetimeMs: DAY },
        { id: 'long', expiresInMs: 60 * DAY, lifetimeMs: 90 * DAY },
      ],
    });
    expect(t.warnings()).toEqual([]);
    expect(t.scheduler.summary().expiringCount).toBe(0);
    expect(t.scheduler.armedFor()).toBe(START + 18 * HOUR);
    t.clock.advance(18 * HOUR - 1);
    await t.scheduler.idle();
    expect(t.warnings()).toEqual([]);
    t.clock.advance(1);
    await t.scheduler.idle();
    // The notification, the key's state and the tray's count turn together.
    expect(t.warnings()).toEqual([['day', 6 * HOUR]]);
    expect(t.scheduler.summary()).toMatchObject({ expiringCount: 1, perServer: { s1: 1 } });
    expect(t.scheduler.expiring().map((i) => i.key.id)).toEqual(['day']);
    t.clock.advance(6 * HOUR);
    await t.scheduler.idle();
    expect(t.warnings()).toEqual([
      ['day', 6 * HOUR],
      ['day', 0],
    ]);
  });

  it('holds back a snoozed key and warns when the snooze ends', async () => {
    const t = await make({ keys: [{ id: 'b', expiresInMs: 3 * DAY, snoozedUntil: START + DAY }] });
    expect(t.warnings()).toEqual([]);
    expect(t.scheduler.armedFor()).toBe(START + DAY);
    t.clock.advance(DAY);
    await t.scheduler.idle();
    expect(t.warnings()).toEqual([['b', 7 * DAY]]);
  });

  it('watches the sign-in session expiry too', async () => {
    const t = await make({ keys: [], session: new Date(START + 12 * 3_600_000).toISOString() });
    const warning = t.events.find((e) => e.event === 'expiry:warning')?.payload;
    expect(warning).toMatchObject({ subject: 'session', keyId: null, thresholdMs: DAY });
  });
});
