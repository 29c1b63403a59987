import type { App } from 'electron';
import {
  autostartCommand,
  autostartDesktopEntry,
  autostartDir,
  hiddenArg,
  setLinuxAutostart,
} from './linux-autostart';

/** What applying the setting needs from Electron and the OS. */
export interface LoginItemDeps {
  platform: NodeJS.Platform;
  app: Pick<App, 'setLoginItemSettings'>;
  env: NodeJS.ProcessEnv;
  home: string;
  execPath: string;
  productName: string;
}

/**
 * Applies `settings.startAtLogin`: macOS and Windows through the OS login items, Linux (which has
 * none in Electron) through an XDG autostart entry. The app then starts hidden, in the tray
 * (`--hidden` on Windows and Linux; `wasOpenedAtLogin` on macOS, where login items take no args).
 */
export async function applyStartAtLogin(enabled: boolean, deps: LoginItemDeps): Promise<void> {
  if (deps.platform === 'darwin' || deps.platform === 'win32') {
    deps.app.setLoginItemSettings({ openAtLogin: enabled, args: [hiddenArg] });
    return;
  }
  await setLinuxAutostart({
    dir: autostartDir(deps.env, deps.home),
    enabled,
    content: autostartDesktopEntry({
      command: autostartCommand(deps.env, deps.execPath),
      name: deps.productName,
    }),
  });
}
