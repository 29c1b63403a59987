import path from 'node:path';
import { buildCredentialHelper, goAvailable, noGoMessage } from '../../../scripts/build-native.mjs';

/**
 * Builds the native credential helper (native/credential) into `dir`, as `npm run dist` and
 * `npm run rancher-keys` put it beside the command. Without Go this throws with the fix: CI
 * installs Go through `npm run setup`, so a missing Go is a failure, never a skip.
 */
export async function buildNativeHelper(dir: string): Promise<string> {
  if (!goAvailable()) throw new Error(noGoMessage);
  return buildCredentialHelper(
    path.join(dir, `rancher-keys-credential${process.platform === 'win32' ? '.exe' : ''}`),
  );
}
