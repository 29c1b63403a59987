import { describe, expect, it } from 'vitest';
import {
  isAccountKeyId,
  keyAccount,
  legacySignInAccount,
  parseAccount,
  proxyAccount,
  signInAccount,
} from '../../../../electron/core/vault/keychain-accounts';
import { setup } from '../keys/setup';

const ORIGIN = 'https://rancher.example.com';

describe('keychain accounts', () => {
  it('names a key <origin>/<key id> and a sign-in sign-in:<origin> when both parts are valid', () => {
    expect(keyAccount(ORIGIN, 'token-abc12')).toBe(`${ORIGIN}/token-abc12`);
    expect(keyAccount('http://127.0.0.1:8080', 'ext/token-abc12')).toBe(
      'http://127.0.0.1:8080/ext/token-abc12',
    );
    expect(signInAccount(ORIGIN)).toBe(`sign-in:${ORIGIN}`);
  });

  it('refuses key ids outside Rancher token-name shape when an account is built', () => {
    for (const bad of [
      '@login',
      '',
      '.',
      '..',
      'ext/.',
      'ext/',
      'Token-ABC',
      'token/abc',
      'token-abc-',
      'a'.repeat(254),
      '__proto__',
      'token\u202eabc',
      'sign-in:https://x',
    ]) {
      expect(() => keyAccount(ORIGIN, bad), bad).toThrow(/token-name shape/);
    }
  });

  it('refuses anything but a bare http(s) origin when an account is built', () => {
    for (const bad of [
      'rancher.example.com',
      'https://rancher.example.com/',
      'https://rancher.example.com/v3',
      'ftp://rancher.example.com',
      'HTTPS://Rancher.example.com',
      'https://user:pw@rancher.example.com',
      'sign-in:https://rancher.example.com',
    ]) {
      expect(() => keyAccount(bad, 'token-abc12'), bad).toThrow(/origin/);
      expect(() => signInAccount(bad), bad).toThrow(/origin/);
    }
  });

  it('keeps the sign-in namespace out of reach of every key name when random names are tried', () => {
    const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789.-/@:_ ';
    let seed = 42;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const signIn = signInAccount(ORIGIN);
    let built = 0;
    for (let i = 0; i < 5000; i++) {
      const length = 1 + Math.floor(random() * 20);
      let name = '';
      for (let j = 0; j < length; j++) name += alphabet[Math.floor(random() * alphabet.length)];
      for (const candidate of [name, `ext/${name}`, `token-${name}`]) {
        if (!isAccountKeyId(candidate)) continue;
        const account = keyAccount(ORIGIN, candidate);
        built++;
        expect(account).not.toBe(signIn);
        expect(account).not.toBe(proxyAccount(ORIGIN));
        expect(account).not.toBe(legacySignInAccount(ORIGIN));
        expect(parseAccount(account)).toEqual({ kind: 'key', origin: ORIGIN, keyId: candidate });
      }
    }
    expect(built).toBeGreaterThan(1000);
  });

  it('reads accounts back and ignores ones it did not build', () => {
    expect(parseAccount(`sign-in:${ORIGIN}`)).toEqual({ kind: 'sign-in', origin: ORIGIN });
    expect(parseAccount(proxyAccount(ORIGIN))).toEqual({ kind: 'proxy', origin: ORIGIN });
    expect(parseAccount(`${ORIGIN}/ext/token-abc12`)).toEqual({
      kind: 'key',
      origin: ORIGIN,
      keyId: 'ext/token-abc12',
    });
    expect(parseAccount(`${ORIGIN}/@login`)).toBeNull();
    expect(parseAccount('probe/123/456')).toBeNull();
    expect(parseAccount('sign-in:not an origin')).toBeNull();
  });
});

describe('a hostile create answer named @login', () => {
  it('cannot overwrite the sign-in credential when the server answers a create with that name', async () => {
    const t = await setup();
    const signIn = `token-login:${'s'.repeat(40)}`;
    await t.secrets.set(signInAccount(ORIGIN), signIn);
    const honest = t.rancher.servers.clientFor.bind(t.rancher.servers);
    t.rancher.servers.clientFor = (id) => {
      const client = honest(id);
      return {
        ...client,
        async createToken(input) {
          const created = await client.createToken(input);
          return {
            token: { ...created.token, name: '@login' },
            bearer: `@login:${'e'.repeat(40)}`,
          };
        },
      };
    };
    await expect(
      t.keys.create({
        serverId: 's1',
        family: 'v3',
        description: 'hostile',
        labels: [],
        clusterId: null,
        expiry: { kind: 'duration', ms: 86_400_000 },
      }),
      // The create answer is refused before any account is built (keys/created-key-check.ts).
    ).rejects.toMatchObject({ code: 'server_error' });
    expect(t.secrets.snapshot()).toEqual(new Map([[signInAccount(ORIGIN), signIn]]));
  });
});
