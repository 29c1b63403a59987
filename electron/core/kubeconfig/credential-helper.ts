import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The native kubectl credential helper (native/credential, Go): the same answer as
 * `rancher-keys kubectl-credential`, started in milliseconds instead of Node's ~60 ms, which every
 * kubectl call waits for (bench/RESULTS.md). scripts/build-native.mjs puts it beside the command:
 * dist/cli in a checkout, resources/bin in the installers.
 */
export function credentialHelperName(platform: NodeJS.Platform): string {
  return platform === 'win32' ? 'rancher-keys-credential.exe' : 'rancher-keys-credential';
}

/**
 * The helper beside `commandFile` (the single executable, or a checkout's bundled script) by
 * absolute path, or null when it was not built there (no Go at build time): kubeconfigs then run
 * the command itself.
 */
export function credentialHelperBeside(
  commandFile: string,
  platform: NodeJS.Platform,
  exists: (file: string) => boolean = existsSync,
): string | null {
  const helper = path.join(path.dirname(path.resolve(commandFile)), credentialHelperName(platform));
  return exists(helper) ? helper : null;
}
