import type { Handlers } from '../dispatch';
import { AppFailure } from '../app-failure';
import type { KeyService } from '../keys/key-service';
import type { ServerService } from '../servers/server-service';
import type { Clock } from '../ports';
import {
  commandLineStatus,
  installCommandLine,
  nonDefaultLocations,
  type CommandLineDeps,
} from './command-line';
import { defaultKubeconfigPath, kubeconfigEntryFor, mergeKubeconfigFile } from './kubeconfig-file';

/** The `kubectl:*` and `cli:*` channels: "Use with kubectl…" and the command-line tool. */
export function createCommandLineHandlers(deps: {
  servers: ServerService;
  keys: KeyService;
  clock: Clock;
  commandLine: CommandLineDeps;
}): Pick<Handlers, 'kubectl:kubeconfig' | 'cli:status' | 'cli:install'> {
  const { servers, keys, commandLine } = deps;
  return {
    async 'kubectl:kubeconfig'(input) {
      const server = servers.get(input.serverId);
      const key = keys
        .list({ serverId: input.serverId, includeSystem: true })
        .keys.find((k) => k.id === input.keyId);
      if (!key) throw new AppFailure('not_found', `There is no key ${input.keyId} any more.`);
      if (!key.hasSecret) {
        throw new AppFailure(
          'invalid_input',
          `Rancher Keys does not hold the secret of ${key.id}, so kubectl could not use it.`,
        );
      }
      const cluster = (await servers.clusters(input.serverId)).find(
        (c) => c.id === input.clusterId,
      );
      if (!cluster) {
        throw new AppFailure('not_found', `${server.name} has no cluster ${input.clusterId}.`);
      }
      const entry = kubeconfigEntryFor({
        server: {
          name: server.name,
          origin: server.origin,
          caPem: server.caPem,
          anchorPem: server.anchorPem,
        },
        cluster,
        exec: {
          self: commandLine.executable ?? { command: 'rancher-keys', args: [] },
          server: server.origin,
          key: key.handle,
          ...nonDefaultLocations(commandLine),
        },
      });
      const command = [
        'rancher-keys kubeconfig',
        `--server ${server.origin}`,
        `--cluster ${cluster.id}`,
        `--key ${key.handle}`,
        '--merge',
        ...(input.use ? ['--use'] : []),
      ].join(' ');
      if (!input.merge) return { command, context: entry.name, merged: null };
      if (commandLine.executable === null) {
        throw new AppFailure(
          'invalid_input',
          'This build of Rancher Keys does not include the rancher-keys command, which kubectl would run. Install Rancher Keys from an installer, or run the command shown from a checkout.',
        );
      }
      const file = defaultKubeconfigPath(commandLine.env, commandLine.home);
      const { backup } = await mergeKubeconfigFile(file, entry, {
        use: input.use,
        now: deps.clock.now(),
      });
      return { command, context: entry.name, merged: { file, backup } };
    },
    'cli:status': () => commandLineStatus(commandLine),
    'cli:install': () => installCommandLine(commandLine),
  };
}
