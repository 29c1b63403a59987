import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base } from '@playwright/test';
import { startBridge, type Bridge } from '../bridge/server';
import { createTestCore, type TestCore } from '../bridge/compose';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Each test gets its own core (fresh keychain service name) behind its own bridge. */
export const test = base.extend<{ core: TestCore; bridge: Bridge }>({
  core: async ({}, use) => {
    await use(createTestCore());
  },
  bridge: async ({ core }, use) => {
    const bridge = await startBridge({
      dispatch: core.dispatch,
      rendererDir: path.join(root, 'dist/renderer'),
    });
    await use(bridge);
    await bridge.close();
  },
});

export { expect } from '@playwright/test';
