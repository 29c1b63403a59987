import path from 'node:path';
import { credentialHelperBeside } from '../../core/kubeconfig/credential-helper';
import type { SelfCommand } from '../../core/kubeconfig/kubeconfig-file';

/**
 * The `rancher-keys` command packaged beside the app (build/electron-builder.yml extraResources:
 * resources/bin/rancher-keys[.exe]), with the native credential helper beside it when the
 * installer carries one; null when running unpackaged, where there is none.
 */
export function bundledCommandLine(
  resourcesPath: string,
  packaged: boolean,
  platform: NodeJS.Platform,
  exists?: (file: string) => boolean,
): SelfCommand | null {
  if (!packaged) return null;
  const name = platform === 'win32' ? 'rancher-keys.exe' : 'rancher-keys';
  const command = path.join(resourcesPath, 'bin', name);
  return { command, args: [], credentialHelper: credentialHelperBeside(command, platform, exists) };
}
