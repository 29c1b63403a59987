import { afterEach, describe, expect, it } from 'vitest';
import type {
  EmbeddedSignInWindow,
  EmbeddedWindowSpec,
} from '../../../electron/core/sign-in-ports';
import { createTestCore, type TestCore } from '../../bridge/compose';
import { startRancherSim, type RancherSim } from '../../rancher-sim';

/**
 * Stands in for the shell's embedded window (Electron cannot run here): it "signs in" the way the
 * dashboard does after a GitHub round trip, by a cookie login on the server, and hands back the
 * R_SESS cookie it got, as the window reads it from its partition. The rest is the real core.
 */
function cookieWindow(sim: RancherSim): EmbeddedSignInWindow & { specs: EmbeddedWindowSpec[] } {
  const specs: EmbeddedWindowSpec[] = [];
  return {
    specs,
    async run(spec) {
      specs.push(spec);
      const res = await fetch(`${spec.serverOrigin}/v1-public/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          type: 'localProvider',
          username: 'admin',
          password: sim.admin.password,
          responseType: 'cookie',
          description: 'UI session',
        }),
      });
      const cookie = /R_SESS=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1] ?? '';
      return { kind: 'session', cookie };
    },
  };
}

describe('embedded sign-in (issue 15 item 4, behind the port)', () => {
  let sim: RancherSim | undefined;
  let t: TestCore | undefined;
  afterEach(async () => {
    await t?.close();
    await sim?.close();
  });

  it('offers GitHub only with a window, turns the harvested session into a key and logs the session out', async () => {
    sim = await startRancherSim({ version: '2.13' });
    sim.state.sso.providers.set('github', { id: 'github', type: 'githubProvider', fields: {} });
    const window = cookieWindow(sim);
    t = createTestCore({ embeddedSignIn: window });
    const call = async <T>(p: Promise<{ ok: boolean; value?: unknown }>) => {
      const r = await p;
      if (!r.ok) throw new Error(JSON.stringify(r));
      return r.value as T;
    };
    const { server: added } = await call<{ server: { id: string } }>(
      t.dispatch('servers:add', { url: sim.url }),
    );
    const { methods } = await call<{ methods: Array<{ kind: string }> }>(
      t.dispatch('auth:methods', { serverId: added.id }),
    );
    expect(methods).toContainEqual({ kind: 'embedded', provider: 'github', displayName: 'GitHub' });

    const sessionsBefore = [...sim.state.tokens.values()].filter(
      (k) => k.kind === 'session',
    ).length;
    const { flowId, prompt } = await call<{ flowId: string; prompt: unknown }>(
      t.dispatch('auth:ssoStart', { serverId: added.id, kind: 'embedded', provider: 'github' }),
    );
    expect(prompt).toMatchObject({ kind: 'embedded', host: new URL(sim.url).host });
    const { server } = await call<{ server: { signIn: unknown } }>(
      t.dispatch('auth:ssoWait', { flowId }),
    );
    expect(server.signIn).toMatchObject({ state: 'signed_in', method: 'sso', provider: 'github' });
    expect(window.specs[0]?.startUrl).toBe(`${sim.url}/dashboard/auth/login`);
    // The harvested session was logged out once the key existed.
    expect([...sim.state.tokens.values()].filter((k) => k.kind === 'session')).toHaveLength(
      sessionsBefore,
    );
    expect(
      [...sim.state.tokens.values()].some((k) => k.description === 'Rancher Keys sign-in (github)'),
    ).toBe(true);
    const secrets = [...sim.state.tokens.values()].map((k) => k.secret);
    for (const s of secrets) expect(t.log.lines.join('\n')).not.toContain(s);
  });

  it('does not offer the embedded window when the shell has none', async () => {
    sim = await startRancherSim({ version: '2.13' });
    sim.state.sso.providers.set('github', { id: 'github', type: 'githubProvider', fields: {} });
    t = createTestCore();
    const added = await t.dispatch('servers:add', { url: sim.url });
    if (!added.ok) throw new Error('add failed');
    const { server } = added.value as { server: { id: string } };
    const result = await t.dispatch('auth:methods', { serverId: server.id });
    if (!result.ok) throw new Error('methods failed');
    const { methods } = result.value as { methods: Array<{ kind: string }> };
    expect(methods.map((m) => m.kind)).toEqual(['password', 'password', 'api_key']);
  });
});
