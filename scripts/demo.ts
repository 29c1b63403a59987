// `npm run demo`: the simulator's demo world, the real core with a private keychain, and the window
// served to any browser through the test bridge on 127.0.0.1 (design.md §5). A development tool:
// loopback only, a random token in the URL, not part of the packaged app.
//
//   npm run demo [-- --port 5174]
import { existsSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { createTestCore } from '../test/bridge/compose';
import { startBridge } from '../test/bridge/server';
import { demoHeldKeys, startRancherSim } from '../test/rancher-sim';
import {
  connectAzureProvider,
  connectSamlProvider,
  startFakeIdp,
} from '../test/rancher-sim/fake-idp';
import type { Bridge } from '../test/bridge/server';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const rendererDir = path.join(root, 'dist/renderer');

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

async function ok(result: Promise<{ ok: boolean; error?: { message: string }; value?: unknown }>) {
  const r = await result;
  if (!r.ok) throw new Error(r.error?.message ?? 'request failed');
  return r.value;
}

const port = Number(option('port') ?? process.env.DEMO_PORT ?? 5174);

/** Whether 127.0.0.1:`port` can be listened on (checked first, so a taken port is one sentence). */
function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`The demo port must be a number from 1 to 65535 (got "${option('port') ?? ''}").`);
  process.exit(2);
}
if (!(await portFree(port))) {
  console.error(
    `Port ${port} on 127.0.0.1 is already in use (another demo?): stop it, or pick another port with npm run demo -- --port ${port + 1}.`,
  );
  process.exit(1);
}

if (!existsSync(path.join(rendererDir, 'index.html'))) {
  console.log('Building the renderer (dist/renderer is missing)…');
  await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
}

const sim = await startRancherSim({ seed: 'demo', tls: true, version: '2.13' });
// A second server that signs in only through single sign-on: Okta over SAML and Azure AD, backed
// by the simulator's fake IdPs (loopback, plain HTTP, so the browser shows no certificate warning).
const ssoSim = await startRancherSim({ version: '2.13' });
const idp = await startFakeIdp();
const alice = ssoSim.state.addUser({
  username: 'alice',
  password: 'sso-only-not-used',
  displayName: 'Alice',
});
connectSamlProvider(ssoSim.state, idp, { id: 'okta', type: 'oktaProvider' }, { alice: alice.id });
connectAzureProvider(ssoSim.state, idp, { 'oid-alice': alice.id });
const dataDir = mkdtempSync(path.join(tmpdir(), 'rancher-keys-demo-'));
// The demo's "system browser" is the browser showing the window: a sign-in page opens in a new tab.
let bridgeRef: Bridge | null = null;
const core = createTestCore({
  keychainService: 'rancher-keys-demo',
  dataDir,
  systemBrowser: {
    async open(url) {
      bridgeRef?.openPage(url);
      console.log(
        `Sign-in page opened in a new tab (if your browser blocked it, open it yourself):\n  ${url}`,
      );
    },
  },
});

const added = (await ok(
  core.dispatch('servers:add', { url: sim.url, name: 'Demo Rancher', caPem: sim.caPem }),
)) as { server: { id: string } };
await ok(
  core.dispatch('auth:signIn', {
    serverId: added.server.id,
    method: 'password',
    provider: 'local',
    username: sim.admin.username,
    password: sim.admin.password,
  }),
);
await ok(core.dispatch('keys:refresh', { serverId: added.server.id }));
await ok(core.dispatch('servers:add', { url: ssoSim.url, name: 'SSO Rancher' }));
await ok(core.dispatch('servers:switch', { id: added.server.id }));
// Keys whose secrets a real user's app would hold (created or imported there), so the first
// screen has keys to copy; the rest say "No secret" and offer "Store secret…".
for (const { token, labels } of demoHeldKeys) {
  const issued = sim.seeded[token];
  if (issued) {
    await ok(
      core.dispatch('keys:import', { serverId: added.server.id, bearer: issued.bearer, labels }),
    );
  }
}
// The unscoped "ci pipeline" key is the default for tools, so that the command line printed below
// (and kubectl through it) works at once.
const forTools = sim.seeded.active;
if (forTools) {
  await ok(
    core.dispatch('keys:setDefault', {
      serverId: added.server.id,
      keyId: forTools.name,
      isDefault: true,
    }),
  );
}

const bridge = await startBridge({
  dispatch: core.dispatch,
  rendererDir,
  port,
  testRoutes: {
    // What "Copy" would have put on the clipboard (main copies; the browser never sees secrets).
    '/__bridge/test/clipboard': () => ({ current: core.clipboard.current }),
  },
});
bridgeRef = bridge;
const off = core.core.subscribe((event, payload) => bridge.emit(event, payload));

// The command reaches the demo's private keyring through its D-Bus session, and its data through
// the temporary data directory; quoted for a POSIX shell.
const quote = (value: string) => `'${value.replace(/'/g, `'\\''`)}'`;
const commandEnv = [
  ...(process.env.DBUS_SESSION_BUS_ADDRESS
    ? [`DBUS_SESSION_BUS_ADDRESS=${quote(process.env.DBUS_SESSION_BUS_ADDRESS)}`]
    : []),
  `RANCHER_KEYS_DATA_DIR=${quote(dataDir)}`,
  'RANCHER_KEYS_KEYCHAIN_SERVICE=rancher-keys-demo',
].join(' ');
const kubeconfig = path.join(dataDir, 'demo.kubeconfig');

console.log(`
Rancher Keys demo
  window:     ${bridge.url}
  simulator:  ${sim.url}  (admin / ${sim.admin.password}; dev / dev-password-123)
  SSO:        pick "SSO Rancher" in the sidebar and Sign in: Okta (SAML) or Azure AD, by browser or
              by code. The sign-in page opens in a new tab of this browser (allow pop-ups for the
              window's address); you sign in as alice. With a code: enter it on the page that opens.
  clipboard:  ${bridge.origin}/__bridge/test/clipboard?t=${bridge.token}
  keychain:   service "rancher-keys-demo" in a private, throwaway keyring
  command:    in another terminal of this checkout, set up the demo's world once:
                export ${commandEnv}
              then:
                npm run -s rancher-keys -- list
                npm run -s rancher-keys -- kubeconfig --cluster local -o ${quote(kubeconfig)} && kubectl --kubeconfig ${quote(kubeconfig)} get namespaces
Press Ctrl+C to stop.`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  off();
  await Promise.allSettled([bridge.close(), sim.close(), ssoSim.close(), idp.close()]);
  await core.close().catch(() => undefined);
  await rm(dataDir, { recursive: true, force: true });
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
