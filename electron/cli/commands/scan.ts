import path from 'node:path';
import { ownEntry } from '../../core/id-table';
import { fileIdFor, knownPlaces } from '../../core/plaintext/plaintext-places';
import { scanPlaces, toFinding } from '../../core/plaintext/plaintext-scan';
import { createSecretHasher } from '../../core/plaintext/secret-hash';
import { keySecretAccount } from '../../core/vault/keychain-accounts';
import { flag, printable } from '../args';
import { jsonOption, type Command } from '../command';
import { formatJson, formatTable } from '../io';

const placeText: Record<string, string> = {
  cli2_login: 'login key',
  cli2_kube_credential: 'cached kube credential',
  kubeconfig_user: 'user',
};

/**
 * `rancher-keys scan`: the Plaintext check from a terminal, read only. The same known places and
 * parsing as the app; whether Rancher Keys holds a token is decided by keyed hash against the
 * keychain, in this process's memory only.
 */
export const scanCommand: Command = {
  name: 'scan',
  summary: 'Find Rancher tokens left in plaintext (cli2.json, kubeconfigs); read only',
  usage: ['scan [--json] [FILE…]'],
  description: [
    'Reads the Rancher CLI’s cli2.json ($RANCHER_CONFIG_DIR, else ~/.rancher), ~/.kube/config, every file in $KUBECONFIG, and the FILEs given, and lists each Rancher token in them by access key and place (never the secret), the server it belongs to, and whether Rancher Keys already holds it. Nothing is changed and nothing is sent anywhere: import and rewrite from the app’s Plaintext check.',
  ],
  options: [jsonOption],
  maxPositionals: 50,
  exitCodes: ['1   a token is in plaintext that Rancher Keys does not hold yet'],
  examples: ['rancher-keys scan', 'rancher-keys scan --json ~/Downloads/prod.yaml'],
  async run(ctx, args) {
    const { home, env } = ctx.io;
    const added = new Map(
      args.positionals.map((file) => {
        const absolute = path.resolve(file);
        return [fileIdFor(absolute), absolute] as const;
      }),
    );
    const hasher = createSecretHasher();
    const result = await scanPlaces(knownPlaces({ home, env }, added), { home, hasher });
    const { servers } = await ctx.servers();
    const byOrigin = new Map(servers.map((s) => [s.origin, s]));
    const heldHashes = new Map<string, string | null>();
    const findings = [];
    for (const token of result.tokens) {
      const server = token.serverUrl === null ? undefined : byOrigin.get(token.serverUrl);
      let heldKeyId: string | null = null;
      if (server) {
        const id = `${server.id}\n${token.accessKey}`;
        if (!heldHashes.has(id)) {
          const record = ownEntry((await ctx.keys(server)).keys, token.accessKey);
          const secret = record?.hasSecret
            ? await ctx
                .secrets()
                .get(keySecretAccount(server.origin, server.signIn?.keyId ?? null, token.accessKey))
                .catch(() => null)
            : null;
          heldHashes.set(id, secret === null ? null : hasher.hash(secret));
        }
        if (heldHashes.get(id) === token.hash) heldKeyId = token.accessKey;
      }
      findings.push(toFinding(token, { serverId: server?.id ?? null, heldKeyId }));
    }
    const files = result.files.map((f) => f.info);
    const notHeld = findings.filter((f) => !f.alreadyHeld).length;
    if (flag(args, 'json')) {
      ctx.io.stdout(formatJson({ files, findings }));
      return notHeld > 0 ? 1 : 0;
    }
    const fileRows = [
      ['FILE', 'KIND', 'STATUS', 'TOKENS'],
      ...files.map((f) => [
        printable(f.path, 120),
        f.kind,
        f.status === 'ok' ? 'read' : `${f.status.replace('_', ' ')}: ${f.message ?? ''}`,
        String(f.findingCount),
      ]),
    ];
    const pathOf = new Map(files.map((f) => [f.fileId, f.path]));
    const tokenRows = [
      ['ACCESS KEY', 'SERVER', 'WHERE', 'HELD'],
      ...findings.map((f) => [
        f.accessKey,
        f.serverUrl ?? 'unknown',
        `${printable(pathOf.get(f.fileId) ?? '', 120)} ${placeText[f.place.kind] ?? ''} ${printable(f.place.entry)}`,
        f.alreadyHeld ? 'yes' : 'no',
      ]),
    ];
    const summary =
      findings.length === 0
        ? 'No Rancher token found in plaintext.'
        : `${findings.length} Rancher token(s) in plaintext, ${notHeld} not held by Rancher Keys. Import and rewrite them from the app: Settings → Plaintext check.`;
    ctx.io.stdout(
      `${formatTable(fileRows, '  ')}\n\n${findings.length ? `${formatTable(tokenRows, '  ')}\n\n` : ''}${summary}\n`,
    );
    return notHeld > 0 ? 1 : 0;
  },
};
