import type { SignInInput } from '../../contract/servers';
import { AppFailure } from '../app-failure';
import type { Logger } from '../log';
import type { Clock } from '../ports';
import type { RancherClient } from '../rancher/rancher-client';
import { signInAccount } from '../vault/keychain-accounts';
import type { SecretStore } from '../vault/secret-store';
import { signInStateOf, type StoredSignIn } from './health';
import type { StoredServer } from './server-store';
import { parseBearer, passwordSignIn, verifyApiKey } from './sign-in';

/** A Rancher token a single sign-on flow obtained; `bearer` is a secret. */
export interface ObtainedToken {
  bearer: string;
  expiresAt: string | null;
}

/** Rancher's default session lifetime (`auth-user-session-ttl-minutes`, 960 min). */
const SESSION_TTL_MS = 960 * 60_000;

/** Credentials that are logged out (deleted on the server) when replaced or signed out. */
const ownedMethods: ReadonlySet<string> = new Set(['password', 'sso']);

/** What the sign-in sessions need from the server registry. */
export interface SignInSessionsDeps {
  secrets: SecretStore;
  clock: Clock;
  log: Logger;
  /** The stored server; throws `not_found` when it was removed. */
  find(id: string): StoredServer;
  /** A client that sends no credential (login, provider list). */
  anonymous(server: StoredServer): RancherClient;
  /** A client that sends this bearer. */
  clientWith(id: string, bearer: string): RancherClient;
  /** The server's credential changed: drop its cached client and last error, and save. */
  credentialChanged(id: string): Promise<void>;
  /** Re-reads version and max TTL with the new credential. */
  refreshInfo(id: string): Promise<void>;
}

/**
 * Sign-in and sign-out of the registered servers. Each credential is one keychain item
 * `sign-in:<origin>` ({@link signInAccount}), read lazily and kept in memory only while signed in. The caller emits the
 * change and returns the server's view.
 */
export interface SignInSessions {
  /** The sign-in credential, read from the keychain on first use; a null read is disambiguated. */
  bearer(id: string): Promise<string>;
  signIn(server: StoredServer, input: SignInInput): Promise<void>;
  /**
   * Ends a single sign-on flow: from the Rancher token it obtained (a session or kubeconfig token,
   * a secret) creates the sign-in key, keeps that, and logs the obtained token out.
   */
  adoptSso(server: StoredServer, obtained: ObtainedToken, provider: string): Promise<void>;
  signOut(server: StoredServer): Promise<void>;
  /** Drops the credential held in memory (the keychain item stays). */
  forget(id: string): void;
}

/** Rancher answered the key creation with a refusal (403, 422…), not a passing failure. */
function keyRefused(error: unknown): error is AppFailure {
  return (
    error instanceof AppFailure &&
    ['forbidden', 'invalid_input', 'unauthorized'].includes(error.code)
  );
}

/**
 * When Rancher will not create a key from the token single sign-on obtained, that token is the
 * sign-in, as a password sign-in keeps its session: if it can read itself on `/v3/tokens` (it can
 * manage keys, and is not scoped to a cluster), with its real expiry from there. Otherwise one
 * sentence saying what to do; the caller logs the token out.
 */
async function obtainedSignIn(
  client: RancherClient,
  obtained: ObtainedToken,
  provider: string,
  user: StoredSignIn['user'],
  serverName: string,
): Promise<StoredSignIn> {
  const { name, accessKey } = parseBearer(obtained.bearer);
  const own = await client.getToken('v3', name).catch(() => null);
  if (!own || own.clusterId) {
    throw new AppFailure(
      'forbidden',
      `${serverName} signed you in but refused to create a Rancher Keys key, and the sign-in it gave cannot manage keys: paste an API key made in the Rancher dashboard, or ask your Rancher administrator to allow API keys.`,
    );
  }
  return {
    method: 'sso',
    provider,
    user,
    keyId: accessKey,
    expiresAt: own.expiresAt ?? obtained.expiresAt,
    rejected: false,
    obtained: name.startsWith('kubeconfig-') ? 'kubeconfig' : 'session',
  };
}

/** Builds the sign-in sessions over the registry's stored servers. */
export function createSignInSessions(deps: SignInSessionsDeps): SignInSessions {
  const { secrets, clock, log } = deps;
  const bearers = new Map<string, string>();

  async function bearer(id: string): Promise<string> {
    const server = deps.find(id);
    const state = signInStateOf(server.signIn, clock.now());
    if (state === 'signed_out')
      throw new AppFailure('unauthorized', `Sign in to ${server.name} first.`);
    if (state === 'expired') {
      throw new AppFailure(
        'unauthorized',
        `Your sign-in to ${server.name} has expired. Sign in again.`,
      );
    }
    const cached = bearers.get(id);
    if (cached) return cached;
    const secret = await secrets.get(signInAccount(server.origin));
    if (!secret) {
      const status = await secrets.status();
      if (status.status !== 'available') {
        throw new AppFailure(
          status.status === 'locked' ? 'keychain_locked' : 'keychain_unavailable',
          `${status.reason ?? 'The keychain cannot be read.'} ${status.fix ?? ''}`.trim(),
        );
      }
      throw new AppFailure(
        'unauthorized',
        `The sign-in credential of ${server.name} is no longer in the keychain. Sign in again.`,
      );
    }
    bearers.set(id, secret);
    return secret;
  }

  async function store(server: StoredServer, next: string, signIn: StoredSignIn): Promise<void> {
    const previous = server.signIn;
    const previousBearer =
      previous && ownedMethods.has(previous.method)
        ? await bearer(server.id).catch(() => null)
        : null;
    await secrets.set(signInAccount(server.origin), next);
    server.signIn = signIn;
    bearers.set(server.id, next);
    await deps.credentialChanged(server.id);
    // The session this one replaces is ended on the server, so sessions do not pile up there.
    if (previousBearer && previousBearer !== next) {
      await deps
        .clientWith(server.id, previousBearer)
        .logout()
        .catch(() => undefined);
    }
    await deps.refreshInfo(server.id).catch((error: unknown) =>
      log.warn('servers: could not read server settings after sign-in', {
        code: error instanceof AppFailure ? error.code : 'internal',
      }),
    );
  }

  return {
    bearer,
    async signIn(server, input) {
      if (input.method === 'api_key') {
        const token = input.token.trim();
        const signIn = await verifyApiKey(deps.clientWith(server.id, token), token);
        return store(server, token, signIn);
      }
      const { bearer: session, signIn } = await passwordSignIn(
        deps.anonymous(server),
        (b) => deps.clientWith(server.id, b),
        input,
      );
      return store(server, session, signIn);
    },
    async adoptSso(server, obtained, provider) {
      const temporary = deps.clientWith(server.id, obtained.bearer);
      /** Set once the obtained token itself became the sign-in (then it is not logged out). */
      let kept = false;
      try {
        const user = await temporary.me();
        // The key lives as long as the token it came from would have (a session: 16 h; SAML's
        // kubeconfig token: 30 days), so single sign-on is asked for again as often as Rancher asks.
        const left = obtained.expiresAt ? Date.parse(obtained.expiresAt) - clock.now() : NaN;
        const ttlMs = Number.isFinite(left) && left > 60_000 ? Math.floor(left) : SESSION_TTL_MS;
        let created;
        try {
          created = await temporary.createToken({
            family: 'v3',
            description: `Rancher Keys sign-in (${provider})`,
            ttlMs,
            clusterId: null,
          });
        } catch (error) {
          if (!keyRefused(error)) throw error;
          log.info('sso: Rancher refused a key made from the sign-in; keeping the sign-in token', {
            code: error.code,
          });
          const signIn = await obtainedSignIn(temporary, obtained, provider, user, server.name);
          await store(server, obtained.bearer, signIn);
          kept = true;
          return;
        }
        const { accessKey } = parseBearer(created.bearer);
        const expiresAt =
          created.token.expiresAt ??
          (created.token.ttlMs ? new Date(clock.now() + created.token.ttlMs).toISOString() : null);
        try {
          await store(server, created.bearer, {
            method: 'sso',
            provider,
            user,
            keyId: accessKey,
            expiresAt,
            rejected: false,
          });
        } catch (error) {
          // Not kept, so not left behind on the server either.
          await deps
            .clientWith(server.id, created.bearer)
            .logout()
            .catch(() => undefined);
          throw error;
        }
      } finally {
        // The obtained session or kubeconfig token is not kept beside the key: once the key exists
        // (or the attempt failed) it is logged out, which deletes it on the server (rancher-api.md
        // §3.4).
        if (!kept) {
          await temporary.logout().catch((error: unknown) =>
            log.info('sso: logging out the obtained token failed', {
              code: error instanceof AppFailure ? error.code : 'internal',
            }),
          );
        }
      }
    },
    async signOut(server) {
      // Logging out deletes the calling token on the server (rancher-api.md §3.4): right for a
      // password session, wrong for a pasted API key the user may use elsewhere, so keys are only
      // forgotten locally.
      if (server.signIn && ownedMethods.has(server.signIn.method)) {
        const current = await bearer(server.id).catch(() => null);
        if (current) {
          await deps
            .clientWith(server.id, current)
            .logout()
            .catch((error: unknown) =>
              log.info('servers: logout on the server failed; forgetting locally', {
                code: error instanceof AppFailure ? error.code : 'internal',
              }),
            );
        }
      }
      await secrets.delete(signInAccount(server.origin));
      server.signIn = null;
      bearers.delete(server.id);
      await deps.credentialChanged(server.id);
    },
    forget: (id) => bearers.delete(id),
  };
}
