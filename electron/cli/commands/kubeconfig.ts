import type { Cluster } from '../../contract/servers';
import { AppFailure } from '../../core/app-failure';
import { signInAccount } from '../../core/vault/keychain-accounts';
import { createRancherClient } from '../../core/rancher/create-rancher-client';
import { clientOptions } from '../../core/servers/server-view';
import { defaultKeychainService } from '../../core/vault/secret-store';
import { flag, optionValue, printable } from '../args';
import type { CliContext } from '../cli-context';
import { serverOption, type Command } from '../command';
import { CliError, UsageError } from '../io';
import { usableBearer, type PickedKey } from '../key-access';
import {
  defaultKubeconfigPath,
  kubeconfigEntryFor,
  kubeconfigYaml,
  mergeKubeconfigFile,
  writePrivateFile,
} from '../../core/kubeconfig/kubeconfig-file';
import { CLI_VERSION } from '../version';

/** The cluster NAME|ID names: a scoped key's own cluster as is, else looked up on the server. */
async function findCluster(
  ctx: CliContext,
  key: PickedKey & { bearer: string },
  ref: string,
): Promise<Cluster> {
  const scope = key.record.token.clusterId;
  if (scope !== null) {
    if (ref === scope) return { id: scope, name: scope, state: 'active' };
  }
  // An unscoped key can list clusters itself; a scoped one cannot (Rancher answers 401), so the
  // app's sign-in credential asks instead.
  const credential =
    scope === null ? key.bearer : await ctx.secrets().get(signInAccount(key.server.origin));
  let clusters: Cluster[];
  try {
    if (!credential) throw new AppFailure('unauthorized', 'no credential');
    const client = createRancherClient(
      clientOptions(
        key.server,
        () => Promise.resolve(credential),
        CLI_VERSION,
        ctx.network(key.server),
      ),
    );
    clusters = await client.clusters();
  } catch (error) {
    const reason = error instanceof AppFailure ? error.message : 'the request failed';
    throw new CliError(
      `Could not list the clusters of ${key.server.name} to find "${printable(ref)}" (${reason.replace(/\.$/, '')}); pass the cluster's id instead.`,
    );
  }
  const lower = ref.toLowerCase();
  const found =
    clusters.find((c) => c.id === ref) ?? clusters.find((c) => c.name.toLowerCase() === lower);
  if (!found) {
    throw new CliError(
      `${key.server.name} has no cluster "${printable(ref)}" that this key can see (clusters: ${clusters.map((c) => c.name).join(', ') || 'none'}).`,
    );
  }
  if (scope !== null && found.id !== scope) {
    throw new CliError(
      `${key.keyId} is scoped to cluster ${scope}; it cannot reach ${found.name}. Pick a key for ${found.name}.`,
    );
  }
  return found;
}

/** `rancher-keys kubeconfig`: a kubeconfig whose user is an exec entry, never a token. */
export const kubeconfigCommand: Command = {
  name: 'kubeconfig',
  summary: 'Write or merge a kubeconfig whose credential comes from the keychain',
  usage: [
    'kubeconfig --server S --cluster NAME|ID [--key KEY] [-o FILE | --merge [--use]] [--name NAME]',
  ],
  description: [
    "Builds a kubeconfig for one cluster of a server: the cluster is <server>/k8s/clusters/<id> (with the server's CA or pinned certificate), and the user runs `rancher-keys kubectl-credential` by absolute path, so no token is ever written to the file. Renewing the key in Rancher Keys keeps the kubeconfig working.",
    'Without -o or --merge the kubeconfig is printed. --merge adds or updates the cluster, user and context in ~/.kube/config (or the first file of $KUBECONFIG) after a 0600 backup of it, keeping every other entry; --use also makes it the current context.',
  ],
  options: [
    serverOption,
    {
      name: 'cluster',
      value: 'NAME|ID',
      help: 'The cluster (name or id, e.g. local or c-m-4x7kq2lb).',
    },
    {
      name: 'key',
      value: 'KEY',
      help: "The key kubectl uses (default: the server's default key for tools, followed as it changes).",
    },
    {
      name: 'output',
      short: 'o',
      value: 'FILE',
      help: 'Write the kubeconfig to FILE (mode 0600).',
    },
    { name: 'merge', help: 'Merge into ~/.kube/config or $KUBECONFIG (backup first).' },
    { name: 'use', help: 'With --merge: switch current-context to it.' },
    {
      name: 'name',
      value: 'NAME',
      help: 'Name of the cluster, user and context (default <server>-<cluster>).',
    },
  ],
  maxPositionals: 0,
  examples: [
    'rancher-keys kubeconfig --server prod --cluster local --merge --use && kubectl get namespaces',
    'rancher-keys kubeconfig --server prod --cluster c-m-4x7kq2lb --key token-abc12 -o ~/prod.kubeconfig',
  ],
  async run(ctx, args) {
    const clusterRef = optionValue(args, 'cluster');
    if (clusterRef === undefined) throw new UsageError('kubeconfig needs --cluster NAME|ID.');
    const output = optionValue(args, 'output');
    const merge = flag(args, 'merge');
    if (output !== undefined && merge)
      throw new UsageError('Use either -o FILE or --merge, not both.');
    if (flag(args, 'use') && !merge) throw new UsageError('--use only applies with --merge.');
    const keyRef = optionValue(args, 'key');
    const key = await usableBearer(ctx, optionValue(args, 'server'), keyRef);
    const cluster = await findCluster(ctx, key, clusterRef.trim());
    const name = optionValue(args, 'name');
    const entry = kubeconfigEntryFor({
      server: key.server,
      cluster,
      ...(name === undefined ? {} : { name }),
      exec: {
        self: ctx.self,
        server: key.server.origin,
        key: keyRef === undefined ? null : key.handle,
        dataDir: ctx.dataDirGiven ? ctx.dataDir : null,
        keychainService:
          ctx.keychainService === defaultKeychainService ? null : ctx.keychainService,
      },
    });
    const { name: context } = entry;
    if (merge) {
      const file = defaultKubeconfigPath(ctx.io.env, ctx.io.home);
      const { backup } = await mergeKubeconfigFile(file, entry, {
        use: flag(args, 'use'),
        now: ctx.io.now(),
      });
      ctx.io.stderr(
        `Merged context "${context}" into ${file}${backup ? ` (backup: ${backup})` : ''}.${flag(args, 'use') ? ' It is the current context now.' : ` Use it with: kubectl --context ${context} get namespaces`}\n`,
      );
    } else if (output !== undefined) {
      await writePrivateFile(output, kubeconfigYaml(entry));
      ctx.io.stderr(
        `Wrote ${output}. Use it with: kubectl --kubeconfig ${output} get namespaces\n`,
      );
    } else {
      ctx.io.stdout(kubeconfigYaml(entry));
    }
    return 0;
  },
};
