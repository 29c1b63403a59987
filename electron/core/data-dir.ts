import path from 'node:path';

/** The product name Electron derives the data directory from (package.json `productName`). */
export const PRODUCT_NAME = 'Rancher Keys';

/**
 * The app's data directory as Electron's `app.getPath('userData')` computes it, for readers
 * outside Electron (the `rancher-keys` command): `<appData>/Rancher Keys`, where appData is
 * `$XDG_CONFIG_HOME` or `~/.config` on Linux, `~/Library/Application Support` on macOS and
 * `%APPDATA%` on Windows.
 */
export function defaultDataDir(
  platform: NodeJS.Platform,
  env: Readonly<Record<string, string | undefined>>,
  home: string,
): string {
  if (platform === 'darwin') {
    return path.posix.join(home, 'Library', 'Application Support', PRODUCT_NAME);
  }
  if (platform === 'win32') {
    return path.win32.join(
      env.APPDATA ?? path.win32.join(home, 'AppData', 'Roaming'),
      PRODUCT_NAME,
    );
  }
  const config =
    env.XDG_CONFIG_HOME && path.isAbsolute(env.XDG_CONFIG_HOME)
      ? env.XDG_CONFIG_HOME
      : path.join(home, '.config');
  return path.join(config, PRODUCT_NAME);
}
