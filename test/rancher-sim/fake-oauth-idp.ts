import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import type { RancherSim } from './index';
import type { OAUTH_TYPES } from './sso-state';
import { createCa, issueServerCert } from './tls';

/**
 * A fake OAuth 2.0 / OIDC identity provider on loopback https (rancher-sso.md §7 rule 19): the
 * IdP behind Rancher's GitHub, Google, OIDC, Keycloak OIDC and Cognito providers. Its authorize
 * endpoint shows a login page (Authorize / Cancel) and redirects to Rancher's `redirect_uri` with
 * `code&state` or `error=access_denied`; its token endpoint requires the client secret, the
 * authorize-time `redirect_uri` and PKCE when challenged; user info answers the signed-in user.
 * The Google-like profile refuses user agents containing `Electron` with `disallowed_useragent`
 * (Google's policy, **UNCONFIRMED**, §5). Its certificate comes from the simulator's test CA.
 */

/** Which IdP it behaves like. */
export type OAuthIdpProfile = 'github' | 'oidc' | 'google';

/** Test hooks: what the user does on the login page, and how the IdP misbehaves. */
export interface OAuthIdpHooks {
  /** Which button the user presses: Authorize (as `user`), Cancel, or none (walks away). */
  choice: 'approve' | 'deny' | 'idle';
  /** The principal the IdP signs in (GitHub login, OIDC `sub`). */
  user: string;
  /** Codes issued from now on have expired by the time Rancher redeems them. */
  expireCodes: boolean;
  /** The login page sets a cookie named `R_SESS` on the IdP's own host (never to be harvested). */
  plantSessionCookie: boolean;
  /** The authorize endpoint sends the browser here instead (a detour to another host). */
  detour: string | null;
}

export interface FakeOAuthIdp {
  readonly origin: string;
  /** The CA its certificate chains to (the simulator's test CA). */
  readonly caPem: string;
  readonly profile: OAuthIdpProfile;
  readonly clientId: string;
  /** Rancher's client secret: a secret that must never reach the app. */
  readonly clientSecret: string;
  readonly endpoints: { authorize: string; token: string; userinfo: string };
  /** Redirect URIs registered for the client (Rancher's `<server>/verify-auth`). */
  readonly registeredRedirects: Set<string>;
  readonly hooks: OAuthIdpHooks;
  /** The user will press Authorize as `user` (the default). */
  approve(user?: string): void;
  /** The user will press Cancel. */
  deny(): void;
  /** Codes issued from now on are expired when redeemed. */
  expire(): void;
  /** Every request (method, path and query). */
  readonly requests: string[];
  /** The User-Agent of each authorize request. */
  readonly userAgents: string[];
  /** Codes and access tokens issued (secrets the app must never log or show). */
  readonly codes: string[];
  readonly accessTokens: string[];
  /** PKCE challenges seen at authorize and verifiers accepted at the token endpoint. */
  readonly pkce: { challenges: string[]; verified: number };
  close(): Promise<void>;
}

interface Pending {
  redirectUri: string;
  explicitRedirect: boolean;
  state: string | null;
  challenge: string | null;
}

interface Code {
  redirectUri: string | null;
  challenge: string | null;
  user: string;
  expiresAtMs: number;
}

const b64url = (b: Buffer) => b.toString('base64url');
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () =>
      resolve(
        Buffer.concat(chunks)
          .toString('utf8')
          .slice(0, 64 * 1024),
      ),
    );
    req.on('error', reject);
  });
}

function send(
  res: ServerResponse,
  status: number,
  body: string,
  headers: Record<string, string | string[]> = {},
): void {
  const type = body.startsWith('{') ? 'application/json' : 'text/html; charset=utf-8';
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', ...headers });
  res.end(body);
}

const page = (title: string, body: string) =>
  `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;

/** Google's refusal as it shows in its error URL: a protobuf naming the error, base64. */
const disallowedAuthError = b64url(
  Buffer.concat([Buffer.from([0x0a, 20]), Buffer.from('disallowed_useragent')]),
);

/** Starts a fake OAuth IdP on https://127.0.0.1 with a free port. */
export async function startFakeOAuthIdp(
  options: { profile?: OAuthIdpProfile } = {},
): Promise<FakeOAuthIdp> {
  const profile = options.profile ?? 'github';
  const ca = await createCa();
  const cert = await issueServerCert(ca);
  const clientId = `rancher-${profile}-client`;
  const clientSecret = b64url(randomBytes(24));
  const pending = new Map<string, Pending>();
  const codes = new Map<string, Code>();
  const tokens = new Map<string, string>();
  const sockets = new Set<Socket>();
  const requests: string[] = [];
  const userAgents: string[] = [];

  const server: Server = createServer({ cert: cert.certPem, key: cert.keyPem }, (req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  server.on('secureConnection', (s: Socket) => {
    sockets.add(s);
    s.once('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const endpoints = {
    authorize: `${origin}/oauth/authorize`,
    token: `${origin}/oauth/token`,
    userinfo: `${origin}/oauth/userinfo`,
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', origin);
    const method = req.method ?? 'GET';
    requests.push(`${method} ${url.pathname}${url.search}`);
    if (method === 'GET' && url.pathname === '/oauth/authorize') return authorize(req, url, res);
    if (method === 'POST' && url.pathname === '/oauth/login') return login(req, res);
    if (method === 'POST' && url.pathname === '/oauth/token') return token(req, res);
    if (method === 'GET' && url.pathname === '/oauth/userinfo') {
      const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
      const user = tokens.get(bearer);
      if (!user) return send(res, 401, JSON.stringify({ error: 'invalid_token' }));
      return send(res, 200, JSON.stringify({ sub: user, login: user }));
    }
    if (method === 'GET' && url.pathname === '/signin/oauth/error') {
      return send(
        res,
        403,
        page(
          'Access blocked',
          '<h1>Access blocked: this app’s request is invalid</h1>' +
            '<p>Error 403: disallowed_useragent</p>' +
            '<p>You can’t sign in from this screen because this app doesn’t comply with the secure browsers policy.</p>',
        ),
      );
    }
    send(res, 404, page('Not found', '<p>Not found</p>'));
  }

  function authorize(req: IncomingMessage, url: URL, res: ServerResponse): void {
    const q = url.searchParams;
    userAgents.push(req.headers['user-agent'] ?? '');
    if (q.get('client_id') !== clientId) {
      return send(res, 400, page('Error', '<p role="alert">invalid_client</p>'));
    }
    // GitHub falls back to the app's callback URL when none is sent; the others require one.
    const given = q.get('redirect_uri');
    const redirectUri = given ?? (profile === 'github' ? [...fake.registeredRedirects][0] : null);
    if (!redirectUri || !fake.registeredRedirects.has(redirectUri)) {
      return send(res, 400, page('Error', '<p role="alert">redirect_uri_mismatch</p>'));
    }
    if (profile === 'google' && /\bElectron\//.test(req.headers['user-agent'] ?? '')) {
      res.writeHead(302, {
        Location: `${origin}/signin/oauth/error?authError=${disallowedAuthError}&client_id=${encodeURIComponent(clientId)}`,
      });
      return void res.end();
    }
    if (fake.hooks.detour) {
      res.writeHead(302, { Location: fake.hooks.detour });
      return void res.end();
    }
    const challenge = q.get('code_challenge');
    if (challenge && q.get('code_challenge_method') !== 'S256') {
      return send(res, 400, page('Error', '<p role="alert">invalid_request</p>'));
    }
    if (challenge) fake.pkce.challenges.push(challenge);
    const id = b64url(randomBytes(12));
    pending.set(id, {
      redirectUri,
      explicitRedirect: given !== null,
      state: q.get('state'),
      challenge,
    });
    const form = (action: 'approve' | 'deny', label: string) =>
      `<form method="post" action="/oauth/login"${fake.hooks.choice === action ? ' data-auto-submit' : ''}>` +
      `<input type="hidden" name="request" value="${escapeHtml(id)}">` +
      `<input type="hidden" name="action" value="${action}">` +
      `<button type="submit">${label}</button></form>`;
    const headers: Record<string, string> = {};
    if (fake.hooks.plantSessionCookie) {
      headers['Set-Cookie'] = `R_SESS=token-idp01:${'i'.repeat(40)}; Path=/; Secure; HttpOnly`;
    }
    send(
      res,
      200,
      page(
        'Sign in',
        `<h1>Sign in to the ${profile} identity provider</h1>` +
          `<p>Rancher (${escapeHtml(clientId)}) wants to sign you in.</p>` +
          form('approve', 'Authorize') +
          form('deny', 'Cancel'),
      ),
      headers,
    );
  }

  async function login(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const form = new URLSearchParams(await readBody(req));
    const request = pending.get(form.get('request') ?? '');
    pending.delete(form.get('request') ?? '');
    if (!request) return send(res, 400, page('Error', '<p role="alert">This sign-in expired.</p>'));
    const target = new URL(request.redirectUri);
    if (form.get('action') === 'approve') {
      const code = b64url(randomBytes(20));
      codes.set(code, {
        redirectUri: request.explicitRedirect ? request.redirectUri : null,
        challenge: request.challenge,
        user: fake.hooks.user,
        expiresAtMs: fake.hooks.expireCodes ? 0 : Date.now() + 600_000,
      });
      fake.codes.push(code);
      target.searchParams.set('code', code);
    } else {
      target.searchParams.set('error', 'access_denied');
      target.searchParams.set('error_description', 'The user has denied your application access.');
    }
    if (request.state !== null) target.searchParams.set('state', request.state);
    res.writeHead(302, { Location: target.href });
    res.end();
  }

  async function token(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const form = new URLSearchParams(await readBody(req));
    const error = (status: number, code: string, description = code) =>
      send(res, status, JSON.stringify({ error: code, error_description: description }));
    const basic = /^Basic (.+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const [id, secret] = basic
      ? Buffer.from(basic, 'base64').toString('utf8').split(':').map(decodeURIComponent)
      : [form.get('client_id'), form.get('client_secret')];
    if (id !== clientId || secret !== clientSecret) return error(401, 'invalid_client');
    if (form.get('grant_type') !== 'authorization_code')
      return error(400, 'unsupported_grant_type');
    const code = codes.get(form.get('code') ?? '');
    codes.delete(form.get('code') ?? '');
    if (!code || code.expiresAtMs < Date.now()) return error(400, 'invalid_grant', 'expired code');
    const sentRedirect = form.get('redirect_uri');
    // GitHub: a redirect_uri, when sent, must match; OIDC: the authorize-time one is required.
    const redirectOk =
      profile === 'github'
        ? sentRedirect === null || sentRedirect === code.redirectUri
        : sentRedirect === code.redirectUri;
    if (!redirectOk) return error(400, 'invalid_grant', 'redirect_uri mismatch');
    if (code.challenge !== null) {
      const verifier = form.get('code_verifier') ?? '';
      if (b64url(createHash('sha256').update(verifier).digest()) !== code.challenge) {
        return error(400, 'invalid_grant', 'PKCE verification failed');
      }
      fake.pkce.verified += 1;
    }
    const access = b64url(randomBytes(24));
    tokens.set(access, code.user);
    fake.accessTokens.push(access);
    send(res, 200, JSON.stringify({ access_token: access, token_type: 'bearer', scope: 'openid' }));
  }

  const fake: FakeOAuthIdp = {
    origin,
    caPem: ca.certPem,
    profile,
    clientId,
    clientSecret,
    endpoints,
    registeredRedirects: new Set(),
    hooks: {
      choice: 'approve',
      user: 'alice',
      expireCodes: false,
      plantSessionCookie: false,
      detour: null,
    },
    approve(user = 'alice') {
      Object.assign(fake.hooks, { choice: 'approve', user });
    },
    deny() {
      fake.hooks.choice = 'deny';
    },
    expire() {
      fake.hooks.expireCodes = true;
    },
    requests,
    userAgents,
    codes: [],
    accessTokens: [],
    pkce: { challenges: [], verified: 0 },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
  return fake;
}

/** An OAuth provider type the simulator knows (§1). */
export type OAuthProviderType = (typeof OAUTH_TYPES)[number];

/**
 * Enables an OAuth/OIDC provider on the simulator with this fake IdP (§7 rule 2), registering
 * Rancher's `<server>/verify-auth` at the IdP and linking principals to users. Its `redirectUrl`
 * is the IdP's authorize URL as Rancher builds it (GitHub: client id only; the OIDC family also
 * `response_type=code&redirect_uri=<rancherUrl>`), or, with `v1Oidc` (2.14+, OIDC family),
 * `<server>/v1-oidc/<id>`, which adds PKCE when `pkce` is set.
 */
export function connectOAuthProvider(
  sim: RancherSim,
  idp: FakeOAuthIdp,
  provider: { id: string; type: OAuthProviderType },
  users: Record<string, string>,
  opts: { v1Oidc?: boolean; pkce?: boolean } = {},
): void {
  const github = provider.type === 'githubProvider' || provider.type === 'githubAppProvider';
  const callback = `${sim.url}/verify-auth`;
  idp.registeredRedirects.add(callback);
  const authorize = new URL(idp.endpoints.authorize);
  authorize.searchParams.set('client_id', idp.clientId);
  if (!github) {
    authorize.searchParams.set('response_type', 'code');
    authorize.searchParams.set('redirect_uri', callback);
  }
  const oidcScopes =
    provider.type === 'keyCloakOIDCProvider' || provider.type === 'genericOIDCProvider';
  sim.state.sso.providers.set(provider.id, {
    id: provider.id,
    type: provider.type,
    fields: {
      redirectUrl: opts.v1Oidc ? `${sim.url}/v1-oidc/${provider.id}` : authorize.href,
      ...(oidcScopes ? { scopes: ['openid', 'profile', 'email'] } : {}),
    },
  });
  sim.state.sso.oauth.set(provider.id, {
    clientId: idp.clientId,
    clientSecret: idp.clientSecret,
    authorizeUrl: idp.endpoints.authorize,
    tokenUrl: idp.endpoints.token,
    userinfoUrl: idp.endpoints.userinfo,
    redirectUri: github ? null : callback,
    pkce: opts.pkce ?? false,
    scopes: github ? ['read:org'] : ['openid', 'profile', 'email'],
    caPem: idp.caPem,
  });
  for (const [principal, userId] of Object.entries(users)) {
    sim.state.sso.link(provider.id, principal, userId);
  }
}
