import { skipReason } from './electron-binary';
// @ts-expect-error -- a plain ES module script; it has no type declarations.
import { buildAll } from '../../scripts/build.mjs';

/** Builds dist/ once before the suite, where the suite can run at all. */
export default async function globalSetup(): Promise<void> {
  if (skipReason) return;
  await (buildAll as () => Promise<void>)();
}
