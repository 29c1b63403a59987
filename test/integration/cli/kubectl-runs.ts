import { readFileSync, realpathSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { runProgram } from './cli-runner';

/**
 * The kubectl binaries of this machine. Google Cloud SDK's `kubectl` (what /usr/bin/kubectl is on
 * these machines) is a dispatcher: it asks the cluster for /version through the kubeconfig's
 * credentials, so through the exec plugin, and then replaces itself with `kubectl.<major>.<minor>`
 * next to it, a second process that runs the plugin again. Debian's kubectl is not a dispatcher.
 */
export interface Kubectls {
  /** The kubectl users run. */
  kubectl: string;
  /** The versioned kubectl the dispatcher hands over to for `serverMinor`, or null. */
  dispatchedTo: string | null;
}

/** Finds out whether `kubectl` dispatches, and to which binary for a server of `serverMinor`. */
export async function kubectlsOf(kubectl: string, serverMinor: string): Promise<Kubectls> {
  const version = await runProgram([kubectl, 'version', '--client', '-o', 'json'], process.env);
  const gitVersion = (JSON.parse(version.stdout) as { clientVersion: { gitVersion: string } })
    .clientVersion.gitVersion;
  if (!gitVersion.includes('dispatcher')) return { kubectl, dispatchedTo: null };
  return {
    kubectl,
    dispatchedTo: path.join(path.dirname(realpathSync(kubectl)), `kubectl.${serverMinor}`),
  };
}

/**
 * Copies a kubeconfig whose user runs an exec plugin, wrapping the plugin in `/bin/sh` that adds
 * one byte to `counter` per run before it hands over to the real command (same arguments).
 */
export function countingKubeconfig(source: string, target: string, counter: string): void {
  const config = parse(readFileSync(source, 'utf8')) as {
    users: Array<{ user: { exec: { command: string; args: string[]; env?: unknown[] } } }>;
  };
  for (const { user } of config.users) {
    const { command, args } = user.exec;
    user.exec.command = '/bin/sh';
    user.exec.args = ['-c', 'printf . >> "$RK_PLUGIN_COUNTER"; exec "$@"', 'sh', command, ...args];
    user.exec.env = [{ name: 'RK_PLUGIN_COUNTER', value: counter }];
  }
  writeFileSync(target, stringify(config), { mode: 0o600 });
}

/** How many times the wrapped plugin ran since `counter` was created. */
export function pluginRuns(counter: string): number {
  try {
    return readFileSync(counter, 'utf8').length;
  } catch {
    return 0;
  }
}
