import { lstat, mkdir, readlink, rm, stat, symlink } from 'node:fs/promises';
import path from 'node:path';
import type { CommandLineStatus } from '../../contract/command-line';
import { AppFailure } from '../app-failure';
import { renameDurably } from '../durable-rename';
import { defaultDataDir } from '../data-dir';
import { defaultKeychainService } from '../vault/secret-store';
import type { SelfCommand } from './kubeconfig-file';

/** What the shell tells the core about the `rancher-keys` command and the user's environment. */
export interface CommandLineDeps {
  /** The command as this app ships it (packaged: resources/bin/rancher-keys); null when absent. */
  executable: SelfCommand | null;
  home: string;
  env: Readonly<Record<string, string | undefined>>;
  platform: NodeJS.Platform;
  /** The app's keychain service and data directory, passed to kubeconfigs when not the defaults. */
  keychainService: string;
  dataDir: string;
}

/** The exec entry's extra arguments when the app runs on a non-default data dir or service. */
export function nonDefaultLocations(deps: CommandLineDeps): {
  dataDir: string | null;
  keychainService: string | null;
} {
  const defaultDir = defaultDataDir(deps.platform, deps.env, deps.home);
  return {
    dataDir: path.resolve(deps.dataDir) === path.resolve(defaultDir) ? null : deps.dataDir,
    keychainService: deps.keychainService === defaultKeychainService ? null : deps.keychainService,
  };
}

/** Where "Install command-line tool" links the command: `~/.local/bin/rancher-keys`. */
function linkPath(deps: CommandLineDeps): string | null {
  return deps.platform === 'win32' ? null : path.join(deps.home, '.local', 'bin', 'rancher-keys');
}

function onPath(dir: string, env: CommandLineDeps['env'], platform: NodeJS.Platform): boolean {
  const sep = platform === 'win32' ? ';' : ':';
  return (env.PATH ?? '').split(sep).some((p) => p && path.resolve(p) === path.resolve(dir));
}

/** The installed state of the command (Settings → "Install command-line tool"). */
export async function commandLineStatus(deps: CommandLineDeps): Promise<CommandLineStatus> {
  const link = linkPath(deps);
  const exe = deps.executable;
  // Only the single executable (no leading arguments) can be linked onto PATH as is.
  const available =
    exe !== null &&
    exe.args.length === 0 &&
    (await stat(exe.command).then(
      (s) => s.isFile(),
      () => false,
    ));
  let installed = false;
  if (link && available) {
    installed = await readlink(link).then(
      (target) => path.resolve(path.dirname(link), target) === exe.command,
      () => false,
    );
  }
  const reason = !available
    ? 'This build of Rancher Keys does not include the rancher-keys command (installers do; from a checkout, use npm run rancher-keys).'
    : link === null
      ? `On Windows, add ${path.dirname(exe.command)} to your PATH to use rancher-keys.`
      : null;
  return {
    available,
    link,
    installed,
    onPath: link !== null && onPath(path.dirname(link), deps.env, deps.platform),
    reason,
  };
}

/**
 * Links `~/.local/bin/rancher-keys` to the app's command, the way editors install their shell
 * command. An existing file that is not a link is left alone (a conflict the user resolves).
 */
export async function installCommandLine(deps: CommandLineDeps): Promise<CommandLineStatus> {
  const status = await commandLineStatus(deps);
  if (!status.available || status.link === null || deps.executable === null) {
    throw new AppFailure('invalid_input', status.reason ?? 'The command cannot be installed here.');
  }
  const link = status.link;
  const existing = await lstat(link).catch(() => null);
  if (existing && !existing.isSymbolicLink()) {
    throw new AppFailure(
      'conflict',
      `${link} already exists and is not a link made by Rancher Keys; move it away, then install again.`,
    );
  }
  await mkdir(path.dirname(link), { recursive: true, mode: 0o755 });
  // A new link beside the old one, then renamed over it: the command is never missing.
  const temp = `${link}.${process.pid}.tmp`;
  await rm(temp, { force: true });
  await symlink(deps.executable.command, temp);
  await renameDurably(temp, link);
  return commandLineStatus(deps);
}
