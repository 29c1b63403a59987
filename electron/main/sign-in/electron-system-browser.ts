import type { Shell } from 'electron';
import type { SystemBrowser } from '../../core/sign-in-ports';
import { systemBrowserUrl } from './system-browser-url';

/**
 * The SystemBrowser port in Electron: `shell.openExternal`, after main's own check of the address
 * (https, or http on loopback, no credentials; see {@link systemBrowserUrl}). The core has already
 * limited the host to the server or an IdP its provider list names; this is the shell's floor.
 */
export function createElectronSystemBrowser(shell: Pick<Shell, 'openExternal'>): SystemBrowser {
  return {
    async open(url) {
      const safe = systemBrowserUrl(url);
      if (!safe) throw new Error('Rancher Keys opens only https addresses in your browser.');
      await shell.openExternal(safe, { activate: true });
    },
  };
}
