import type {
  HygieneGroupId,
  HygieneMember,
  HygieneResult,
  HygieneTarget,
} from '../../contract/hygiene';
import type { Output, ParsedInput } from '../../contract/ipc';
import type { Settings } from '../../contract/settings';
import { hygieneGroupIds } from '../../contract/hygiene';
import { AppFailure } from '../app-failure';
import type { EventSink } from '../events';
import { bounded } from '../keys/key-refresh';
import type { KeyService } from '../keys/key-service';
import type { Logger } from '../log';
import type { Clock } from '../ports';
import type { ServerService } from '../servers/server-service';
import { countByCluster, groupServerTokens, type ServerGroups } from './hygiene-groups';
import { runRevocation, type RevocationJob } from './hygiene-revoke';

export interface HygieneDeps {
  servers: Pick<ServerService, 'list' | 'get' | 'clusters'>;
  keys: Pick<KeyService, 'list' | 'delete'>;
  settings: { get(): Settings };
  clock: Clock;
  log: Logger;
  emit: EventSink;
  /** How long a server's cluster list is reused (default one minute). */
  clustersTtlMs?: number;
  /** Upper bound for reading one server's clusters (default 10 s). */
  clustersTimeoutMs?: number;
}

/** The clean-up view's core: groups, members, dry run, and cancellable bulk revocation. */
export interface HygieneService {
  scan(input: ParsedInput<'hygiene:scan'>): Promise<Output<'hygiene:scan'>>;
  members(input: ParsedInput<'hygiene:members'>): Promise<Output<'hygiene:members'>>;
  preview(input: ParsedInput<'hygiene:preview'>): Promise<Output<'hygiene:preview'>>;
  revoke(input: ParsedInput<'hygiene:revoke'>): Promise<Output<'hygiene:revoke'>>;
  cancel(jobId: string): boolean;
  /** Cancels every job and waits for them to settle. */
  stop(): Promise<void>;
}

interface ClusterEntry {
  at: number;
  clusters: Map<string, string> | null;
}

export function createHygieneService(deps: HygieneDeps): HygieneService {
  const clusterCache = new Map<string, ClusterEntry>();
  const jobs = new Map<string, RevocationJob>();
  const running = new Set<Promise<unknown>>();
  const ttl = deps.clustersTtlMs ?? 60_000;

  async function clustersOf(serverId: string): Promise<Map<string, string> | null> {
    const cached = clusterCache.get(serverId);
    const now = deps.clock.now();
    if (cached && now - cached.at < ttl) return cached.clusters;
    let clusters: Map<string, string> | null = null;
    try {
      const list = await bounded(
        deps.servers.clusters(serverId),
        deps.clustersTimeoutMs ?? 10_000,
        'The clusters did not arrive in time.',
      );
      clusters = new Map(list.map((c) => [c.id, c.name]));
    } catch (error) {
      // Without the list no token can be called orphaned; the view says the group is unknown.
      deps.log.info('hygiene: clusters unavailable', {
        serverId,
        code: error instanceof AppFailure ? error.code : 'internal',
      });
    }
    clusterCache.set(serverId, { at: now, clusters });
    return clusters;
  }

  function serverIds(serverId: string | undefined): string[] {
    if (serverId !== undefined) return [deps.servers.get(serverId).id];
    return deps.servers.list().map((s) => s.id);
  }

  async function groupsOf(
    serverId: string | undefined,
  ): Promise<
    Array<
      ServerGroups & { signedIn: boolean; refreshedAt: string | null; clustersUnknown: boolean }
    >
  > {
    const ids = serverIds(serverId);
    const now = deps.clock.now();
    const unusedDays = deps.settings.get().hygieneUnusedDays;
    return Promise.all(
      ids.map(async (id) => {
        const record = deps.servers.get(id);
        const clusters = record.signedIn ? await clustersOf(id) : null;
        const list = deps.keys.list({ serverId: id, includeSystem: true });
        const groups = groupServerTokens(list.keys, {
          serverId: id,
          serverName: record.name,
          now,
          unusedDays,
          clusters,
        });
        return {
          ...groups,
          signedIn: record.signedIn,
          refreshedAt: list.refreshedAt,
          clustersUnknown: clusters === null,
        };
      }),
    );
  }

  function membersOf(all: readonly ServerGroups[], group: HygieneGroupId): HygieneMember[] {
    return all.flatMap((s) => s.members.get(group) ?? []);
  }

  return {
    async scan(input) {
      const all = await groupsOf(input.serverId);
      return {
        servers: all.map((s) => ({
          serverId: s.serverId,
          serverName: s.serverName,
          signedIn: s.signedIn,
          tokenCount: s.tokenCount,
          refreshedAt: s.refreshedAt,
          clustersUnknown: s.clustersUnknown,
          usageUnknown: s.usageUnknown,
        })),
        groups: hygieneGroupIds.map((id) => {
          const members = membersOf(all, id);
          return {
            id,
            count: members.length,
            clusters: id === 'kubeconfig' ? countByCluster(members) : [],
          };
        }),
        unusedDays: deps.settings.get().hygieneUnusedDays,
      };
    },
    async members(input) {
      return { members: membersOf(await groupsOf(input.serverId), input.group) };
    },
    async preview(input) {
      const all = await groupsOf(input.serverId);
      const chosen = new Map<string, Map<string, HygieneMember>>();
      const skipped: Array<{ serverId: string; keyId: string; reason: string }> = [];
      const pick = (member: HygieneMember) => {
        let server = chosen.get(member.serverId);
        if (!server) {
          server = new Map<string, HygieneMember>();
          chosen.set(member.serverId, server);
        }
        server.set(member.keyId, member);
      };
      for (const group of input.groups) for (const m of membersOf(all, group)) pick(m);
      for (const target of input.targets) {
        const server = all.find((s) => s.serverId === target.serverId);
        const eligible = new Map<string, HygieneMember>();
        for (const members of server?.members.values() ?? []) {
          for (const m of members) eligible.set(m.keyId, m);
        }
        const signInKeyId = server ? deps.servers.get(server.serverId).signInKeyId : null;
        for (const keyId of target.keyIds) {
          const member = eligible.get(keyId);
          if (member) pick(member);
          else
            skipped.push({
              serverId: target.serverId,
              keyId,
              reason:
                keyId === signInKeyId
                  ? 'Rancher Keys signs in with this key.'
                  : 'Not a token of this server that can be revoked.',
            });
        }
      }
      const servers = all
        .filter((s) => chosen.has(s.serverId))
        .map((s) => ({
          serverId: s.serverId,
          serverName: s.serverName,
          members: [...(chosen.get(s.serverId)?.values() ?? [])],
        }));
      return {
        servers,
        total: servers.reduce((n, s) => n + s.members.length, 0),
        skipped,
      };
    },
    async revoke(input) {
      if (jobs.has(input.jobId))
        throw new AppFailure('conflict', 'This clean-up is already running.');
      // Revoke only what a preview would offer now: never the sign-in credential, never a token
      // the lists no longer hold.
      const all = await groupsOf(undefined);
      const targets: HygieneTarget[] = [];
      const refused: HygieneResult[] = [];
      for (const target of input.targets) {
        const server = all.find((s) => s.serverId === target.serverId);
        const eligible = new Set<string>();
        for (const members of server?.members.values() ?? []) {
          for (const m of members) eligible.add(m.keyId);
        }
        const keyIds: string[] = [];
        for (const keyId of new Set(target.keyIds)) {
          if (eligible.has(keyId)) keyIds.push(keyId);
          else
            refused.push({
              serverId: target.serverId,
              keyId,
              outcome: 'failed',
              message: 'Not a token of this server that can be revoked.',
              code: 'not_found',
            });
        }
        if (keyIds.length > 0) targets.push({ serverId: target.serverId, keyIds });
      }
      const job: RevocationJob = { id: input.jobId, cancelled: false };
      jobs.set(job.id, job);
      const work = runRevocation(job, targets, {
        revoke: (serverId, keyIds) => deps.keys.delete({ serverId, keyIds }),
        progress: (done, total, failed) =>
          deps.emit('hygiene:progress', { jobId: job.id, done, total, failed }),
      });
      running.add(work);
      try {
        const results = await work;
        return { cancelled: job.cancelled, results: [...refused, ...results] };
      } finally {
        running.delete(work);
        jobs.delete(job.id);
      }
    },
    cancel(jobId) {
      const job = jobs.get(jobId);
      if (!job) return false;
      job.cancelled = true;
      return true;
    },
    async stop() {
      for (const job of jobs.values()) job.cancelled = true;
      await Promise.allSettled([...running]);
    },
  };
}
