import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
// @ts-expect-error -- a plain ES module script shared with `npm start`; it has no type declarations.
import { findElectronBinary } from '../../scripts/electron-binary.mjs';

/** The repository root. */
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The Electron executable, or why there is none. */
export const binary = (findElectronBinary as () => { path: string | null; reason?: string })();

/** Why the suite cannot run here, or null when an Electron binary exists. */
export const skipReason: string | null = binary.path
  ? null
  : `Electron suite skipped: ${binary.reason ?? 'no Electron binary'}. Run \`npm run test:electron\` on a machine where \`npx electron --version\` works.`;

if (skipReason) {
  mkdirSync(path.join(root, '.artifacts'), { recursive: true });
  writeFileSync(path.join(root, '.artifacts', 'electron-skipped.txt'), skipReason);
}
