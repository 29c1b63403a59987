import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, realpath, rm } from 'node:fs/promises';
import path from 'node:path';
import { isMap, isScalar, isSeq, parseDocument, type Document } from 'yaml';
import { AppFailure } from '../app-failure';
import { renameDurably } from '../durable-rename';

/** How another program (kubectl) runs `rancher-keys`: an absolute executable and leading arguments. */
export interface SelfCommand {
  command: string;
  args: readonly string[];
  /**
   * The native credential helper beside the command (credential-helper.ts), by absolute path:
   * kubeconfigs run it instead of `<command> kubectl-credential`, with the same arguments.
   */
  credentialHelper?: string | null;
}

/** The client-go exec credential API the kubeconfigs name (kubectl 1.22+). */
export const EXEC_API_VERSION = 'client.authentication.k8s.io/v1';

/** What `kubectl-credential` needs to find the key again; defaults are left out of the args. */
export interface ExecTarget {
  self: SelfCommand;
  /** The server's origin, as `--server` matches it. */
  server: string;
  /** The key's handle; omitted: the server's default key at each call. */
  key: string | null;
  /** Set when not the default data directory / keychain service (demo, tests). */
  dataDir: string | null;
  keychainService: string | null;
}

/** A kubeconfig `users[].user.exec` entry that runs `rancher-keys kubectl-credential`. */
export interface ExecConfig {
  apiVersion: string;
  command: string;
  args: string[];
  interactiveMode: 'Never';
  provideClusterInfo: false;
  installHint: string;
}

/**
 * The exec entry: no token in the file, only how to ask the keychain for it. It runs the native
 * helper when there is one, else the command's `kubectl-credential`; both take the same arguments
 * and answer alike, and both find the key by its handle, so Renew never breaks the entry.
 */
export function buildExecUser(target: ExecTarget): ExecConfig {
  const helper = target.self.credentialHelper ?? null;
  const args = [
    ...(helper === null ? [...target.self.args, 'kubectl-credential'] : []),
    '--server',
    target.server,
  ];
  if (target.key !== null) args.push('--key', target.key);
  if (target.dataDir !== null) args.push('--data-dir', target.dataDir);
  if (target.keychainService !== null) args.push('--keychain-service', target.keychainService);
  return {
    apiVersion: EXEC_API_VERSION,
    command: helper ?? target.self.command,
    args,
    interactiveMode: 'Never',
    provideClusterInfo: false,
    installHint:
      'This kubeconfig reads its token from Rancher Keys: install Rancher Keys and use Settings → "Install command-line tool".',
  };
}

/** A server as a kubeconfig needs it. */
export interface KubeconfigServer {
  name: string;
  origin: string;
  caPem: string | null;
  anchorPem: string | null;
}

/** The certificate kubectl must trust: the server's CA, or the certificate pinned on first use. */
export function trustedPem(server: KubeconfigServer): string | null {
  if (!server.origin.startsWith('https:')) return null;
  return server.caPem ?? server.anchorPem ?? null;
}

const clusterIdPattern = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'rancher'
  );
}

/**
 * The kubeconfig entry for one cluster of a server: `<origin>/k8s/clusters/<id>`, its trust, and
 * the exec user. Named `<server>-<cluster>` unless a name is given. The cluster id must be one
 * Rancher issues (it becomes part of a URL).
 */
export function kubeconfigEntryFor(input: {
  server: KubeconfigServer;
  cluster: { id: string; name: string };
  exec: ExecTarget;
  name?: string;
}): KubeconfigEntry {
  if (!clusterIdPattern.test(input.cluster.id)) {
    throw new AppFailure(
      'invalid_input',
      'That cluster id is not one Rancher issues; the kubeconfig was not written.',
    );
  }
  return {
    name: slug(input.name ?? `${input.server.name}-${input.cluster.name}`),
    clusterUrl: `${input.server.origin}/k8s/clusters/${input.cluster.id}`,
    caPem: trustedPem(input.server),
    exec: buildExecUser(input.exec),
  };
}

/** One cluster + user + context, all under one name. */
export interface KubeconfigEntry {
  name: string;
  /** `<origin>/k8s/clusters/<id>`. */
  clusterUrl: string;
  /** PEM to trust (the server's CA or pinned certificate); null for the system's trust. */
  caPem: string | null;
  exec: ExecConfig;
}

function sections(entry: KubeconfigEntry) {
  const cluster: Record<string, string> = { server: entry.clusterUrl };
  if (entry.caPem)
    cluster['certificate-authority-data'] = Buffer.from(entry.caPem).toString('base64');
  return {
    clusters: { name: entry.name, cluster },
    users: { name: entry.name, user: { exec: entry.exec } },
    contexts: { name: entry.name, context: { cluster: entry.name, user: entry.name } },
  };
}

/** A kubeconfig holding just this entry, as its current context. */
export function kubeconfigYaml(entry: KubeconfigEntry): string {
  return mergeKubeconfig('', entry, true);
}

/**
 * Adds or replaces (by name) the entry's cluster, user and context in a kubeconfig, keeping every
 * other entry, comment and key order as it was; `current-context` changes only with `use`.
 */
export function mergeKubeconfig(existing: string, entry: KubeconfigEntry, use: boolean): string {
  const doc: Document = parseDocument(existing);
  if (doc.errors.length > 0) {
    throw new AppFailure(
      'invalid_input',
      `The kubeconfig is not valid YAML (${doc.errors[0]?.message.split('\n')[0] ?? 'parse error'}); it was left unchanged.`,
    );
  }
  if (doc.contents === null) doc.contents = doc.createNode({ apiVersion: 'v1', kind: 'Config' });
  if (!isMap(doc.contents))
    throw new AppFailure(
      'invalid_input',
      'The kubeconfig is not a YAML mapping; it was left unchanged.',
    );
  if (!doc.has('apiVersion')) doc.set('apiVersion', 'v1');
  if (!doc.has('kind')) doc.set('kind', 'Config');
  for (const [section, value] of Object.entries(sections(entry))) {
    let list = doc.get(section, true);
    // kubectl itself writes an empty section as `users: null`.
    if (list === undefined || (isScalar(list) && list.value === null)) {
      doc.set(section, doc.createNode([]));
      list = doc.get(section, true);
    }
    if (!isSeq(list))
      throw new AppFailure(
        'invalid_input',
        `The kubeconfig's "${section}" is not a list; it was left unchanged.`,
      );
    const node = doc.createNode(value);
    const at = list.items.findIndex((item) => isMap(item) && item.get('name') === entry.name);
    if (at >= 0) list.items[at] = node;
    else list.items.push(node);
  }
  if (use) doc.set('current-context', entry.name);
  return doc.toString({ lineWidth: 0 });
}

/** `$KUBECONFIG`'s first file, else `~/.kube/config` (where kubectl writes). */
export function defaultKubeconfigPath(
  env: Readonly<Record<string, string | undefined>>,
  home: string,
): string {
  const first = env.KUBECONFIG?.split(path.delimiter).find((p) => p.trim() !== '');
  return first ? path.resolve(first) : path.join(home, '.kube', 'config');
}

async function readIfExists(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * Writes `text` to `file` atomically (temp file, fsync, rename) with mode 0600, or the mode given
 * (a rewrite keeps the file's own; set explicitly, so the umask cannot change it).
 */
export async function writePrivateFile(file: string, text: string, mode = 0o600): Promise<void> {
  const target = await realpath(file).catch(() => file);
  await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
  const temp = `${target}.${randomBytes(4).toString('hex')}.tmp`;
  const handle = await open(temp, 'wx', 0o600);
  try {
    await handle.chmod(mode);
    await handle.writeFile(text);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  await renameDurably(temp, target);
}

/** Where a file's backup goes: beside it, named for the instant (`<file>.rancher-keys-backup-…`). */
export function backupPathFor(file: string, now: number): string {
  const stamp = new Date(now).toISOString().replace(/[:.]/g, '-');
  return `${file}.rancher-keys-backup-${stamp}`;
}

/**
 * Merges the entry into a kubeconfig file: a 0600 backup of the file as it was (when there was
 * one), then the merged file written atomically with mode 0600.
 */
export async function mergeKubeconfigFile(
  file: string,
  entry: KubeconfigEntry,
  options: { use: boolean; now: number },
): Promise<{ backup: string | null }> {
  const before = await readIfExists(file);
  const merged = mergeKubeconfig(before ?? '', entry, options.use);
  let backup: string | null = null;
  if (before !== null) {
    backup = backupPathFor(file, options.now);
    await writePrivateFile(backup, before);
  }
  await writePrivateFile(file, merged);
  return { backup };
}
