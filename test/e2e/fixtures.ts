import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base } from '@playwright/test';
import type { SsoTiming } from '../../electron/core/sso/flow-types';
import { startRancherSim, type RancherSim, type RancherSimOptions } from '../rancher-sim';
import { startFakeIdp, type FakeIdp, type FakeIdpOptions } from '../rancher-sim/fake-idp';
import { createChromiumSystemBrowser, type ChromiumSystemBrowser } from './chromium-system-browser';
import {
  createChromiumEmbeddedWindow,
  type ChromiumEmbeddedWindow,
} from './chromium-embedded-window';
import { startBridge, type Bridge } from '../bridge/server';
import {
  createManualClock,
  createTestCore,
  type ManualClock,
  type TestCore,
} from '../bridge/compose';
import { expectNoSecretInActivityLog } from './activity-secrets';
import { AppPage } from './pages/app-page';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const rendererDir = path.join(root, 'dist/renderer');

interface Options {
  /** How the simulator starts (default: Rancher 2.13 over TLS, empty world). */
  simOptions: RancherSimOptions;
  /** Share one controllable clock between the simulator and the core. */
  manualClock: boolean;
  /** What the core is told about the desktop's tray (Settings explains when there is none). */
  trayAvailable: boolean;
  /** Single sign-on: give the core a system browser (Chromium tabs) and start the fake IdPs. */
  sso: boolean;
  /** Single sign-on's waits for these tests (the CLI's 10 s SAML interval is shortened). */
  ssoTiming: Partial<Omit<SsoTiming, 'sleep'>>;
  /** How the fake Entra answers (its device-code polling interval, …). */
  idpOptions: FakeIdpOptions;
  /** Give the core an embedded sign-in window (Chromium contexts) for GitHub, Google, OIDC… */
  embedded: boolean;
}

interface Fixtures {
  clock: ManualClock | null;
  sim: RancherSim;
  core: TestCore;
  bridge: Bridge;
  app: AppPage;
  /** The user's browser, when `sso` is on (null otherwise). */
  systemBrowser: ChromiumSystemBrowser | null;
  /** The fake Entra and SAML IdP on loopback (test/rancher-sim/fake-idp.ts). */
  idp: FakeIdp;
  /** The embedded sign-in window, when `embedded` is on (null otherwise). */
  embeddedWindow: ChromiumEmbeddedWindow | null;
}

/**
 * Each test gets its own simulator, real core (fresh keychain service name and data dir, recording
 * clipboard) and bridge; core events are forwarded to the page over SSE.
 */
export const test = base.extend<Fixtures & Options>({
  simOptions: [{ tls: true, seed: 'empty' }, { option: true }],
  manualClock: [false, { option: true }],
  trayAvailable: [true, { option: true }],
  sso: [false, { option: true }],
  ssoTiming: [{ samlIntervalMs: 250 }, { option: true }],
  idpOptions: [{}, { option: true }],
  embedded: [false, { option: true }],
  clock: async ({ manualClock }, use) => {
    await use(manualClock ? createManualClock(Date.now()) : null);
  },
  sim: async ({ simOptions, clock }, use) => {
    const sim = await startRancherSim({ ...simOptions, ...(clock ? { clock } : {}) });
    await use(sim);
    await sim.close();
  },
  systemBrowser: async ({ sso, browser }, use) => {
    if (!sso) return use(null);
    const systemBrowser = createChromiumSystemBrowser(browser);
    await use(systemBrowser);
    await systemBrowser.close();
  },
  embeddedWindow: async ({ embedded, browser }, use) => {
    await use(embedded ? createChromiumEmbeddedWindow(browser) : null);
  },
  idp: async ({ idpOptions }, use) => {
    const idp = await startFakeIdp(idpOptions);
    await use(idp);
    await idp.close();
  },
  core: async ({ clock, sim, trayAvailable, systemBrowser, embeddedWindow, ssoTiming }, use) => {
    const core = createTestCore({
      ...(clock ? { clock } : {}),
      trayAvailable,
      ...(systemBrowser ? { systemBrowser, ssoTiming } : {}),
      ...(embeddedWindow ? { embeddedSignIn: embeddedWindow, ssoTiming } : {}),
    });
    await use(core);
    // Every journey ends with a look at the activity log: no secret or password may be in it.
    await expectNoSecretInActivityLog(core, sim);
    await core.close();
  },
  bridge: async ({ core }, use) => {
    const bridge = await startBridge({
      dispatch: core.dispatch,
      rendererDir,
      testRoutes: {
        '/__bridge/test/clipboard': () => ({
          current: core.clipboard.current,
          writes: core.clipboard.writes,
        }),
      },
    });
    const off = core.core.subscribe((event, payload) => bridge.emit(event, payload));
    await use(bridge);
    off();
    await bridge.close();
  },
  app: async ({ page, bridge }, use) => {
    await use(new AppPage(page, bridge));
  },
});

export { expect } from '@playwright/test';
