import { flag, optionValue } from '../args';
import { jsonOption, serverOption, type Command } from '../command';
import { formatInstant, formatJson, formatTable, relativeTime } from '../io';
import { listServers, type ListedKey } from '../key-listing';

function expiryText(key: ListedKey, now: number): string {
  if (!key.expiresAt) return 'never';
  const at = Date.parse(key.expiresAt);
  return Number.isNaN(at) ? key.expiresAt : `${formatInstant(at)} (${relativeTime(at, now)})`;
}

/** `rancher-keys list`: servers and keys with state and expiry; never a secret. */
export const listCommand: Command = {
  name: 'list',
  summary: 'List servers and keys with state and expiry (never a secret)',
  usage: ['list [--server S] [--json]'],
  description: [
    'Lists the API keys Rancher Keys knows, per server, as of its last refresh: state, expiry, scope and description. "*" marks the default key for tools; "secret: no" marks keys whose secret Rancher Keys does not hold.',
  ],
  options: [serverOption, jsonOption],
  maxPositionals: 0,
  async run(ctx, args) {
    const servers = await listServers(ctx, optionValue(args, 'server'));
    if (flag(args, 'json')) {
      ctx.io.stdout(formatJson({ servers }));
      return 0;
    }
    const now = ctx.io.now();
    const blocks = servers.map((server) => {
      const head = `${server.name}  ${server.origin}${server.active ? '  (active)' : ''}`;
      if (server.keys.length === 0) return `${head}\n  no API keys`;
      const rows = [
        ['', 'KEY', 'STATE', 'EXPIRES', 'SCOPE', 'DESCRIPTION'],
        ...server.keys.map((k) => [
          k.isDefault ? '*' : '',
          k.handle === k.keyId ? k.keyId : `${k.keyId} (${k.handle})`,
          k.hasSecret ? k.state : `${k.state}, secret: no`,
          expiryText(k, now),
          k.clusterId ?? '-',
          k.description,
        ]),
      ];
      return `${head}\n${formatTable(rows, '  ')}`;
    });
    ctx.io.stdout(`${blocks.length ? blocks.join('\n\n') : 'Rancher Keys has no servers yet.'}\n`);
    return 0;
  },
};
