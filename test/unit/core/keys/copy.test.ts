import { describe, expect, it } from 'vitest';
import { formatCopy } from '../../../../electron/core/keys/copy-format';
import { setup } from './setup';

const origin = 'https://r.example.com';
const bearer = 'token-abc12:h6dpx2zlv5b4m8wnq7rjc9tgk4s2f6hxlqz8v7bdn5w2kctpr6m9sgj4';
const secret = 'h6dpx2zlv5b4m8wnq7rjc9tgk4s2f6hxlqz8v7bdn5w2kctpr6m9sgj4';

describe('formatCopy', () => {
  it.each([
    ['bearer', bearer],
    ['access_key', 'token-abc12'],
    ['secret_key', secret],
    ['endpoint', `${origin}/v3`],
    ['header', `Authorization: Bearer ${bearer}`],
    ['env_token', `export RANCHER_URL='${origin}'\nexport RANCHER_TOKEN='${bearer}'`],
    ['env_keys', `export RANCHER_ACCESS_KEY='token-abc12'\nexport RANCHER_SECRET_KEY='${secret}'`],
    ['rancher_login', `rancher login '${origin}' --token '${bearer}'`],
  ] as const)('formats %s when asked', (format, expected) => {
    expect(formatCopy(format, { origin, keyId: 'token-abc12', bearer })).toBe(expected);
  });

  it('keeps the ext/ prefix in the access key when the key is an ext token', () => {
    const ext = 'ext/token-abc12:h6dpx2zlv5b4m8wnq7rjc9tgk4s2f6hxlqz8v7bdn5w2kctpr6m9sgj4';
    expect(formatCopy('env_keys', { origin, keyId: 'ext/token-abc12', bearer: ext })).toBe(
      `export RANCHER_ACCESS_KEY='ext/token-abc12'\nexport RANCHER_SECRET_KEY='${secret}'`,
    );
  });

  it.each(['env_token', 'env_keys', 'rancher_login'] as const)(
    'refuses %s when a value holds a control character a terminal would act on',
    (format) => {
      for (const control of ['\n', '\r', '\u001b[201~', '\u0085']) {
        const hostile = `token-abc12:abc${control}def`;
        expect(() => formatCopy(format, { origin, keyId: 'token-abc12', bearer: hostile })).toThrow(
          expect.objectContaining({ code: 'invalid_input' }),
        );
      }
    },
  );
});

describe('keys:copy clipboard handling', () => {
  async function withKey(clipboardClearMs?: number) {
    const t = await setup(clipboardClearMs === undefined ? {} : { settings: { clipboardClearMs } });
    const { key } = await t.keys.create({
      serverId: 's1',
      description: 'c',
      labels: [],
      expiry: { kind: 'max' },
      clusterId: null,
      family: 'v3',
    });
    return { t, key };
  }
  // The clear runs asynchronously after the timer fires: wait for it (bounded) rather than guess.
  const settle = async (done: () => boolean = () => false) => {
    for (let i = 0; i < 50 && !done(); i++) await new Promise((r) => setTimeout(r, 5));
  };

  it('clears the clipboard after the delay when it still holds the copied value', async () => {
    const { t, key } = await withKey();
    const out = await t.keys.copy({ serverId: 's1', keyId: key.id, format: 'bearer' });
    expect(out).toEqual({ format: 'bearer', clearsInMs: 30_000 });
    expect(t.clipboard.current).toMatch(new RegExp(`^${key.id}:`));
    t.clock.advance(29_999);
    await settle();
    expect(t.clipboard.current).not.toBe('');
    t.clock.advance(1);
    await settle(() => t.clipboard.current === '');
    expect(t.clipboard.current).toBe('');
  });

  it('leaves the clipboard alone when the user copied something else meanwhile', async () => {
    const { t, key } = await withKey();
    await t.keys.copy({ serverId: 's1', keyId: key.id, format: 'header' });
    await t.clipboard.writeText('my own text');
    t.clock.advance(30_000);
    await settle();
    expect(t.clipboard.current).toBe('my own text');
  });

  it('leaves non-secret parts (access key, endpoint) on the clipboard', async () => {
    const { t, key } = await withKey();
    for (const format of ['access_key', 'endpoint'] as const) {
      const out = await t.keys.copy({ serverId: 's1', keyId: key.id, format });
      expect(out.clearsInMs).toBe(0);
      const copied = t.clipboard.current;
      t.clock.advance(60_000);
      await settle();
      expect(t.clipboard.current).toBe(copied);
    }
  });

  it('never clears when the setting is 0', async () => {
    const { t, key } = await withKey(0);
    const out = await t.keys.copy({ serverId: 's1', keyId: key.id, format: 'secret_key' });
    expect(out.clearsInMs).toBe(0);
    expect(t.clock.pending()).toBe(0);
  });

  it('copies the sign-in credential from its sign-in item when asked for it', async () => {
    const { t } = await withKey();
    const login = t.rancher.seed({ name: 'token-login' });
    await t.secrets.set('sign-in:https://rancher.example.com', login);
    await t.keys.refresh('s1');
    const view = t.keys.list({ serverId: 's1' }).keys.find((k) => k.id === 'token-login');
    expect(view).toMatchObject({ isSignInCredential: true, hasSecret: true });
    await t.keys.copy({ serverId: 's1', keyId: 'token-login', format: 'bearer' });
    expect(t.clipboard.current).toBe(login);
  });

  it('reports keychain_locked rather than a missing secret when the keyring is locked', async () => {
    const { t, key } = await withKey();
    t.secrets.setStatus({ status: 'locked', reason: 'Locked.', fix: 'Unlock.' });
    await expect(
      t.keys.copy({ serverId: 's1', keyId: key.id, format: 'bearer' }),
    ).rejects.toMatchObject({ code: 'keychain_locked' });
  });
});
