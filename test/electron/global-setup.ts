import { skipReason } from './electron-binary';
import { buildAll } from '../../scripts/build.mjs';

/** Builds dist/ once before the suite, where the suite can run at all. */
export default async function globalSetup(): Promise<void> {
  if (skipReason) return;
  await buildAll();
}
