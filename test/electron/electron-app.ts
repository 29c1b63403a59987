import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron, test as base, type ElectronApplication, type Page } from '@playwright/test';
import type { Result } from '../../electron/contract/errors';
import type { Channel, Input, Output } from '../../electron/contract/ipc';
import type { E2eHook } from '../../electron/main/e2e/e2e-hook';
import { createKeytarSecretStore } from '../../electron/core/vault/keytar-secret-store';
import { startRancherSim, type RancherSim } from '../rancher-sim';
import { binary, root, skipReason } from './electron-binary';

/** Removes what the app stored under its throwaway keychain service name, best effort. */
async function removeKeychainItems(service: string): Promise<void> {
  const store = createKeytarSecretStore({ service });
  for (const account of await store.accounts().catch(() => [])) {
    await store.delete(account).catch(() => false);
  }
}

interface Fixtures {
  /** Skips the test, with the reason, where there is no Electron binary (runs first). */
  electronAvailable: void;
  /** The built app, launched in e2e mode with a fresh userData dir and keychain service. */
  app: ElectronApplication;
  /** Its main window, once the renderer has loaded. */
  page: Page;
  /** A Rancher simulator on loopback (plain HTTP, empty world). */
  sim: RancherSim;
}

/**
 * A test with the built app launched through Playwright's Electron driver. In e2e mode
 * (RANCHER_KEYS_E2E=1) main uses a throwaway keychain service and data dir, a clock the test moves,
 * and exposes `globalThis.__rancherKeysE2E` (electron/main/e2e/e2e-hook.ts) to `app.evaluate`.
 */
export const test = base.extend<Fixtures>({
  electronAvailable: [
    async ({}, use, testInfo) => {
      testInfo.skip(skipReason !== null, skipReason ?? '');
      await use();
    },
    { auto: true },
  ],
  app: async ({}, use) => {
    const userData = mkdtempSync(path.join(tmpdir(), 'rk-electron-'));
    const app = await _electron.launch({
      executablePath: binary.path ?? undefined,
      args: [root],
      env: { ...process.env, RANCHER_KEYS_E2E: '1', RANCHER_KEYS_USER_DATA: userData },
    });
    try {
      await use(app);
    } finally {
      const service = await app
        .evaluate(
          () =>
            (globalThis as { __rancherKeysE2E?: { keychainService: string } }).__rancherKeysE2E
              ?.keychainService ?? null,
        )
        .catch(() => null);
      await app.close();
      rmSync(userData, { recursive: true, force: true });
      if (service) await removeKeychainItems(service);
    }
  },
  page: async ({ app }, use) => {
    const page = await app.firstWindow();
    await page.waitForFunction(() => 'rancherKeys' in window);
    await use(page);
  },
  sim: async ({}, use) => {
    const sim = await startRancherSim({ version: '2.13', seed: 'empty' });
    await use(sim);
    await sim.close();
  },
});

export { expect } from '@playwright/test';

/** Calls a contract channel from the page, through the real preload and IPC. */
export async function invoke<C extends Channel>(
  page: Page,
  channel: C,
  input: Input<C>,
): Promise<Output<C>> {
  const result = (await page.evaluate(
    ([c, i]) =>
      (
        window as unknown as { rancherKeys: { invoke(c: string, i: unknown): Promise<unknown> } }
      ).rancherKeys.invoke(c, i),
    [channel, input] as const,
  )) as Result<Output<C>>;
  if (!result.ok)
    throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
  return result.value;
}

/** Adds the simulator as a server and signs in with its admin API key; returns the server id. */
export async function addSimServer(page: Page, sim: RancherSim): Promise<string> {
  const { server } = await invoke(page, 'servers:add', { url: sim.url, name: 'Simulated Rancher' });
  await invoke(page, 'auth:signIn', {
    serverId: server.id,
    method: 'api_key',
    token: sim.admin.token,
  });
  return server.id;
}

/** Issues an API key of the admin on the simulator and imports it, as a user pasting it would. */
export async function importSimKey(
  page: Page,
  sim: RancherSim,
  serverId: string,
  key: { description: string; ttlMs: number },
) {
  const issued = sim.state.addToken({ user: sim.admin.id, ...key });
  await invoke(page, 'keys:import', { serverId, bearer: issued.bearer });
  return issued;
}

/** How specs reach the hook inside `app.evaluate` (which runs in the main process). */
export type E2eGlobal = { __rancherKeysE2E: E2eHook };
