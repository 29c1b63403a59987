import { hygieneGroupIds, type HygieneGroupId } from '../../contract/hygiene';
import { expiringWindow } from '../../core/keys/key-context';
import { toKeyView } from '../../core/keys/key-view';
import { countByCluster, groupServerTokens } from '../../core/hygiene/hygiene-groups';
import { flag, optionValue } from '../args';
import { jsonOption, serverOption, type Command } from '../command';
import { formatJson, formatTable } from '../io';

const names: Record<HygieneGroupId, string> = {
  expired: 'expired',
  never_used: 'never used',
  unused: 'not used for N days',
  never_expires: 'never expiring',
  kubeconfig: 'kubeconfig tokens',
  orphaned: 'scoped to deleted clusters',
  disabled: 'disabled ext tokens',
  held: 'held by Rancher Keys',
  elsewhere: 'created elsewhere',
};

/**
 * `rancher-keys hygiene`: the clean-up view's groups from the app's last refresh, read only. The
 * cluster list is not cached locally, so tokens scoped to deleted clusters are only found in the
 * app (which asks the server).
 */
export const hygieneCommand: Command = {
  name: 'hygiene',
  summary: 'Count tokens worth cleaning up, by group (read only)',
  usage: ['hygiene [--server S] [--json]'],
  description: [
    "Sorts each server's tokens (every kind, as of the app's last refresh) into the clean-up groups of the app's Clean up view: expired, never used, not used for N days (the app's setting), never expiring, kubeconfig tokens (per cluster), disabled ext tokens, held by Rancher Keys, created elsewhere. The key Rancher Keys signs in with is in no group. Revoke them in the app. --json lists each group's access keys.",
  ],
  options: [serverOption, jsonOption],
  maxPositionals: 0,
  async run(ctx, args) {
    const doc = await ctx.servers();
    const ref = optionValue(args, 'server');
    const chosen = ref === undefined ? doc.servers : [await ctx.server(ref)];
    const settings = await ctx.settings();
    const now = ctx.io.now();
    const viewContext = { now, expiringWithinMs: expiringWindow(settings) };
    const out = [];
    for (const server of chosen) {
      const keysDoc = await ctx.keys(server);
      const signInKeyId = server.signIn?.keyId ?? null;
      const views = Object.values(keysDoc.keys).map((r) =>
        toKeyView(r, { ...viewContext, signInKeyId }),
      );
      const grouped = groupServerTokens(views, {
        serverId: server.id,
        serverName: server.name,
        now,
        unusedDays: settings.hygieneUnusedDays,
        clusters: null,
      });
      out.push({
        id: server.id,
        name: server.name,
        refreshedAt: keysDoc.refreshedAt,
        tokenCount: grouped.tokenCount,
        usageUnknown: grouped.usageUnknown,
        groups: hygieneGroupIds
          .filter((id) => id !== 'orphaned')
          .map((id) => {
            const members = grouped.members.get(id) ?? [];
            return {
              id,
              count: members.length,
              ...(id === 'kubeconfig' ? { clusters: countByCluster(members) } : {}),
              keyIds: members.map((m) => m.keyId),
            };
          }),
      });
    }
    if (flag(args, 'json')) {
      ctx.io.stdout(formatJson({ unusedDays: settings.hygieneUnusedDays, servers: out }));
      return 0;
    }
    const blocks = out.map((server) => {
      const head = `${server.name}  ${server.tokenCount} tokens${server.refreshedAt ? ` (as of ${server.refreshedAt})` : ''}`;
      const rows = [
        ['GROUP', 'TOKENS'],
        ...server.groups.map((g) => [
          g.id === 'unused' ? `not used for ${settings.hygieneUnusedDays} days` : names[g.id],
          server.usageUnknown && (g.id === 'never_used' || g.id === 'unused')
            ? 'unknown'
            : String(g.count),
        ]),
      ];
      return `${head}\n${formatTable(rows, '  ')}`;
    });
    ctx.io.stdout(`${blocks.length ? blocks.join('\n\n') : 'Rancher Keys has no servers yet.'}\n`);
    return 0;
  },
};
