import { describe, expect, it } from 'vitest';
import { isControl } from '../../../electron/core/display-text';
import { createDispatcher, type Handlers } from '../../../electron/core/dispatch';
import { AppFailure } from '../../../electron/core/app-failure';
import { toKeyView } from '../../../electron/core/keys/key-view';
import { keyRecordSchema } from '../../../electron/core/keys/key-records';
import { statusFailure } from '../../../electron/core/rancher/failures';
import { serverView } from '../../../electron/core/servers/server-view';
import { storedServerSchema } from '../../../electron/core/servers/server-store';

// Issue 9, item 7: server text reaches the window without bidi or control characters, so
// `token-\u202Eevil` cannot read as another name and a message cannot reverse our advice.
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
/** Whether `text` still holds a bidi control or a C0/C1 control character. */
const hostile = (text: string) =>
  BIDI.test(text) || [...text].some((c) => isControl(c.codePointAt(0) ?? 0));
const RLO = 'evil\u202E\u0007\u001b[2Jtxt.exe';

describe('key views', () => {
  it('neutralise the name, description, cluster name and labels', () => {
    const record = keyRecordSchema.parse({
      token: {
        family: 'v3',
        name: `token-${RLO}`,
        kind: 'api_key',
        description: `desc ${RLO}\nline two`,
        userId: 'u-1',
        clusterId: 'c-1',
        createdAt: null,
        lastUsedAt: null,
        expiresAt: null,
        ttlMs: null,
        enabled: true,
        expired: false,
      },
      onServer: true,
      labels: [`label ${RLO}`],
    });
    const view = toKeyView(record, {
      now: 0,
      expiringWithinMs: 0,
      signInKeyId: null,
      clusterName: () => `cluster ${RLO}`,
    });
    for (const text of [view.name, view.description, view.clusterName ?? '', ...view.labels]) {
      expect(hostile(text)).toBe(false);
      expect(text).toContain('\ufffd');
    }
    expect(view.description).toBe('desc evil\ufffd\ufffd\ufffd[2Jtxt.exe line two');
  });
});

describe('server views', () => {
  it('neutralise the name, version, user names and the last error message', () => {
    const server = storedServerSchema.parse({
      id: 's-1',
      origin: 'https://rancher.example.com',
      name: `prod ${RLO}`,
      caPem: null,
      fingerprint256: null,
      anchorPem: null,
      timeoutMs: 30_000,
      version: `v2.13.1${RLO}`,
      tokenApis: { v3: true, ext: true },
      maxTtlMs: null,
      maxTtlKnown: false,
      signIn: {
        method: 'password',
        provider: `local${RLO}`,
        user: { id: 'u-1', username: `admin${RLO}`, displayName: `Admin ${RLO}` },
        keyId: 'token-abc',
        expiresAt: null,
        rejected: false,
      },
      addedAt: '2026-01-01T00:00:00.000Z',
    });
    const view = serverView(server, {
      active: true,
      lastError: { code: 'server_error', message: `Rancher said: ${RLO}` },
      now: 0,
      nearExpiryCount: 0,
    });
    const texts = [
      view.name,
      view.version ?? '',
      view.signIn.provider ?? '',
      view.signIn.user?.username ?? '',
      view.signIn.user?.displayName ?? '',
      view.lastError?.message ?? '',
    ];
    for (const text of texts) expect(hostile(text)).toBe(false);
  });
});

describe('error messages', () => {
  const ctx = { origin: 'https://rancher.example.com' };

  it('keep our advice readable: a U+202E in the server part cannot reverse it', () => {
    const body = JSON.stringify({ message: 'denied \u202E.nimda na ksA\u0008\u2066' });
    const { message } = statusFailure(403, body, ctx);
    expect(hostile(message)).toBe(false);
    // Our own advice follows the server's part, unchanged and in logical order.
    expect(message).toMatch(
      /"denied \ufffd\.nimda na ksA\ufffd\ufffd"\. Ask a Rancher administrator/,
    );
  });

  it('are neutralised by the dispatcher whatever built them', async () => {
    const handlers = {
      'servers:list': () => Promise.reject(new AppFailure('server_error', `bad ${RLO}`)),
    } as unknown as Handlers;
    const log = { info() {}, warn() {}, error() {}, debug() {} };
    const dispatch = createDispatcher(handlers, log);
    const result = await dispatch('servers:list', {});
    expect(result.ok).toBe(false);
    if (!result.ok) expect(hostile(result.error.message)).toBe(false);
  });
});
