import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRancherClient } from '../../../electron/core/rancher/create-rancher-client';
import type { RancherClientOptions } from '../../../electron/core/rancher/rancher-client';
import { startRancherSim, type RancherSim } from '../../rancher-sim';

const versions = ['2.8', '2.12', '2.13', '2.15'] as const;

function clientFor(
  sim: RancherSim,
  bearer: string | null,
  extra: Partial<RancherClientOptions> = {},
) {
  return createRancherClient({
    origin: sim.origin,
    tls: sim.tls ? { caPem: sim.caPem } : {},
    timeoutMs: 5_000,
    credential: () => Promise.resolve(bearer),
    appVersion: '0.1.0-test',
    version: sim.profile.versionString,
    ...extra,
  });
}

for (const version of versions) {
  for (const tls of [false, true]) {
    describe(`createRancherClient against Rancher ${version} over ${tls ? 'HTTPS' : 'HTTP'}`, () => {
      let sim: RancherSim;
      beforeAll(async () => {
        sim = await startRancherSim({ version, tls });
      });
      afterAll(() => sim.close());

      it('probes version, token APIs and max TTL when signed in', async () => {
        const probe = await clientFor(sim, sim.admin.token).probe();
        expect(probe.version).toBe(sim.profile.versionString);
        expect(probe.tokenApis).toEqual({ v3: true, ext: version !== '2.8' });
        expect(probe.maxTtlMs).toBe(129_600 * 60_000);
        expect(probe.maxTtlKnown).toBe(true);
        if (tls) expect(probe.certificate?.fingerprint256).toBe(sim.fingerprint256);
        else expect(probe.certificate).toBeNull();
      });

      it('sends Accept: application/json and the rancher-keys User-Agent when it calls Rancher', async () => {
        await clientFor(sim, sim.admin.token).me();
        const last = sim.requests.at(-1);
        expect(last?.headers.accept).toBe('application/json');
        expect(last?.headers['user-agent']).toBe('rancher-keys/0.1.0-test');
      });

      it('creates, lists, reads and deletes v3 tokens when signed in with an API key', async () => {
        const client = clientFor(sim, sim.admin.token);
        const created = await client.createToken({
          family: 'v3',
          description: 'ci',
          ttlMs: 3_600_000,
          clusterId: null,
        });
        expect(created.bearer).toMatch(/^token-[a-z0-9]{5}:[a-z0-9]{54}$/);
        expect(created.token).toMatchObject({
          family: 'v3',
          kind: 'api_key',
          description: 'ci',
          ttlMs: 3_600_000,
        });
        const read = await client.getToken('v3', created.token.name);
        expect(read?.expiresAt).not.toBeNull();
        const list = await client.listTokens();
        expect(list.map((t) => t.name)).toContain(created.token.name);
        expect(await client.deleteToken('v3', created.token.name)).toBe('deleted');
        expect(await client.deleteToken('v3', created.token.name)).toBe('not_found');
        expect(await client.getToken('v3', created.token.name)).toBeNull();
      });

      if (version === '2.8') {
        it('refuses to create an ext token when the server predates ext tokens (2.12)', async () => {
          const client = clientFor(sim, sim.admin.token);
          await expect(
            client.createToken({ family: 'ext', description: 'x', ttlMs: 60_000, clusterId: null }),
          ).rejects.toMatchObject({ code: 'invalid_input' });
          expect((await client.listTokens()).every((t) => t.family === 'v3')).toBe(true);
        });
      } else {
        it('creates, updates and deletes ext tokens and lists them with family ext', async () => {
          const client = clientFor(sim, sim.admin.token);
          const created = await client.createToken({
            family: 'ext',
            description: 'ext key',
            ttlMs: 7_200_000,
            clusterId: null,
          });
          expect(created.bearer).toMatch(new RegExp(`^ext/${created.token.name}:[a-z0-9]{54}$`));
          expect(created.token).toMatchObject({ family: 'ext', kind: 'api_key', ttlMs: 7_200_000 });
          const updated = await client.updateExtToken(created.token.name, {
            description: 'renamed',
            enabled: false,
            ttlMs: 3_600_000,
          });
          expect(updated).toMatchObject({
            description: 'renamed',
            enabled: false,
            ttlMs: 3_600_000,
          });
          const list = await client.listTokens();
          expect(list.find((t) => t.name === created.token.name)?.family).toBe('ext');
          expect(await client.deleteToken('ext', created.token.name)).toBe('deleted');
          expect(await client.getToken('ext', created.token.name)).toBeNull();
        });
      }

      it('logs in with a password, then logs out, which deletes the session token', async () => {
        const anonymous = clientFor(sim, null);
        const providers = await anonymous.authProviders();
        expect(providers.find((p) => p.id === 'local')).toMatchObject({ passwordLogin: true });
        const session = await anonymous.login('local', sim.admin.username, sim.admin.password);
        expect(session.bearer).toMatch(/^token-/);
        expect(session.expiresAt).not.toBeNull();
        const client = clientFor(sim, session.bearer);
        expect((await client.me()).username).toBe(sim.admin.username);
        const name = session.bearer.split(':')[0]!;
        expect(sim.state.tokens.has(name)).toBe(true);
        await client.logout();
        expect(sim.state.tokens.has(name)).toBe(false);
      });

      it('lists clusters when signed in', async () => {
        const clusters = await clientFor(sim, sim.admin.token).clusters();
        expect(clusters).toContainEqual({
          id: 'local',
          name: 'local',
          state: expect.any(String) as string,
        });
      });
    });
  }
}
