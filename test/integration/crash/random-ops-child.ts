/**
 * A child process for the random-kill test: the real core on a given data dir and keychain,
 * running random operations one after another (create, renew, delete, bulk delete, labels,
 * server add) until the parent kills it with SIGKILL. Each operation prints a `start` line before
 * it is sent and an `ack` line with its result once the core answered, so the parent knows which
 * writes were acknowledged and which one was in flight.
 */
import { createTestCore } from '../../bridge/compose';

interface Job {
  dataDir: string;
  keychainService: string;
  serverId: string;
  aliasUrl: string;
  trial: number;
  seed: number;
  live: string[];
}

const job = JSON.parse(process.argv[2] ?? '{}') as Job;
let seed = job.seed;
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
};
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const print = (line: object) => process.stdout.write(`${JSON.stringify(line)}\n`);

const t = createTestCore({
  dataDir: job.dataDir,
  keychainService: job.keychainService,
  keep: true,
});
await t.ready();
print({ kind: 'ready' });
const live = new Set(job.live);
const serverId = job.serverId;
for (let n = 0; ; n++) {
  const keys = [...live];
  const op =
    keys.length < 2 ? 'create' : pick(['create', 'renew', 'delete', 'bulk', 'labels', 'server']);
  let channel: string;
  let input: Record<string, unknown>;
  let targets: string[] = [];
  switch (op) {
    case 'create':
      channel = 'keys:create';
      input = {
        serverId,
        description: `rk-${job.trial}-${n}`,
        labels: [`c${n}`],
        expiry: { kind: 'duration', ms: 86_400_000 },
      };
      break;
    case 'renew':
      targets = [pick(keys)];
      channel = 'keys:renew';
      input = { serverId, keyId: targets[0], revokeOldAfterMs: 0 };
      break;
    case 'delete':
      targets = [pick(keys)];
      channel = 'keys:delete';
      input = { serverId, keyIds: targets };
      break;
    case 'bulk':
      targets = [...new Set([pick(keys), pick(keys), pick(keys)])];
      channel = 'keys:delete';
      input = { serverId, keyIds: targets };
      break;
    case 'labels':
      targets = [pick(keys)];
      channel = 'keys:setLabels';
      input = { serverId, keyId: targets[0], labels: [`t${job.trial}-${n}`] };
      break;
    default:
      channel = 'servers:add';
      input = { url: job.aliasUrl };
  }
  print({ kind: 'start', op, targets });
  const result = (await t.dispatch(channel, input)) as {
    ok: boolean;
    value?: {
      key?: { id: string; labels: string[] };
      results?: Array<{ keyId: string; outcome: string }>;
    };
  };
  print({ kind: 'ack', op, targets, input, result });
  if (!result.ok) continue;
  if (op === 'create' && result.value?.key) live.add(result.value.key.id);
  if (op === 'renew' && result.value?.key) {
    live.delete(targets[0]!);
    live.add(result.value.key.id);
  }
  for (const r of result.value?.results ?? []) {
    if (r.outcome === 'revoked' || r.outcome === 'already_gone') live.delete(r.keyId);
  }
}
