import { proxyInputFromUrl } from '../../contract/proxy';
import type { PlaintextImportOutcome, PlaintextImportResult } from '../../contract/plaintext';
import { serverAddInputSchema } from '../../contract/servers';
import { AppFailure } from '../app-failure';
import { ImportRefusal } from '../keys/key-import';
import type { KeyService } from '../keys/key-service';
import type { Logger } from '../log';
import type { ServerService } from '../servers/server-service';
import type { ScannedToken } from './plaintext-scan';

/** How many tokens are verified at once: enough to hide latency, few enough to be polite. */
const PARALLEL = 4;

export interface ImportDeps {
  servers: ServerService;
  keys: KeyService;
  log: Logger;
  /** Whether the app holds this exact secret already (by keyed hash). */
  heldHash(serverId: string, keyId: string): Promise<string | null>;
}

export interface ImportJob {
  cancelled: boolean;
  onProgress(done: number, failed: number): void;
}

const result = (
  token: ScannedToken,
  outcome: PlaintextImportOutcome,
  extra: Partial<Omit<PlaintextImportResult, 'findingId' | 'outcome' | 'accessKey'>> = {},
): PlaintextImportResult => ({
  findingId: token.findingId,
  accessKey: token.accessKey,
  outcome,
  serverId: null,
  keyId: null,
  message: null,
  certificate: null,
  ...extra,
});

/** A transport or trust failure's outcome; null for anything else. */
function reachOutcome(error: unknown): 'unreachable' | 'untrusted' | null {
  if (!(error instanceof AppFailure)) return null;
  if (error.code === 'tls_untrusted') return 'untrusted';
  if (error.code === 'unreachable' || error.code === 'timeout') return 'unreachable';
  return null;
}

function failureResult(token: ScannedToken, serverId: string | null, error: unknown) {
  const message =
    error instanceof AppFailure ? error.message : 'The import failed unexpectedly; try again.';
  if (error instanceof ImportRefusal) {
    return result(token, error.reason, { serverId, message });
  }
  const reach = reachOutcome(error);
  if (reach) {
    return result(token, reach, {
      serverId,
      message,
      certificate: error instanceof AppFailure ? (error.certificate ?? null) : null,
    });
  }
  return result(token, 'failed', { serverId, message });
}

/**
 * Imports found tokens: each is verified against its own server (existence, owner, expiry, by the
 * key service's import), servers the app does not know are added first (with the file's CA and
 * proxy), and the secret goes to the keychain only. One token's failure is its own result; the
 * rest go on. A cancelled job leaves the tokens not started as `cancelled`.
 */
export async function importTokens(
  tokens: readonly ScannedToken[],
  deps: ImportDeps,
  job: ImportJob,
): Promise<{ results: PlaintextImportResult[]; addedServerIds: string[] }> {
  const results: PlaintextImportResult[] = new Array<PlaintextImportResult>(tokens.length);
  const adding = new Map<string, Promise<string>>();
  const addedServerIds: string[] = [];
  let done = 0;
  let failed = 0;

  /** The app's server for an origin, added (once per origin) when it is new. */
  function serverFor(token: ScannedToken & { serverUrl: string }): Promise<string> {
    const known = deps.servers.list().find((s) => s.origin === token.serverUrl);
    if (known) return Promise.resolve(known.id);
    let pending = adding.get(token.serverUrl);
    if (!pending) {
      const input = serverAddInputSchema.safeParse({
        url: token.serverUrl,
        ...(token.caPem ? { caPem: token.caPem } : {}),
        ...(token.proxyUrl ? { proxy: proxyInputFromUrl(token.proxyUrl) } : {}),
      });
      // A CA or proxy the file gives that does not parse is left out; the server is still tried.
      const safe = input.success ? input.data : { url: token.serverUrl };
      pending = deps.servers.add(safe).then((server) => {
        addedServerIds.push(server.id);
        deps.log.info('plaintext: added a server found in a file', { serverId: server.id });
        return server.id;
      });
      adding.set(token.serverUrl, pending);
    }
    return pending;
  }

  async function importOne(token: ScannedToken): Promise<PlaintextImportResult> {
    if (token.serverUrl === null) {
      return result(token, 'unknown_server', {
        message: 'The file does not say which Rancher server this token is for.',
      });
    }
    let serverId: string | null = null;
    try {
      serverId = await serverFor({ ...token, serverUrl: token.serverUrl });
      const held = await deps.heldHash(serverId, token.accessKey);
      if (held !== null && held === token.hash) {
        return result(token, 'already_held', { serverId, keyId: token.accessKey });
      }
      const key = await deps.keys.import({ serverId, bearer: token.bearer, labels: [] });
      return result(token, 'imported', { serverId, keyId: key.id });
    } catch (error) {
      const out = failureResult(token, serverId, error);
      // A cluster-scoped token cannot prove itself outside its cluster; the signed-in user can.
      if (
        out.outcome === 'revoked' &&
        token.clusterId !== null &&
        serverId !== null &&
        !deps.servers.get(serverId).signedIn
      ) {
        return result(token, 'failed', {
          serverId,
          message: `This token works only inside cluster ${token.clusterId}. Sign in to its server in Rancher Keys, then import it again.`,
        });
      }
      return out;
    }
  }

  // The same secret in several places is verified once; every place gets that answer.
  const bySecret = new Map<string, Promise<PlaintextImportResult>>();
  function importOnce(token: ScannedToken): Promise<PlaintextImportResult> {
    const first = bySecret.get(token.hash);
    if (first) return first.then((r) => ({ ...r, findingId: token.findingId }));
    const pending = importOne(token);
    bySecret.set(token.hash, pending);
    return pending;
  }

  let next = 0;
  async function worker(): Promise<void> {
    while (next < tokens.length) {
      const at = next;
      next += 1;
      const token = tokens[at]!;
      if (job.cancelled) {
        results[at] = result(token, 'cancelled');
        continue;
      }
      const out = await importOnce(token);
      results[at] = out;
      done += 1;
      if (out.outcome !== 'imported' && out.outcome !== 'already_held') failed += 1;
      job.onProgress(done, failed);
    }
  }
  await Promise.all(Array.from({ length: Math.min(PARALLEL, tokens.length) }, worker));
  return { results, addedServerIds };
}
