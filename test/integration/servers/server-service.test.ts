import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../../electron/core/log';
import { systemClock, type Clock } from '../../../electron/core/ports';
import { createServerService } from '../../../electron/core/servers/create-server-service';
import type { ServerService } from '../../../electron/core/servers/server-service';
import { createMetadataStore } from '../../../electron/core/vault/metadata-store';
import {
  createManualClock,
  startRancherSim,
  type RancherSim,
  type SimClock,
} from '../../rancher-sim';
import { failure } from '../../support/failure';
import { testKeychain } from '../../support/test-keychain';

const { secrets, lookup, clear } = testKeychain();

afterAll(clear);

describe('createServerService', () => {
  let dir: string;
  let simClock: SimClock;
  let clock: Clock;
  let servers: ServerService;
  const sims: RancherSim[] = [];

  const build = () =>
    createServerService({
      metadata: createMetadataStore({ dir, log: createMemoryLogger() }),
      secrets,
      clock,
      log: createMemoryLogger(),
      appVersion: 'test',
      nearExpiryCount: () => 0,
    });
  const sim = async (options: Parameters<typeof startRancherSim>[0] = {}) => {
    const s = await startRancherSim({ clock: simClock, ...options });
    sims.push(s);
    return s;
  };

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'rk-servers-'));
    simClock = createManualClock(Date.now());
    clock = {
      now: () => simClock.now(),
      setTimer: (callback, ms) => systemClock.setTimer(callback, ms),
    };
    servers = build();
    await servers.load();
  });
  afterEach(async () => {
    await Promise.all(sims.splice(0).map((s) => s.close()));
    await rm(dir, { recursive: true, force: true });
  });

  it('adds a server by a sloppy URL, probes it, makes it active and persists it when it is the first', async () => {
    const rancher = await sim({ version: '2.12' });
    const added = await servers.add({ url: `${rancher.origin}/dashboard/home`, name: 'Lab' });
    expect(added).toMatchObject({
      origin: rancher.origin,
      name: 'Lab',
      active: true,
      version: 'v2.12.3',
      tokenApis: { v3: true, ext: true },
      signIn: { state: 'signed_out' },
      health: 'sign_in_needed',
    });
    const second = await servers.add({ url: (await sim({ version: '2.8' })).origin });
    expect(second).toMatchObject({ active: false, tokenApis: { v3: true, ext: false } });
    expect(second.name).toBe(new URL(second.origin).host);
    const reloaded = build();
    await reloaded.load();
    expect(reloaded.list().map((s) => s.id)).toEqual([added.id, second.id]);
    expect(reloaded.activeId()).toBe(added.id);
    await reloaded.switchTo(second.id);
    expect(reloaded.activeId()).toBe(second.id);
  });

  it('refuses a server that is already added', async () => {
    const rancher = await sim();
    await servers.add({ url: rancher.origin });
    expect((await failure(servers.add({ url: `${rancher.origin}/` }))).code).toBe('conflict');
  });

  it('fails unreachable when nothing answers at the address', async () => {
    const rancher = await sim();
    await rancher.close();
    expect((await failure(servers.add({ url: rancher.origin }))).code).toBe('unreachable');
    expect(servers.list()).toHaveLength(0);
  });

  it('reports an untrusted certificate, then trusts it on first use by its fingerprint', async () => {
    const rancher = await sim({ tls: true });
    const untrusted = await failure(servers.add({ url: rancher.origin }));
    expect(untrusted.code).toBe('tls_untrusted');
    expect(untrusted.certificate?.fingerprint256).toBe(rancher.fingerprint256);
    const added = await servers.add({
      url: rancher.origin,
      fingerprint256: rancher.fingerprint256,
    });
    expect(added.fingerprint256).toBe(rancher.fingerprint256);
    const signedIn = await servers.signIn({
      serverId: added.id,
      method: 'api_key',
      token: rancher.admin.token,
    });
    expect(signedIn.health).toBe('ok');
    // The pin is enforced on every request: a new certificate is refused, and the health says so.
    await rancher.rotateCertificate();
    const before = rancher.requests.length;
    const changed = await failure(servers.clientFor(added.id).listTokens());
    expect(changed).toMatchObject({ code: 'tls_untrusted', certificateChanged: true });
    expect(rancher.requests.length).toBe(before);
    expect(servers.list()[0]?.health).toBe('certificate_problem');
  });

  it('refuses to trust on first use when the certificate is not the one reviewed', async () => {
    const rancher = await sim({ tls: true });
    const wrong = rancher.fingerprint256!.replace(
      /^../,
      rancher.fingerprint256!.startsWith('00') ? '11' : '00',
    );
    const error = await failure(servers.add({ url: rancher.origin, fingerprint256: wrong }));
    expect(error).toMatchObject({ code: 'tls_untrusted', certificateChanged: true });
  });

  it('trusts a server through its custom CA', async () => {
    const rancher = await sim({ tls: true, version: '2.15' });
    const added = await servers.add({ url: rancher.origin, caPem: rancher.caPem });
    expect(added).toMatchObject({ hasCustomCa: true, version: 'v2.15.0' });
  });

  for (const version of ['2.8', '2.12', '2.13', '2.15'] as const) {
    it(`signs in with an API key on ${version}, keeps it in the keychain and reads the max TTL`, async () => {
      const rancher = await sim({ version });
      const { id, origin } = await servers.add({ url: rancher.origin });
      const server = await servers.signIn({
        serverId: id,
        method: 'api_key',
        token: rancher.admin.token,
      });
      expect(server.signIn).toMatchObject({
        state: 'signed_in',
        method: 'api_key',
        user: { id: rancher.admin.id },
      });
      expect(server.maxTtlMs).toBe(129_600 * 60_000);
      expect(servers.get(id)).toMatchObject({
        signedIn: true,
        signInKeyId: rancher.admin.tokenName,
      });
      expect(await lookup(`sign-in:${origin}`)).toBe(rancher.admin.token);
      const tokens = await servers.clientFor(id).listTokens();
      expect(tokens.map((t) => t.name)).toContain(rancher.admin.tokenName);
      const metadata = await readFile(path.join(dir, 'servers.json'), 'utf8');
      expect(metadata).not.toContain(rancher.admin.token.split(':')[1]);
    });
  }

  it('refuses a cluster-scoped key, saying why', async () => {
    const rancher = await sim();
    const { id } = await servers.add({ url: rancher.origin });
    const scoped = rancher.state.addToken({ user: rancher.admin.id, clusterId: 'local' });
    const error = await failure(
      servers.signIn({ serverId: id, method: 'api_key', token: scoped.bearer }),
    );
    expect(error.code).toBe('unauthorized');
    expect(error.message).toContain('scoped to one cluster');
    expect(error.message).not.toContain(scoped.secret);
    expect(servers.list()[0]?.signIn.state).toBe('signed_out');
  });

  it('refuses a key that is not a bearer token without echoing it', async () => {
    const rancher = await sim();
    const { id } = await servers.add({ url: rancher.origin });
    const error = await failure(
      servers.signIn({ serverId: id, method: 'api_key', token: 'not a token' }),
    );
    expect(error.code).toBe('invalid_input');
    expect(error.message).not.toContain('not a token');
  });

  it('accepts an ext bearer and lists tokens with it on 2.13', async () => {
    const rancher = await sim({ version: '2.13' });
    const { id } = await servers.add({ url: rancher.origin });
    const key = rancher.state.addExtToken({ user: rancher.admin.id, description: 'ext sign-in' });
    await servers.signIn({ serverId: id, method: 'api_key', token: key.bearer });
    expect(servers.get(id).signInKeyId).toBe(`ext/${key.name}`);
    const tokens = await servers.clientFor(id).listTokens();
    expect(tokens.find((t) => t.name === key.name)?.family).toBe('ext');
  });

  for (const [version, provider] of [
    ['2.8', 'local'],
    ['2.13', 'local'],
    ['2.12', 'openldap'],
    ['2.15', 'openldap'],
  ] as const) {
    it(`signs in with a password through ${provider} on ${version} and tracks the session expiry`, async () => {
      const rancher = await sim({ version });
      const { id, origin } = await servers.add({ url: rancher.origin });
      const providers = await servers.providers(id);
      expect(providers.filter((p) => p.passwordLogin).map((p) => p.id)).toEqual([
        'local',
        'openldap',
      ]);
      const user =
        provider === 'local'
          ? { username: rancher.admin.username, password: rancher.admin.password }
          : rancher.state.addUser({
              username: 'ldap-user',
              password: 'ldap-password-1',
              provider: 'openldap',
            });
      const server = await servers.signIn({
        serverId: id,
        method: 'password',
        provider,
        username: user.username,
        password: user.password,
      });
      expect(server.signIn).toMatchObject({ state: 'signed_in', method: 'password', provider });
      // Rancher sessions last 16 h: a fresh one is no warning (the window shows when it ends).
      expect(server.health).toBe('ok');
      const expiresAt = servers.sessionExpiry(id);
      expect(Date.parse(expiresAt!) - simClock.now()).toBeGreaterThan(15 * 3_600_000);
      const stored = await lookup(`sign-in:${origin}`);
      expect(stored).toMatch(/^token-/);
      expect(rancher.state.tokens.get(stored!.split(':')[0]!)?.kind).toBe('session');
    });
  }

  it('refuses a wrong password with a clear message', async () => {
    const rancher = await sim();
    const { id } = await servers.add({ url: rancher.origin });
    const error = await failure(
      servers.signIn({
        serverId: id,
        method: 'password',
        provider: 'local',
        username: 'admin',
        password: 'wrong-one',
      }),
    );
    expect(error.code).toBe('unauthorized');
    expect(error.message).toContain('username or password');
  });

  it('says "sign in again" once the session has expired by the simulator clock', async () => {
    const rancher = await sim({ version: '2.13' });
    const { id } = await servers.add({ url: rancher.origin });
    await servers.signIn({
      serverId: id,
      method: 'password',
      provider: 'local',
      username: 'admin',
      password: rancher.admin.password,
    });
    simClock.advance(17 * 3_600_000);
    expect(servers.list()[0]).toMatchObject({
      signIn: { state: 'expired' },
      health: 'sign_in_needed',
    });
    expect(servers.get(id).signedIn).toBe(false);
    const error = await failure(servers.clientFor(id).listTokens());
    expect(error.code).toBe('unauthorized');
    expect(error.message).toContain('Sign in again');
  });

  it('marks the sign-in expired when Rancher starts refusing the credential', async () => {
    const rancher = await sim();
    const { id } = await servers.add({ url: rancher.origin });
    const key = rancher.state.addToken({ user: rancher.admin.id });
    await servers.signIn({ serverId: id, method: 'api_key', token: key.bearer });
    rancher.state.tokens.delete(key.name);
    expect((await failure(servers.clientFor(id).listTokens())).code).toBe('unauthorized');
    expect(servers.list()[0]).toMatchObject({
      signIn: { state: 'expired' },
      health: 'sign_in_needed',
    });
  });

  it('signs out of a password session: the session token is deleted on the server and in the keychain', async () => {
    const rancher = await sim({ version: '2.15' });
    const { id, origin } = await servers.add({ url: rancher.origin });
    await servers.signIn({
      serverId: id,
      method: 'password',
      provider: 'local',
      username: 'admin',
      password: rancher.admin.password,
    });
    const session = servers.get(id).signInKeyId!;
    expect(rancher.state.tokens.has(session)).toBe(true);
    const server = await servers.signOut(id);
    expect(server.signIn.state).toBe('signed_out');
    expect(rancher.state.tokens.has(session)).toBe(false);
    expect(await lookup(`sign-in:${origin}`)).toBeNull();
  });

  it('signs out of an API key without deleting the key on the server', async () => {
    const rancher = await sim();
    const { id, origin } = await servers.add({ url: rancher.origin });
    await servers.signIn({ serverId: id, method: 'api_key', token: rancher.admin.token });
    await servers.signOut(id);
    expect(rancher.state.tokens.has(rancher.admin.tokenName)).toBe(true);
    expect(await lookup(`sign-in:${origin}`)).toBeNull();
  });

  it('forgets locally when the server is unreachable at sign-out', async () => {
    const rancher = await sim();
    const { id, origin } = await servers.add({ url: rancher.origin });
    await servers.signIn({
      serverId: id,
      method: 'password',
      provider: 'local',
      username: 'admin',
      password: rancher.admin.password,
    });
    await rancher.close();
    expect((await servers.signOut(id)).signIn.state).toBe('signed_out');
    expect(await lookup(`sign-in:${origin}`)).toBeNull();
  });

  it('reports unreachable and recovers when calls succeed again', async () => {
    const rancher = await sim();
    const { id } = await servers.add({ url: rancher.origin });
    await servers.signIn({ serverId: id, method: 'api_key', token: rancher.admin.token });
    rancher.faults.add({ path: '/v3/tokens', action: { kind: 'reset' } });
    expect((await failure(servers.clientFor(id).listTokens())).code).toBe('unreachable');
    expect(servers.list()[0]).toMatchObject({
      health: 'unreachable',
      lastError: { code: 'unreachable' },
    });
    rancher.faults.clear();
    await servers.clientFor(id).listTokens();
    expect(servers.list()[0]).toMatchObject({ health: 'ok', lastError: null });
  });

  it('removes a server with every keychain item under its origin', async () => {
    const rancher = await sim();
    const { id, origin } = await servers.add({ url: rancher.origin });
    await servers.signIn({ serverId: id, method: 'api_key', token: rancher.admin.token });
    await secrets.set(`${origin}/token-abcde`, 'x');
    await secrets.set(`${origin}0/token-other`, 'y');
    await servers.remove(id);
    expect(servers.list()).toHaveLength(0);
    expect(servers.activeId()).toBeNull();
    expect(await lookup(`sign-in:${origin}`)).toBeNull();
    expect(await lookup(`${origin}/token-abcde`)).toBeNull();
    expect(await lookup(`${origin}0/token-other`)).toBe('y');
  });

  it('edits name and timeout, and refuses a CA that does not verify the server', async () => {
    const rancher = await sim({ tls: true });
    const other = await sim({ tls: true });
    await other.rotateCertificate({ newCa: true });
    const { id } = await servers.add({ url: rancher.origin, caPem: rancher.caPem });
    const renamed = await servers.update({ id, name: 'Prod', timeoutMs: 5_000 });
    expect(renamed).toMatchObject({ name: 'Prod', timeoutMs: 5_000 });
    expect((await failure(servers.update({ id, caPem: other.caPem }))).code).toBe('tls_untrusted');
    expect(servers.list()[0]?.hasCustomCa).toBe(true);
  });
});
