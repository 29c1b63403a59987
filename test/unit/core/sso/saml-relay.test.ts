import { constants, createPublicKey, generateKeyPairSync, publicEncrypt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../../../electron/core/app-failure';
import { createMemoryLogger } from '../../../../electron/core/log';
import type { RancherClient } from '../../../../electron/core/rancher/rancher-client';
import {
  decryptRelayToken,
  goPublicKeyParam,
  newRequestId,
  startSamlRelay,
} from '../../../../electron/core/sso/saml-relay';
import { defaultSsoTiming, type FlowEnv } from '../../../../electron/core/sso/flow-types';
import type { IdpHttp } from '../../../../electron/core/sso/idp-http';

const BEARER = `kubeconfig-u-abc12xyz9q:${'b'.repeat(54)}`;

/** Parses the publicKey parameter the way Go's json.Unmarshal into rsa.PublicKey needs it. */
function readGoKey(param: string): { n: bigint; e: number } {
  const json = Buffer.from(param, 'base64').toString('utf8');
  const match = /^\{"N":(\d+),"E":(\d+)\}$/.exec(json);
  if (!match) throw new Error(`not Go's rsa.PublicKey JSON: ${json}`);
  return { n: BigInt(match[1]!), e: Number(match[2]) };
}

function encryptFor(param: string, text: string): string {
  const { n, e } = readGoKey(param);
  const hex = n.toString(16);
  const key = createPublicKey({
    format: 'jwk',
    key: {
      kty: 'RSA',
      n: Buffer.from(hex.length % 2 ? `0${hex}` : hex, 'hex').toString('base64url'),
      e: Buffer.from([1, 0, 1]).toString('base64url'),
    },
  });
  expect(e).toBe(65537);
  return publicEncrypt(
    { key, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' },
    Buffer.from(text),
  ).toString('base64');
}

/** Stands in for the server's public endpoints: the relay token appears after `pendingPolls`. */
function relayServer(pendingPolls: number) {
  const calls: string[] = [];
  let polls = 0;
  let param = '';
  const client = {
    sso: {
      authToken: async (id: string) => {
        calls.push(`GET ${id}`);
        polls++;
        if (polls <= pendingPolls) return null;
        return { token: encryptFor(param, BEARER), expiresAt: '2030-01-01T00:00:00Z' };
      },
      deleteAuthToken: async (id: string) => {
        calls.push(`DELETE ${id}`);
      },
    },
  } as unknown as RancherClient;
  return {
    client,
    calls,
    setParam: (p: string) => (param = p),
  };
}

function env(client: RancherClient, opened: string[], now: () => number): FlowEnv {
  return {
    origin: 'https://rancher.example.com',
    provider: { id: 'okta', type: 'oktaProvider' },
    client,
    browser: { open: async (url) => void opened.push(url) },
    embedded: null,
    idp: {} as IdpHttp,
    signal: new AbortController().signal,
    timing: { ...defaultSsoTiming, samlIntervalMs: 1, samlDeadlineMs: 60_000 },
    now,
    log: createMemoryLogger(),
  };
}

describe('SAML relay', () => {
  it('makes 32-character lowercase request ids from the CLI alphabet', () => {
    const ids = new Set(Array.from({ length: 50 }, newRequestId));
    expect(ids.size).toBe(50);
    for (const id of ids) expect(id).toMatch(/^[abcdfghjklmnpqrstvwxz12456789]{32}$/);
  });

  it('sends the public key as Go marshals rsa.PublicKey (N unquoted decimal) and decrypts RSA-OAEP-SHA256', () => {
    const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const param = goPublicKeyParam(publicKey);
    expect(readGoKey(param).n.toString(2)).toHaveLength(2048);
    expect(decryptRelayToken(privateKey, encryptFor(param, 'name:secret'))).toBe('name:secret');
  });

  it('refuses a token encrypted for another key with a one-sentence server_error', () => {
    const mine = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const foreign = encryptFor(goPublicKeyParam(other.publicKey), 'name:secret');
    expect(() => decryptRelayToken(mine.privateKey, foreign)).toThrow(/not made for this request/);
  });

  it('opens the dashboard CLI page, polls until the token is there, decrypts it and deletes it', async () => {
    const server = relayServer(2);
    const opened: string[] = [];
    const flow = await startSamlRelay(env(server.client, opened, () => 0));
    const page = new URL(opened[0]!);
    expect(page.origin + page.pathname).toBe('https://rancher.example.com/dashboard/auth/login');
    expect(page.searchParams.get('cli')).toBe('true');
    expect(page.searchParams.get('responseType')).toBe('kubeconfig');
    expect(page.searchParams.get('requestId')).toBe(
      flow.prompt.kind === 'saml_relay' ? flow.prompt.requestId : '',
    );
    server.setParam(page.searchParams.get('publicKey')!);
    const states: string[] = [];
    const obtained = await flow.complete({
      signal: new AbortController().signal,
      progress: (s) => states.push(s),
    });
    expect(obtained).toEqual({ bearer: BEARER, expiresAt: '2030-01-01T00:00:00Z' });
    const id = page.searchParams.get('requestId')!;
    expect(server.calls).toEqual([`GET ${id}`, `GET ${id}`, `GET ${id}`, `DELETE ${id}`]);
    expect(states).toEqual(['waiting', 'exchanging']);
  });

  it('gives up at the deadline with a timeout that says to check the request id', async () => {
    const server = relayServer(Number.POSITIVE_INFINITY);
    let now = 0;
    const flow = await startSamlRelay(env(server.client, [], () => (now += 20_000)));
    const failure = await flow
      .complete({ signal: new AbortController().signal, progress: () => undefined })
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(AppFailure);
    expect((failure as AppFailure).code).toBe('timeout');
    expect((failure as AppFailure).message).toMatch(/request id/);
  });

  it('stops polling at once when cancelled', async () => {
    const server = relayServer(Number.POSITIVE_INFINITY);
    const flow = await startSamlRelay({
      ...env(server.client, [], () => 0),
      timing: { ...defaultSsoTiming, samlIntervalMs: 60_000 },
    });
    const controller = new AbortController();
    const done = flow.complete({ signal: controller.signal, progress: () => undefined });
    controller.abort(new AppFailure('conflict', 'cancelled'));
    await expect(done).rejects.toThrow('cancelled');
    expect(server.calls).toEqual([]);
  });
});
