import { afterEach, describe, expect, it } from 'vitest';
import { createTestCore, type TestCore } from '../../bridge/compose';
import { startRancherSim, type RancherSim } from '../../rancher-sim';
import { startHostileFront, type FrontRequest, type HostileFront } from './hostile-front';

// A server that repeats back what it was sent, in every encoding it arrived in: the real core
// (real keychain) in front of the simulator, with the hostile front turning answers into errors.
let sim: RancherSim | undefined;
let front: HostileFront | undefined;
let core: TestCore | undefined;
afterEach(async () => {
  await core?.close();
  await front?.close();
  await sim?.close();
  core = front = sim = undefined;
});

const b64 = (text: string) => Buffer.from(text).toString('base64');

/** Every form of the request's credentials a careless or hostile server could echo. */
function echoOf(req: FrontRequest): string {
  const parts: string[] = [];
  const auth = req.headers.authorization;
  if (typeof auth === 'string') {
    const bearer = auth.replace(/^Bearer /, '');
    const secret = bearer.slice(bearer.lastIndexOf(':') + 1);
    parts.push(`bare ${secret}`, `basic ${b64(bearer)}`, `url ${encodeURIComponent(bearer)}`);
  }
  if (req.body) {
    const body = JSON.parse(req.body) as { username?: string; password?: string };
    if (body.password) {
      const pair = `${body.username}:${body.password}`;
      parts.push(
        `password ${body.password}`,
        `basic ${b64(pair)}`,
        `url ${encodeURIComponent(body.password)}`,
        `form ${new URLSearchParams({ p: body.password }).toString().slice(2)}`,
      );
    }
  }
  return `rejected (${parts.join('; ')}) please retry`;
}

async function start(echoOn: (req: FrontRequest) => boolean) {
  sim = await startRancherSim({ version: '2.13' });
  front = await startHostileFront({
    target: sim.origin,
    rewrite(req, res) {
      if (!echoOn(req)) return;
      res.status = 500;
      res.headers['content-type'] = 'application/json';
      res.body = JSON.stringify({ type: 'error', status: 500, message: echoOf(req) });
    },
  });
  core = createTestCore();
  const added = await core.dispatch('servers:add', { url: front.url });
  if (!added.ok) throw new Error(added.error.message);
  return (added.value as { server: { id: string } }).server.id;
}

function expectNoneOf(text: string, secrets: string[]) {
  for (const secret of secrets) expect(text).not.toContain(secret);
}

describe('secrets a server echoes back', () => {
  it('never reach the error, lastError or the log when the server repeats a bearer', async () => {
    const serverId = await start((req) => req.method === 'GET' && req.path === '/v3/tokens');
    const signIn = await core!.dispatch('auth:signIn', {
      serverId,
      method: 'api_key',
      token: sim!.admin.token,
    });
    expect(signIn.ok).toBe(true);
    const refreshed = await core!.dispatch('keys:refresh', { serverId });
    const bearer = sim!.admin.token;
    const secret = bearer.slice(bearer.indexOf(':') + 1);
    const secrets = [secret, b64(bearer), encodeURIComponent(bearer)];
    const shown = JSON.stringify(refreshed);
    expect(shown).toContain('please retry');
    expectNoneOf(shown, secrets);
    const servers = await core!.dispatch('servers:list', {});
    expect(JSON.stringify(servers)).toContain('please retry');
    expectNoneOf(JSON.stringify(servers), secrets);
    expectNoneOf(core!.log.lines.join('\n'), secrets);
  });

  it('never reach the sign-in error when the server repeats a password in any encoding', async () => {
    const serverId = await start((req) => req.method === 'POST' && req.path.includes('login'));
    const password = 'p@ss w/rd+ä&x=1';
    const result = await core!.dispatch('auth:signIn', {
      serverId,
      method: 'password',
      provider: 'local',
      username: 'admin',
      password,
    });
    expect(result.ok).toBe(false);
    const shown = JSON.stringify(result);
    expect(shown).toContain('please retry');
    const forms = [
      password,
      b64(`admin:${password}`),
      encodeURIComponent(password),
      new URLSearchParams({ p: password }).toString().slice(2),
    ];
    expectNoneOf(shown, forms);
    expectNoneOf(JSON.stringify(await core!.dispatch('servers:list', {})), forms);
    expectNoneOf(core!.log.lines.join('\n'), forms);
  });

  it('shows nothing the server said when a password is too short to redact', async () => {
    const serverId = await start((req) => req.method === 'POST' && req.path.includes('login'));
    const result = await core!.dispatch('auth:signIn', {
      serverId,
      method: 'password',
      provider: 'local',
      username: 'admin',
      password: 'abc',
    });
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toContain('please retry');
    expect(JSON.stringify(result)).not.toContain('abc');
  });
});
