import type { Cluster } from '../../contract/servers';
import type { TokenFamily } from '../../contract/keys';
import { AppFailure } from '../app-failure';
import { extTokens } from './ext-tokens';
import { createTransport } from './http';
import { loginApi } from './login';
import { ssoApi } from './sso-api';
import { probeServer } from './probe';
import type {
  RancherClient,
  RancherClientOptions,
  RancherToken,
  RancherUser,
} from './rancher-client';
import { clustersSchema, usersSchema } from './schemas';
import { v3Tokens } from './v3-tokens';
import { featuresOf } from './version';

/** What a session or key created by the app is called on the server. */
const LOGIN_DESCRIPTION = 'Rancher Keys sign-in';

/**
 * Rancher's HTTP API for one server (rancher-api.md), over one transport with its own TLS agent.
 * The credential is asked for on every call (so a sign-out takes effect at once) and never logged.
 */
export function createRancherClient(options: RancherClientOptions): RancherClient {
  const origin = new URL(options.origin).origin;
  const connectTimeoutMs = options.connectTimeoutMs ?? Math.min(options.timeoutMs, 10_000);
  const http = createTransport({
    origin,
    tls: options.tls,
    timeoutMs: options.timeoutMs,
    connectTimeoutMs,
    appVersion: options.appVersion,
    network: options.network,
  });
  const features = featuresOf(options.version);
  const skipped = (family: TokenFamily) => (count: number) =>
    options.log?.warn('rancher: left out list items with a malformed name or field', {
      origin,
      family,
      count,
    });
  const v3 = v3Tokens(http, skipped('v3'));
  const ext = extTokens(http, skipped('ext'));
  const auth = loginApi(http, features);
  const sso = ssoApi(http, features);
  /** Who the credential belongs to: asked once per credential; `known` once the answer is in. */
  let meCache: { bearer: string; user: Promise<RancherUser>; known?: RancherUser } | undefined;

  async function bearer(): Promise<string> {
    const credential = await options.credential();
    if (!credential) {
      throw new AppFailure('unauthorized', `Sign in to ${new URL(origin).host} first.`);
    }
    return credential;
  }

  async function fetchMe(credential: string): Promise<RancherUser> {
    const response = await http.request({
      method: 'GET',
      path: '/v3/users?me=true',
      bearer: credential,
    });
    // `me=true` marks the caller with `me: true`; a list of others is never read as "me".
    const users = http.json(response, usersSchema).data;
    const user = users.find((u) => u.me === true) ?? (users.length === 1 ? users[0] : undefined);
    if (!user)
      throw new AppFailure(
        'unauthorized',
        `${new URL(origin).host} does not know who you are. Sign in again.`,
      );
    return {
      id: user.id,
      username: user.username ?? user.id,
      displayName: user.name || user.username || user.id,
    };
  }

  function userOf(credential: string): NonNullable<typeof meCache> {
    if (meCache?.bearer !== credential) {
      const user = fetchMe(credential);
      const entry: NonNullable<typeof meCache> = { bearer: credential, user };
      meCache = entry;
      user.then(
        (answer) => (entry.known = answer),
        () => {
          if (meCache === entry) meCache = undefined;
        },
      );
    }
    return meCache;
  }

  async function me(): Promise<RancherUser> {
    return userOf(await bearer()).user;
  }

  const family = (f: TokenFamily) => (f === 'v3' ? v3 : ext);

  return {
    origin,
    async probe() {
      return probeServer(http, await options.credential());
    },
    authProviders: () => auth.providers(),
    login: (provider, username, password) =>
      auth.login(provider, username, password, LOGIN_DESCRIPTION),
    async logout() {
      await auth.logout(await bearer());
    },
    sso,
    me,
    async clusters(): Promise<Cluster[]> {
      const response = await http.request({
        method: 'GET',
        path: '/v3/clusters',
        bearer: await bearer(),
      });
      return http
        .json(response, clustersSchema)
        .data.map((c) => ({ id: c.id, name: c.name || c.id, state: c.state ?? 'unknown' }));
    },
    async listTokens(known): Promise<RancherToken[]> {
      const credential = await bearer();
      // 2.12–2.14 refuse an ext credential on `/v3/tokens` (§6.4): list only what it can see there.
      const skipV3 = credential.startsWith('ext/') && !features.extCallerOnV3;
      // Both lists are asked for in the same turn once the caller's id is known (every refresh
      // after the first), so a server's two answers come back together and each server's keys
      // are ready as soon as that server has answered. Waiting on the cached answer first put every
      // ext request behind all servers' v3 requests (bench/RESULTS.md, "Refresh, fifth pass").
      const user = features.ext ? userOf(credential) : null;
      const [v3List, extList] = await Promise.all([
        skipV3 ? Promise.resolve([]) : v3.list(credential, known),
        !user
          ? Promise.resolve([])
          : user.known
            ? ext.list(credential, user.known.id, known)
            : user.user.then((u) => ext.list(credential, u.id, known)),
      ]);
      return [...v3List, ...extList];
    },
    async getToken(f, name) {
      return family(f).get(await bearer(), name);
    },
    async createToken(input) {
      if (input.family === 'ext' && !features.ext) {
        throw new AppFailure(
          'invalid_input',
          `${new URL(origin).host} runs a Rancher release without ext tokens (2.12 or later has them). Create a v3 key instead.`,
        );
      }
      return family(input.family).create(await bearer(), input);
    },
    async deleteToken(f, name) {
      return family(f).remove(await bearer(), name);
    },
    async updateExtToken(name, patch) {
      return ext.update(await bearer(), name, patch);
    },
  };
}
