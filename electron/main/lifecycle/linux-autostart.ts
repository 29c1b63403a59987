import { mkdir, open, rm } from 'node:fs/promises';
import { renameDurably } from '../../core/durable-rename';
import path from 'node:path';

/** The autostart entry's file name (XDG Autostart spec: `$XDG_CONFIG_HOME/autostart/*.desktop`). */
export const autostartFileName = 'rancher-keys.desktop';

/** The argument the app gets when started at login: it starts in the tray, without a window. */
export const hiddenArg = '--hidden';

/** `$XDG_CONFIG_HOME/autostart`, or `~/.config/autostart` when the variable is unset or relative. */
export function autostartDir(env: NodeJS.ProcessEnv, home: string): string {
  const config = env.XDG_CONFIG_HOME;
  return path.join(
    config && path.isAbsolute(config) ? config : path.join(home, '.config'),
    'autostart',
  );
}

/**
 * What to launch: an AppImage runs from a temporary mount, so the entry must name the AppImage
 * file itself (`$APPIMAGE`), not `process.execPath`.
 */
export function autostartCommand(env: NodeJS.ProcessEnv, execPath: string): string {
  return env.APPIMAGE && path.isAbsolute(env.APPIMAGE) ? env.APPIMAGE : execPath;
}

/**
 * Quotes one Exec argument (Desktop Entry spec, "The Exec key"): inside double quotes `"`, `` ` ``,
 * `$` and `\` take a backslash; then, as the value is a string, every backslash is doubled again.
 */
export function quoteExecArg(arg: string): string {
  if (/[\n\r]/.test(arg)) throw new Error('An Exec argument cannot contain a line break');
  const needsQuotes = /[\s"'\\><~|&;$*?#()`%]/.test(arg) || arg === '';
  const escaped = needsQuotes ? `"${arg.replace(/(["`$\\])/g, '\\$1')}"` : arg;
  // `%` introduces field codes; a literal one is written `%%`.
  return escaped.replace(/\\/g, '\\\\').replace(/%/g, '%%');
}

/** The `.desktop` file that starts the app at login, in the tray. */
export function autostartDesktopEntry(options: { command: string; name: string }): string {
  if (/[\n\r]/.test(options.name)) throw new Error('A name cannot contain a line break');
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Version=1.0',
    `Name=${options.name}`,
    'Comment=Rancher API keys in your OS keychain, watched for expiry',
    `Exec=${quoteExecArg(options.command)} ${hiddenArg}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

/**
 * Writes (atomically: temp file then rename) or removes the autostart entry in `dir`.
 * Removing an entry that does not exist is not an error.
 */
export async function setLinuxAutostart(options: {
  dir: string;
  enabled: boolean;
  content: string;
}): Promise<void> {
  const file = path.join(options.dir, autostartFileName);
  if (!options.enabled) {
    await rm(file, { force: true });
    return;
  }
  await mkdir(options.dir, { recursive: true, mode: 0o700 });
  const temp = `${file}.${process.pid}.tmp`;
  const handle = await open(temp, 'w', 0o644);
  try {
    await handle.writeFile(options.content);
    // Readable by the session manager whatever the umask; the entry holds no secret.
    await handle.chmod(0o644);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await renameDurably(temp, file);
}
