import path from 'node:path';

/**
 * The `rancher-keys` command packaged beside the app (build/electron-builder.yml extraResources:
 * resources/bin/rancher-keys[.exe]); null when running unpackaged, where there is none.
 */
export function bundledCommandLine(
  resourcesPath: string,
  packaged: boolean,
  platform: NodeJS.Platform,
): { command: string; args: string[] } | null {
  if (!packaged) return null;
  const name = platform === 'win32' ? 'rancher-keys.exe' : 'rancher-keys';
  return { command: path.join(resourcesPath, 'bin', name), args: [] };
}
