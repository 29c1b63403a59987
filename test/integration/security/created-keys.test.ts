import { afterEach, describe, expect, it } from 'vitest';
import { TOKEN_ALPHABET } from '../../rancher-sim';
import { startRig, type Rig } from '../keys/harness';
import { startHostileFront, type FrontRequest, type FrontResponse } from './hostile-front';

// Issue 9, class 1: a create answer (v3 and ext) is stored only when its name has the shape
// Rancher issues, its secret Rancher's alphabet and length, its bearer names that key, its owner
// is the signed-in user and no key of that name is held. Otherwise nothing is stored, the token
// created is revoked where that is safe, and the error says what was wrong.

type Body = Record<string, unknown> & {
  metadata?: Record<string, unknown>;
  spec?: Record<string, unknown>;
  status?: Record<string, unknown>;
};
type Edit = (body: Body, rig: Rig) => void;

const V3 = '/v3/tokens';
const EXT = '/apis/ext.cattle.io/v1/tokens';
const secretOf = (bearer: string) => bearer.slice(bearer.lastIndexOf(':') + 1);
const freshSecret = () => TOKEN_ALPHABET.repeat(2).slice(0, 54);

/** Every keychain item of the test's service, account → secret. */
async function keychain(rig: Rig): Promise<Map<string, string | null>> {
  const out = new Map<string, string | null>();
  for (const account of await rig.t.secrets.accounts())
    out.set(account, await rig.t.secrets.get(account));
  return out;
}

describe('create answers', () => {
  let rig: Rig;
  let edit: { path: string; edit: Edit } | null = null;
  afterEach(async () => {
    edit = null;
    await rig.close();
  });

  async function start(): Promise<Rig> {
    rig = await startRig({
      version: '2.13',
      via: (sim) =>
        startHostileFront({
          target: sim.origin,
          rewrite(req: FrontRequest, res: FrontResponse) {
            if (!edit || req.method !== 'POST' || req.path !== edit.path || res.status >= 300)
              return;
            const body = JSON.parse(res.body) as Body;
            edit.edit(body, rig);
            res.body = JSON.stringify(body);
          },
        }),
    });
    return rig;
  }

  /** Creates a key through the front with `change` applied to the answer; expects a refusal. */
  async function refused(family: 'v3' | 'ext', change: Edit) {
    const before = await keychain(rig);
    const tokensBefore = new Set([
      ...rig.sim.state.tokens.keys(),
      ...rig.sim.state.extTokens.keys(),
    ]);
    edit = { path: family === 'v3' ? V3 : EXT, edit: change };
    const error = await rig.fail('keys:create', {
      serverId: rig.serverId,
      family,
      description: 'hostile',
      labels: [],
      expiry: { kind: 'max' },
      clusterId: null,
    });
    const created = [...rig.sim.state.tokens.values(), ...rig.sim.state.extTokens.values()].filter(
      (t) => !tokensBefore.has(t.name),
    );
    const { keys } = await rig.call('keys:list', { serverId: rig.serverId });
    expect(keys.some((k) => k.description === 'hostile' && k.hasSecret)).toBe(false);
    expect(await keychain(rig)).toEqual(before);
    expect(error.code).toBe('server_error');
    expect(error.message).toMatch(/Nothing was stored/);
    return { error, created };
  }

  it('refuses a v3 answer whose name is not the name in its bearer, and revokes the key', async () => {
    await start();
    const { error, created } = await refused('v3', (body) => {
      body.name = 'token-zzzzz';
    });
    expect(error.message).toMatch(/access key is not the name/);
    expect(created).toEqual([]);
  });

  it('refuses a v3 answer owned by another user, and revokes the key', async () => {
    await start();
    const { error, created } = await refused('v3', (body) => {
      body.userId = 'u-other';
    });
    expect(error.message).toMatch(/another user/);
    expect(created).toEqual([]);
  });

  it('refuses a v3 answer whose secret is not Rancher-shaped, and revokes the key', async () => {
    await start();
    const { error, created } = await refused('v3', (body) => {
      body.token = `${String(body.name)}:$(touch /tmp/pwned)`;
    });
    expect(error.message).toMatch(/secret that is not Rancher's shape/);
    expect(created).toEqual([]);
  });

  it('refuses a v3 answer whose name is not the shape Rancher issues', async () => {
    await start();
    const { error } = await refused('v3', (body) => {
      body.name = 'kubeconfig-u-x';
      body.token = `kubeconfig-u-x:${freshSecret()}`;
    });
    expect(error.message).toMatch(/not the shape Rancher gives new keys/);
  });

  it('never overwrites a key it holds when an answer reuses its name', async () => {
    await start();
    const held = await rig.call('keys:create', {
      serverId: rig.serverId,
      family: 'v3',
      description: 'held',
      labels: [],
      expiry: { kind: 'max' },
      clusterId: null,
    });
    const { error } = await refused('v3', (body) => {
      body.name = held.key.name;
      body.token = `${held.key.name}:${freshSecret()}`;
    });
    expect(error.message).toMatch(/already holds/);
    // The held key is still on the server: the refusal never revokes a key the app holds.
    expect(rig.sim.state.tokens.has(held.key.name)).toBe(true);
    expect(secretOf(rig.sim.state.tokens.get(held.key.name)!.secret)).not.toBe(freshSecret());
  });

  it('refuses an ext answer whose name is not the one in its bearer, and revokes the key', async () => {
    await start();
    const { error, created } = await refused('ext', (body) => {
      body.metadata = { ...body.metadata, name: 'token-zzzzz' };
    });
    expect(error.message).toMatch(/access key is not the name/);
    expect(created).toEqual([]);
  });

  it('refuses an ext answer owned by another user', async () => {
    await start();
    const { error, created } = await refused('ext', (body) => {
      body.spec = { ...body.spec, userID: 'u-other' };
    });
    expect(error.message).toMatch(/another user/);
    expect(created).toEqual([]);
  });

  it('still stores an honest answer', async () => {
    await start();
    const out = await rig.call('keys:create', {
      serverId: rig.serverId,
      family: 'ext',
      description: 'honest',
      labels: [],
      expiry: { kind: 'max' },
      clusterId: null,
    });
    expect(out.key.hasSecret).toBe(true);
  });
});
