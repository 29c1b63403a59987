import { execFile } from 'node:child_process';

/** Whether a tray (StatusNotifierItem host) can show the app's icon. */
export type TrayHost = 'present' | 'absent' | 'unknown';

/** The D-Bus call that asks the StatusNotifierWatcher whether any host (a panel) is registered. */
export const trayHostQuery: readonly string[] = [
  '--session',
  '--print-reply',
  '--reply-timeout=2000',
  '--dest=org.kde.StatusNotifierWatcher',
  '/StatusNotifierWatcher',
  'org.freedesktop.DBus.Properties.Get',
  'string:org.kde.StatusNotifierWatcher',
  'string:IsStatusNotifierHostRegistered',
];

/**
 * Reads dbus-send's answer: `variant boolean true` means a host shows tray icons; a missing
 * watcher (stock GNOME without the AppIndicator extension) or `false` means none does.
 */
export function parseTrayHostReply(result: {
  ok: boolean;
  stdout: string;
  stderr: string;
}): TrayHost {
  if (result.ok) {
    if (/boolean\s+true/.test(result.stdout)) return 'present';
    if (/boolean\s+false/.test(result.stdout)) return 'absent';
    return 'unknown';
  }
  if (/ServiceUnknown|NameHasNoOwner|was not provided by any \.service files/.test(result.stderr)) {
    return 'absent';
  }
  return 'unknown';
}

/**
 * Asks the session bus (Linux only; elsewhere the OS always has a tray). "unknown" (no dbus-send,
 * no session bus) is treated like a tray by the caller, as before.
 */
export function detectTrayHost(platform: NodeJS.Platform): Promise<TrayHost> {
  if (platform !== 'linux') return Promise.resolve('present');
  return new Promise((resolve) => {
    execFile('dbus-send', [...trayHostQuery], { timeout: 3000 }, (error, stdout, stderr) => {
      if (error && (error as NodeJS.ErrnoException).code === 'ENOENT') resolve('unknown');
      else
        resolve(parseTrayHostReply({ ok: !error, stdout: String(stdout), stderr: String(stderr) }));
    });
  });
}
