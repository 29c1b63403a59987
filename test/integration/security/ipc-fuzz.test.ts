import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Channel, Input } from '../../../electron/contract/ipc';
import { channelNames } from '../../../electron/contract/ipc';
import { createManualClock } from '../../bridge/compose';
import { startRig, type Rig } from '../keys/harness';
import { seededRandom, type SeededRandom } from '../../support/seeded-random';

// A bounded, seeded fuzz of every contract channel through the real dispatcher and handlers
// (createCore with the real keychain, signed in to the simulator). Inputs travel as the bridge
// and Electron carry them: parsed from JSON, so `__proto__` arrives as an own property.
const SEED = 0x1dc0_0009;
const ROUNDS = 1_000;
const CALL_TIMEOUT_MS = 10_000;

interface Known {
  serverId: string;
  keyIds: string[];
}

const prototypeNames = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'isPrototypeOf',
  '__defineGetter__',
  'toLocaleString',
];

/** A valid input per channel, so mutations reach past the schema into the handlers. */
const templates: { [C in Channel]: (k: Known) => Input<C> } = {
  'app:info': () => ({}),
  'app:showLogFile': () => ({}),
  'app:ready': () => ({}),
  'app:start': () => ({}),
  'settings:get': () => ({}),
  'settings:set': () => ({ clipboardClearMs: 45_000 }),
  'servers:list': () => ({}),
  'servers:add': () => ({
    url: 'http://127.0.0.1:9',
    name: 'nobody listens here',
    timeoutMs: 1_000,
  }),
  'servers:update': (k) => ({ id: k.serverId, name: 'Renamed' }),
  // Destructive channels point at an id that does not exist; mutations may still find real ones.
  'servers:remove': () => ({ id: 'srv-decoy' }),
  'servers:switch': (k) => ({ id: k.serverId }),
  'servers:providers': (k) => ({ serverId: k.serverId }),
  'servers:clusters': (k) => ({ serverId: k.serverId }),
  'auth:signIn': (k) => ({
    serverId: k.serverId,
    method: 'api_key',
    token: 'token-zzzzz:not-a-secret',
  }),
  'auth:signOut': () => ({ serverId: 'srv-decoy' }),
  'auth:methods': (k) => ({ serverId: k.serverId }),
  'auth:ssoStart': (k) => ({ serverId: k.serverId, kind: 'saml_relay', provider: 'okta' }),
  'auth:ssoOpenBrowser': () => ({ flowId: 'sso-decoy' }),
  'auth:ssoCopyCode': () => ({ flowId: 'sso-decoy' }),
  'auth:ssoWait': () => ({ flowId: 'sso-decoy' }),
  'auth:ssoCancel': () => ({ flowId: 'sso-decoy' }),
  'keys:list': (k) => ({ serverId: k.serverId, includeSystem: true }),
  'keys:refresh': (k) => ({ serverId: k.serverId }),
  'keys:expiring': () => ({}),
  'keys:create': (k) => ({ serverId: k.serverId, description: 'fuzz', expiry: { kind: 'max' } }),
  'keys:import': (k) => ({ serverId: k.serverId, bearer: `token-zzzzz:${'b'.repeat(54)}` }),
  'keys:setLabels': (k) => ({ serverId: k.serverId, keyId: k.keyIds[0]!, labels: ['fuzz'] }),
  'labels:rename': (k) => ({ serverId: k.serverId, from: 'fuzz', to: 'fuzzed' }),
  'keys:renew': (k) => ({ serverId: k.serverId, keyId: 'token-zzzzz' }),
  'keys:update': (k) => ({ serverId: k.serverId, keyId: k.keyIds[1]!, description: 'updated' }),
  'keys:delete': (k) => ({ serverId: k.serverId, keyIds: ['token-zzzzz'] }),
  'keys:copy': (k) => ({ serverId: k.serverId, keyId: k.keyIds[0]!, format: 'env_keys' }),
  'keys:setDefault': (k) => ({ serverId: k.serverId, keyId: k.keyIds[0]!, isDefault: true }),
  'keys:snooze': (k) => ({ serverId: k.serverId, keyId: k.keyIds[0]!, until: null }),
  'expiry:summary': () => ({}),
  'hygiene:scan': (k) => ({ serverId: k.serverId }),
  'hygiene:members': (k) => ({ serverId: k.serverId, group: 'expired' }),
  'hygiene:preview': (k) => ({ serverId: k.serverId, groups: ['expired'] }),
  'hygiene:revoke': (k) => ({
    jobId: 'fuzz-job-1',
    targets: [{ serverId: k.serverId, keyIds: ['token-zzzzz'] }],
  }),
  'hygiene:cancel': () => ({ jobId: 'fuzz-job-1' }),
  'activity:list': (k) => ({ serverId: k.serverId, limit: 10 }),
  'activity:export': () => ({ format: 'json' }),
  'kubectl:kubeconfig': (k) => ({ serverId: k.serverId, keyId: k.keyIds[0]!, clusterId: 'local' }),
  'cli:status': () => ({}),
  'cli:install': () => ({}),
  'plaintext:scan': () => ({ addedFileIds: [] }),
  'plaintext:addFile': () => ({}),
  'plaintext:import': () => ({ jobId: 'fuzz-job-2', scanId: 'scan-decoy', findingIds: ['f-x:0'] }),
  'plaintext:cancel': () => ({ jobId: 'fuzz-job-2' }),
  'plaintext:rewritePreview': () => ({ scanId: 'scan-decoy', fileId: 'f-decoy' }),
  'plaintext:rewrite': () => ({ scanId: 'scan-decoy', fileId: 'f-decoy' }),
  'plaintext:undo': () => ({ rewriteId: 'rw-decoy' }),
  'keys:whereUsed': (k) => ({ serverId: k.serverId, keyId: k.keyIds[0]! }),
  'plaintext:updatePlaces': (k) => ({ serverId: k.serverId, keyId: k.keyIds[0]! }),
};

function nest(depth: number, leaf: unknown, random: SeededRandom): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = random.next() < 0.5 ? [value] : { a: value };
  return value;
}

/** One hostile value: prototype names, huge or odd strings, non-finite numbers, wrong types, depth. */
function hostile(random: SeededRandom, k: Known): unknown {
  const pick = random.int(14);
  switch (pick) {
    case 0:
    case 1:
      return random.pick(prototypeNames);
    case 2:
      return random.pick(['a'.repeat(1_000_000), '\u202e'.repeat(100_000), 'x'.repeat(301)]);
    case 3:
      return random.pick([NaN, Infinity, -Infinity, -0, 1e308, 2 ** 53 + 2, -1, 0.5]);
    case 4:
      return random.pick([null, undefined, true, false, 0, '', [], {}]);
    case 5:
      return nest(random.pick([10, 300, 1_500]), random.pick(prototypeNames), random);
    case 6:
      return JSON.parse(
        '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}',
      );
    case 7:
      return random.pick([
        '\u0000',
        'a\nb',
        '\u001b[31m',
        'token-\u202eevil',
        '../../etc/passwd',
        '%2e%2e',
        'ext/.',
        '.',
      ]);
    case 8:
      return random.pick([...k.keyIds, 'ext/__proto__', 'ext/constructor']);
    case 9:
      return [random.pick(prototypeNames), random.pick(k.keyIds)];
    case 10:
      return { toString: 'x', valueOf: 1, then: 'not a promise' };
    case 11:
      return random.pick([
        '2026-01-01T00:00:00Z',
        '9999-12-31T23:59:59Z',
        'not a date',
        '1970-01-01T00:00:00.000Z',
      ]);
    case 12:
      return random.pick([
        'http://127.0.0.1:9',
        'javascript:alert(1)',
        'file:///etc/passwd',
        'https://[::1]:0',
      ]);
    default:
      return random.pick(['token-zzzzz', 'srv-decoy', 'fuzz', 'v3', 'ext', 'bearer', 'max']);
  }
}

/** A fresh object whose fields go through JSON like IPC input does (own `__proto__` kept). */
function viaJson(value: unknown): unknown {
  const text = JSON.stringify(value, (_key, v: unknown) =>
    typeof v === 'number' && !Number.isFinite(v) ? `__num:${String(v)}` : v,
  );
  if (text === undefined) return undefined;
  return JSON.parse(text, (_key, v: unknown) =>
    typeof v === 'string' && v.startsWith('__num:') ? Number(v.slice(6)) : v,
  );
}

function mutate(channel: Channel, random: SeededRandom, k: Known): unknown {
  const template = templates[channel](k) as Record<string, unknown>;
  const mode = random.int(4);
  if (mode === 0) return hostile(random, k);
  const fields = Object.keys(template);
  const input = JSON.parse(JSON.stringify(template)) as Record<string, unknown>;
  if (mode === 1 || fields.length === 0) {
    // An extra or a prototype-named field, set as an own property.
    Object.defineProperty(input, random.pick([...prototypeNames, 'extra']), {
      value: hostile(random, k),
      enumerable: true,
      writable: true,
      configurable: true,
    });
    return input;
  }
  const field = random.pick(fields);
  input[field] = mode === 2 ? random.pick(prototypeNames) : hostile(random, k);
  return input;
}

let rig: Rig;
let known: Known;

async function snapshot(): Promise<string> {
  const results = await Promise.all([
    rig.t.dispatch('servers:list', {}),
    rig.t.dispatch('keys:list', { serverId: known.serverId, includeSystem: true }),
    rig.t.dispatch('settings:get', {}),
  ]);
  return JSON.stringify([...results, rig.t.clipboard.current]);
}

beforeAll(async () => {
  rig = await startRig({ version: '2.13', core: { clock: createManualClock(Date.now()) } });
  const v3 = await rig.call('keys:create', {
    serverId: rig.serverId,
    description: 'a',
    expiry: { kind: 'max' },
  });
  const ext = await rig.call('keys:create', {
    serverId: rig.serverId,
    description: 'b',
    expiry: { kind: 'max' },
    family: 'ext',
  });
  known = { serverId: rig.serverId, keyIds: [v3.key.id, ext.key.id] };
}, 60_000);
afterAll(async () => {
  await rig.close();
});

describe('every contract channel under hostile input', () => {
  it('answers each call with a result, never internal, and rejected input changes nothing', async () => {
    const random = seededRandom(SEED);
    const failures: string[] = [];
    let before = await snapshot();
    for (let round = 0; round < ROUNDS && failures.length < 5; round++) {
      const channel = random.pick(channelNames);
      const input = viaJson(mutate(channel, random, known));
      const result = await Promise.race([
        rig.t.dispatch(channel, input),
        new Promise<'hang'>((resolve) => setTimeout(() => resolve('hang'), CALL_TIMEOUT_MS)),
      ]);
      const shown = JSON.stringify(input)?.slice(0, 160);
      if (result === 'hang') {
        failures.push(`round ${round}: ${channel} hung on ${shown}`);
        continue;
      }
      if (typeof result !== 'object' || result === null || typeof result.ok !== 'boolean') {
        failures.push(`round ${round}: ${channel} answered without a result on ${shown}`);
        continue;
      }
      if (result.ok) {
        before = await snapshot();
        continue;
      }
      if (result.error.code === 'internal') {
        failures.push(`round ${round}: ${channel} answered internal on ${shown}`);
      }
      const after = await snapshot();
      if (after !== before)
        failures.push(`round ${round}: rejected ${channel} changed state on ${shown}`);
      before = after;
    }
    expect({ seed: SEED, failures }).toEqual({ seed: SEED, failures: [] });
    const list = await rig.t.dispatch('keys:list', { serverId: known.serverId });
    expect(list).toMatchObject({ ok: true });
  }, 120_000);

  it.each(prototypeNames)(
    'treats key id %s like any unknown id on every key channel',
    async (id) => {
      const k = known;
      const listed = async () => {
        const list = await rig.t.dispatch('keys:list', { serverId: k.serverId });
        expect(list).toMatchObject({ ok: true });
        return list.ok ? JSON.stringify(list.value) : '';
      };
      const before = await listed();
      const calls: Array<[Channel, unknown]> = [
        ['keys:snooze', { serverId: k.serverId, keyId: id, until: null }],
        ['keys:setLabels', { serverId: k.serverId, keyId: id, labels: ['x'] }],
        ['keys:copy', { serverId: k.serverId, keyId: id, format: 'bearer' }],
        ['keys:update', { serverId: k.serverId, keyId: id, description: 'x' }],
        ['keys:renew', { serverId: k.serverId, keyId: id }],
        ['keys:setDefault', { serverId: k.serverId, keyId: id, isDefault: true }],
        ['servers:switch', { id }],
        ['servers:remove', { id }],
        ['keys:refresh', { serverId: id }],
        ['keys:list', { serverId: id }],
      ];
      for (const [channel, input] of calls) {
        const result = await rig.t.dispatch(channel, viaJson(input));
        const code = result.ok ? 'ok' : result.error.code;
        const expected = code === 'not_found' || code === 'invalid_input';
        expect({ channel, code, expected }).toEqual({ channel, code, expected: true });
      }
      const deleted = await rig.t.dispatch(
        'keys:delete',
        viaJson({ serverId: k.serverId, keyIds: [id] }),
      );
      expect(deleted).toMatchObject({
        ok: true,
        value: { results: [{ keyId: id, outcome: 'already_gone' }] },
      });
      expect(await listed()).toBe(before);
    },
  );
});
