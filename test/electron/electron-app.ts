import { writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron, test as base, type ElectronApplication } from '@playwright/test';
// @ts-expect-error -- a plain ES module script shared with `npm start`; it has no type declarations.
import { findElectronBinary } from '../../scripts/electron-binary.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const binary = (findElectronBinary as () => { path: string | null; reason?: string })();

/** Why the suite cannot run here, or null when an Electron binary exists. */
export const skipReason: string | null = binary.path
  ? null
  : `Electron suite skipped: ${binary.reason ?? 'no Electron binary'}. Run \`npm run test:electron\` on a machine where \`npx electron --version\` works.`;

if (skipReason) {
  mkdirSync(path.join(root, '.artifacts'), { recursive: true });
  writeFileSync(path.join(root, '.artifacts', 'electron-skipped.txt'), skipReason);
}

/** A test with the built app launched through Playwright's Electron driver. */
export const test = base.extend<{ app: ElectronApplication }>({
  app: async ({}, use) => {
    const app = await _electron.launch({
      executablePath: binary.path ?? undefined,
      args: [root],
      env: { ...process.env, RANCHER_KEYS_E2E: '1' },
    });
    await use(app);
    await app.close();
  },
});

test.skip(skipReason !== null, skipReason ?? '');
export { expect } from '@playwright/test';
