import type { ActivityAction, ActivityOutcome } from '../../contract/activity';
import type { ErrorCode } from '../../contract/errors';
import type { Channel, Output, ParsedInput } from '../../contract/ipc';
import type { Server } from '../../contract/servers';
import { toAppError } from '../app-failure';
import type { Handlers } from '../dispatch';
import type { Logger } from '../log';
import type { ActivityInput, ActivityLog } from './activity-log';

/** Where the recorder learns server names (before a removal, too). */
export interface ActivityServers {
  list(): Server[];
}

type Recorded =
  | 'keys:create'
  | 'keys:import'
  | 'keys:copy'
  | 'keys:renew'
  | 'keys:delete'
  | 'keys:update'
  | 'keys:setLabels'
  | 'labels:rename'
  | 'auth:signIn'
  | 'auth:signOut'
  | 'auth:ssoWait'
  | 'servers:add'
  | 'servers:update'
  | 'servers:remove'
  | 'hygiene:revoke'
  | 'plaintext:import'
  | 'plaintext:rewrite'
  | 'plaintext:undo'
  | 'plaintext:updatePlaces';

/** What happened, as the recorder sees one call: before (servers), its input, and its outcome. */
interface Call<C extends Channel> {
  input: ParsedInput<C>;
  /** Server names and trust as they were before the call. */
  before: ReadonlyMap<string, Server>;
  result: { ok: true; value: Output<C> } | { ok: false; code: ErrorCode };
}

type Entry = Omit<ActivityInput, 'serverName'>;
type Describe<C extends Channel> = (call: Call<C>) => Entry[];

const one = (
  serverId: string | null,
  keyId: string | null,
  action: ActivityAction,
  result: { ok: boolean; code?: ErrorCode },
  detail: string | null = null,
): Entry => ({
  serverId,
  keyId,
  action,
  outcome: result.ok ? 'ok' : 'failed',
  errorCode: result.ok ? null : (result.code ?? 'internal'),
  detail,
});

const revokeOutcome: Record<string, ActivityOutcome> = {
  revoked: 'ok',
  already_gone: 'ok',
  pending_revocation: 'pending',
  failed: 'failed',
};

function revocations(
  results: ReadonlyArray<{
    serverId: string;
    keyId: string;
    outcome: string;
    code: ErrorCode | null;
  }>,
): Entry[] {
  return results
    .filter((r) => r.outcome !== 'cancelled')
    .map((r) => {
      const outcome = revokeOutcome[r.outcome] ?? 'failed';
      return {
        serverId: r.serverId,
        keyId: r.keyId,
        action: 'revoke' as const,
        outcome,
        // Why it was not revoked (or not yet): a failure always names its code.
        errorCode: outcome === 'ok' ? null : (r.code ?? 'internal'),
        detail:
          r.outcome === 'already_gone'
            ? 'already gone from the server'
            : r.outcome === 'pending_revocation'
              ? 'server unreachable; revoked when it answers'
              : null,
      };
    });
}

/** The error code an import outcome stands for in the log (imported and skipped ones have none). */
const importCodes: Record<string, ErrorCode> = {
  expired: 'invalid_input',
  revoked: 'unauthorized',
  not_owner: 'forbidden',
  unreachable: 'unreachable',
  untrusted: 'tls_untrusted',
  unknown_server: 'invalid_input',
  failed: 'internal',
};

/**
 * How each recorded channel becomes log entries. Only ids, enums, counts and the app's own words
 * are taken: never a field of the input that may hold a secret (bearer, token, password, PEM).
 */
const describers: { [C in Recorded]: Describe<C> } = {
  'keys:create': ({ input, result }) => [
    one(input.serverId, result.ok ? result.value.key.id : null, 'create', result, input.family),
  ],
  'keys:import': ({ input, result }) => [
    one(input.serverId, result.ok ? result.value.key.id : null, 'import', result),
  ],
  'keys:copy': ({ input, result }) => [
    one(input.serverId, input.keyId, 'copy', result, `format ${input.format}`),
  ],
  'keys:renew': ({ input, result }) => [
    one(
      input.serverId,
      input.keyId,
      'renew',
      result,
      result.ok ? `new key ${result.value.key.id}` : null,
    ),
  ],
  'keys:delete': ({ input, result }) =>
    result.ok
      ? revocations(result.value.results.map((r) => ({ ...r, serverId: input.serverId })))
      : input.keyIds.map((keyId) => one(input.serverId, keyId, 'revoke', result)),
  'keys:update': ({ input, result }) => {
    const what = [
      input.enabled === true ? 'enabled' : input.enabled === false ? 'disabled' : null,
      input.expiresAt !== undefined ? 'expiry shortened' : null,
      input.description !== undefined ? 'description changed' : null,
    ].filter((w) => w !== null);
    return [one(input.serverId, input.keyId, 'update', result, what.join(', ') || null)];
  },
  'keys:setLabels': ({ input, result }) => [
    one(input.serverId, input.keyId, 'set_labels', result, `${input.labels.length} labels`),
  ],
  'labels:rename': ({ input, result }) => [
    one(
      input.serverId ?? null,
      null,
      'rename_label',
      result,
      result.ok ? `${result.value.renamed} keys` : null,
    ),
  ],
  'auth:signIn': ({ input, result }) => [
    one(
      input.serverId,
      null,
      'sign_in',
      result,
      input.method === 'api_key' ? 'with an API key' : 'with a password',
    ),
  ],
  'auth:signOut': ({ input, result }) => [one(input.serverId, null, 'sign_out', result)],
  // A single sign-on flow names its server only once it succeeds; one that failed or was
  // cancelled changed nothing and is not recorded.
  'auth:ssoWait': ({ result }) =>
    result.ok
      ? [
          one(
            result.value.server.id,
            null,
            'sign_in',
            result,
            `with single sign-on (${result.value.server.signIn.provider ?? 'unknown'})`,
          ),
        ]
      : [],
  'servers:add': ({ input, result }) => {
    const serverId = result.ok ? result.value.server.id : null;
    const entries = [one(serverId, null, 'add_server', result)];
    if (result.ok && (input.caPem !== undefined || input.fingerprint256 !== undefined)) {
      entries.push(
        one(
          serverId,
          null,
          'trust_certificate',
          result,
          input.fingerprint256 ? 'pinned by fingerprint' : 'CA certificate',
        ),
      );
    }
    return entries;
  },
  'servers:update': ({ input, before, result }) => {
    if (input.caPem === undefined && input.fingerprint256 === undefined) return [];
    const removed = input.caPem === null || input.fingerprint256 === null;
    const hadTrust = (before.get(input.id)?.fingerprint256 ?? null) !== null;
    return [
      one(
        input.id,
        null,
        hadTrust || removed ? 'change_certificate' : 'trust_certificate',
        result,
        removed
          ? 'trust removed'
          : input.fingerprint256
            ? 'pinned by fingerprint'
            : 'CA certificate',
      ),
    ];
  },
  'servers:remove': ({ input, result }) => [one(input.id, null, 'remove_server', result)],
  'plaintext:import': ({ result }) =>
    result.ok
      ? [
          ...result.value.addedServerIds.map((id) =>
            one(id, null, 'add_server', { ok: true }, 'found in a plaintext file'),
          ),
          ...result.value.results
            .filter((r) => r.outcome !== 'cancelled' && r.outcome !== 'already_held')
            .map((r) =>
              one(
                r.serverId,
                r.accessKey,
                'import',
                r.outcome === 'imported'
                  ? { ok: true }
                  : { ok: false, code: importCodes[r.outcome] ?? 'internal' },
                `from a plaintext file${r.outcome === 'imported' ? '' : ` (${r.outcome.replace('_', ' ')})`}`,
              ),
            ),
        ]
      : [],
  // The file's kind and a count only: a path can name a person or a project.
  'plaintext:rewrite': ({ result }) => [
    one(
      null,
      null,
      'rewrite_file',
      result,
      result.ok ? `${result.value.changed} entries; backup kept beside the file` : null,
    ),
  ],
  // Before a renewal: one entry per kubeconfig rewritten to run rancher-keys for the key.
  'plaintext:updatePlaces': ({ input, result }) =>
    result.ok
      ? result.value.updated.map((u) =>
          one(
            input.serverId,
            input.keyId,
            'rewrite_file',
            result,
            `${u.changed} entries now run rancher-keys; backup kept beside the file`,
          ),
        )
      : [one(input.serverId, input.keyId, 'rewrite_file', result)],
  'plaintext:undo': ({ result }) => [
    one(null, null, 'undo_rewrite', result, result.ok ? 'restored from its backup' : null),
  ],
  'hygiene:revoke': ({ input, result }) =>
    result.ok
      ? revocations(result.value.results)
      : input.targets.flatMap((t) =>
          t.keyIds.map((keyId) => one(t.serverId, keyId, 'revoke', result)),
        ),
};

/**
 * Wraps the handlers so that every key and server operation is recorded in the activity log,
 * whichever shell called it (window, tray, bridge). A failed log write is logged, never thrown:
 * the operation itself has happened.
 */
export function recordActivity(
  handlers: Handlers,
  activity: ActivityLog,
  servers: ActivityServers,
  log: Logger,
): Handlers {
  const wrapped: Handlers = { ...handlers };
  const wrap = <C extends Recorded>(channel: C) => {
    const handler = handlers[channel] as (input: ParsedInput<C>) => Promise<Output<C>>;
    const describe = describers[channel] as Describe<C>;
    const run = async (input: ParsedInput<C>): Promise<Output<C>> => {
      const before = new Map(servers.list().map((s) => [s.id, s]));
      let call: Call<C>;
      let outcome: { ok: true; value: Output<C> } | { ok: false; error: unknown };
      try {
        outcome = { ok: true, value: await handler(input) };
        call = { input, before, result: outcome };
      } catch (error) {
        outcome = { ok: false, error };
        call = { input, before, result: { ok: false, code: toAppError(error).code } };
      }
      const names = new Map(before);
      for (const s of servers.list()) names.set(s.id, s);
      const entries = describe(call).map((e) => ({
        ...e,
        serverName: e.serverId ? (names.get(e.serverId)?.name ?? null) : null,
      }));
      await activity.append(entries).catch((error: unknown) =>
        log.warn('activity: could not record', {
          channel,
          error: error instanceof Error ? error.message : String(error),
        }),
      );
      if (!outcome.ok) throw outcome.error;
      return outcome.value;
    };
    (wrapped as Record<C, (input: ParsedInput<C>) => Promise<Output<C>>>)[channel] = run;
  };
  for (const channel of Object.keys(describers) as Recorded[]) wrap(channel);
  return wrapped;
}
