import { flag, optionValue } from '../args';
import { jsonOption, serverOption, type Command } from '../command';
import { parseDuration } from '../duration';
import { EXIT, formatInstant, formatJson, formatTable, relativeTime } from '../io';
import { listServers } from '../key-listing';

/** `rancher-keys check`: exit 0, 1 (expiring) or 2 (expired), for cron, CI and monitoring. */
export const checkCommand: Command = {
  name: 'check',
  summary: 'Exit 1 when a key expires soon, 2 when one has expired (cron, CI)',
  usage: ['check [--within 7d] [--server S] [--json]'],
  description: [
    "Checks every API key on the server (or on every server) as of Rancher Keys' last refresh. Keys that are revoked, or deleted and waiting for revocation, are not counted.",
  ],
  options: [
    { name: 'within', value: 'DURATION', help: 'Window such as 12h, 7d, 2w (default 7d).' },
    serverOption,
    jsonOption,
  ],
  maxPositionals: 0,
  exitCodes: ['1   a key expires within the window', '2   a key has expired'],
  examples: ['rancher-keys check --within 14d || notify-send "Rancher keys expire soon"'],
  async run(ctx, args) {
    const withinText = optionValue(args, 'within') ?? '7d';
    const within = parseDuration(withinText, 'within');
    const now = ctx.io.now();
    const found: Array<{
      server: string;
      keyId: string;
      description: string;
      expiresAt: string;
      status: 'expired' | 'expiring';
    }> = [];
    for (const server of await listServers(ctx, optionValue(args, 'server'))) {
      for (const key of server.keys) {
        if (key.state === 'revoked' || key.state === 'pending_revocation') continue;
        const at = key.expiresAt ? Date.parse(key.expiresAt) : NaN;
        const expired = key.state === 'expired' || at <= now;
        if (!expired && !(at - now <= within)) continue;
        found.push({
          server: server.name,
          keyId: key.keyId,
          description: key.description,
          expiresAt: key.expiresAt ?? '',
          status: expired ? 'expired' : 'expiring',
        });
      }
    }
    const code = found.some((f) => f.status === 'expired') ? EXIT.expired : found.length ? 1 : 0;
    if (flag(args, 'json')) {
      ctx.io.stdout(formatJson({ within: withinText, keys: found, exitCode: code }));
      return code;
    }
    if (found.length === 0) {
      ctx.io.stdout(`No key expires within ${withinText}.\n`);
      return code;
    }
    const rows = found.map((f) => {
      const at = Date.parse(f.expiresAt);
      const when = Number.isNaN(at) ? '' : `${formatInstant(at)} (${relativeTime(at, now)})`;
      return [
        f.status === 'expired' ? 'EXPIRED' : 'EXPIRING',
        f.server,
        f.keyId,
        when,
        f.description,
      ];
    });
    ctx.io.stdout(`${formatTable(rows)}\n`);
    return code;
  },
};
