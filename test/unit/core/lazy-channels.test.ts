import { describe, expect, it } from 'vitest';
import {
  allChannels,
  allEvents,
  channelGroups,
  channelNames,
  channels,
  channelSchema,
  eventNames,
  type ChannelSchema,
} from '../../../electron/contract/ipc';
import type { Channel } from '../../../electron/contract/names';
import { AppFailure } from '../../../electron/core/app-failure';
import { createDispatcher, type Handlers } from '../../../electron/core/dispatch';
import { createMemoryLogger } from '../../../electron/core/log';

/**
 * The channel groups start does not use get their schemas on first use (contract/ipc.ts): the
 * dispatcher must still parse every input and output of them with exactly those schemas.
 */
const lazyNames = channelGroups.flatMap((g) => [...g.names]);

/** Handlers that record what they were given and fail: the dispatcher is under test. */
function recordingHandlers() {
  const received: Array<[Channel, unknown]> = [];
  const handlers = Object.fromEntries(
    channelNames.map((c) => [
      c,
      (input: unknown) => {
        received.push([c, input]);
        return Promise.reject(new AppFailure('internal', 'stub'));
      },
    ]),
  ) as unknown as Handlers;
  return { received, handlers };
}

/** What the dispatcher sends for a refused input: zod's first issue, naming its field. */
function refusal(schema: ChannelSchema, input: unknown): string | null {
  const parsed = schema.input.safeParse(input ?? {});
  if (parsed.success) return null;
  const first = parsed.error.issues[0]!;
  const field = first.path.map(String).join('.');
  return field ? `${field}: ${first.message}` : first.message;
}

// Hostile and near-valid inputs, as IPC carries them (parsed JSON: `__proto__` is an own key).
const inputs: unknown[] = [
  undefined,
  null,
  {},
  [],
  'auth:methods',
  42,
  { serverId: 5 },
  { serverId: '' },
  { serverId: 'srv-1' },
  { serverId: 'srv-1', extra: true },
  { flowId: 7 },
  { flowId: 'sso-1' },
  { jobId: null },
  { jobId: 'job-1' },
  { serverId: 'srv-1', keyId: 'k', clusterId: 'c' },
  { serverId: 'srv-1', keyId: 'x'.repeat(301), clusterId: 'c' },
  { limit: -1 },
  { format: 'csv' },
  { format: 'exe' },
  JSON.parse('{"__proto__": {"serverId": "srv-1"}}'),
  JSON.parse('{"serverId": "srv-1", "__proto__": null}'),
];

describe('lazily built channel groups', () => {
  it('cover exactly the channels not built at load, each group with its own names', async () => {
    expect([...Object.keys(channels), ...lazyNames].sort()).toEqual([...channelNames].sort());
    expect(Object.keys(await allChannels()).sort()).toEqual([...channelNames].sort());
    expect(Object.keys(await allEvents()).sort()).toEqual([...eventNames].sort());
    for (const group of channelGroups) {
      const loaded = await group.load();
      expect(Object.keys(loaded.channels).sort()).toEqual([...group.names].sort());
    }
  });

  it('gives the eager schemas at once and a group schema once its group is loaded', async () => {
    expect(channelSchema('keys:list')).toBe(channels['keys:list']);
    const all = await allChannels();
    for (const name of lazyNames) expect(await channelSchema(name)).toBe(all[name]);
  });

  // The dispatcher parses inputs on zod's plain path (core/one-off-parse.ts); the expected
  // answers here come from zod's default, compiled path: both must agree on every input.
  it('refuses every bad input of every channel exactly as its schema does', async () => {
    const all = await allChannels();
    let refused = 0;
    let passed = 0;
    for (const name of channelNames) {
      const { received, handlers } = recordingHandlers();
      const dispatch = createDispatcher(handlers, createMemoryLogger());
      for (const input of inputs) {
        const schema = all[name] as ChannelSchema;
        const expected = refusal(schema, input);
        const result = await dispatch(name, input);
        if (expected !== null) {
          refused++;
          expect(result, `${name} ${JSON.stringify(input)}`).toEqual({
            ok: false,
            error: { code: 'invalid_input', message: expected },
          });
          expect(received).toEqual([]);
        } else {
          passed++;
          // Reached the handler with the schema's parse (defaults applied, unknown keys stripped).
          expect(received.pop()).toEqual([name, schema.input.parse(input ?? {})]);
          expect(result).toEqual({ ok: false, error: { code: 'internal', message: 'stub' } });
        }
      }
    }
    expect(refused).toBeGreaterThan(channelNames.length * 10);
    expect(passed).toBeGreaterThan(5);
  });

  it('parses a lazy channel output with its schema: extra fields stripped, a bad one refused', async () => {
    const { handlers } = recordingHandlers();
    const status = { available: true, link: null, installed: false, onPath: false, reason: null };
    let answer: unknown = { ...status, secret: 'token-abc:xyz' };
    const dispatch = createDispatcher(
      { ...handlers, 'cli:status': async () => answer as never },
      createMemoryLogger(),
    );
    // Both calls start before the group is loaded: one load serves both.
    const [first, second] = await Promise.all([
      dispatch('cli:status', {}),
      dispatch('cli:status', {}),
    ]);
    expect(first).toEqual({ ok: true, value: status });
    expect(second).toEqual(first);
    answer = { ...status, available: 'yes' };
    const bad = await dispatch('cli:status', {});
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.code).toBe('internal');
  });
});
