import { createHash, randomBytes } from 'node:crypto';
import { request } from 'node:https';
import { request as httpRequest } from 'node:http';
import type { RouteContext } from './context';
import type { SimReply } from './http-types';
import { issueLogin, loginError } from './routes-login';
import { escapeHtml, html } from './routes-sso';
import { OAUTH_TYPES, type SimOAuthLink, type SimSsoProvider } from './sso-state';

/**
 * Rancher's side of OAuth/OIDC sign-in (rancher-sso.md §5 flow D, §7 rules 8–10), and the
 * dashboard pages that drive it in a browser: the login page's "Log in with <provider>" (the
 * dashboard's `redirectTo` with its `rc_nonce`), `/v1-oidc/<id>` (2.14+, server-side PKCE),
 * `/verify-auth` (back to the dashboard when `state` says `"to":"vue"`), the dashboard's verify
 * page (nonce check, then the cookie login), and the code login itself, which redeems the code
 * at the IdP with the client secret.
 */

export const isOAuthType = (type: string) => (OAUTH_TYPES as readonly string[]).includes(type);

const b64url = (b: Buffer | string) => Buffer.from(b).toString('base64url');

/** One request to the IdP over https (trusting its CA) or loopback http. */
function idpCall(
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string; caPem: string },
): Promise<{ status: number; json: unknown }> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const send = target.protocol === 'https:' ? request : httpRequest;
    const req = send(
      target,
      { method: init.method, headers: init.headers, ca: init.caPem, timeout: 10_000 },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          let json: unknown = null;
          try {
            json = JSON.parse(Buffer.concat(chunks).toString('utf8'));
          } catch {
            // not JSON: the caller treats it as a failed exchange
          }
          resolve({ status: res.statusCode ?? 0, json });
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error('IdP timeout')));
    req.on('error', reject);
    req.end(init.body);
  });
}

/**
 * Redeems `code` as Rancher does (D3): the client secret, the configured `redirect_uri` (GitHub:
 * none), the `R_PKCE_VERIFIER` cookie's verifier if PKCE is on; then the IdP's user info. The
 * principal (GitHub login, OIDC `sub`), or null when the exchange fails.
 */
async function redeem(link: SimOAuthLink, code: string, verifier: string | undefined) {
  const form = new URLSearchParams({
    grant_type: 'authorization_code',
    code,
    client_id: link.clientId,
    client_secret: link.clientSecret,
  });
  if (link.redirectUri) form.set('redirect_uri', link.redirectUri);
  if (link.pkce && verifier) form.set('code_verifier', verifier);
  try {
    const token = await idpCall(link.tokenUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: form.toString(),
      caPem: link.caPem,
    });
    const access = (token.json as { access_token?: unknown } | null)?.access_token;
    if (token.status !== 200 || typeof access !== 'string') return null;
    const info = await idpCall(link.userinfoUrl, {
      method: 'GET',
      headers: { Authorization: `Bearer ${access}`, Accept: 'application/json' },
      caPem: link.caPem,
    });
    const sub = (info.json as { sub?: unknown } | null)?.sub;
    return info.status === 200 && typeof sub === 'string' ? sub : null;
  } catch {
    return null;
  }
}

/**
 * Rule 8: `POST login {type, code}` of an OAuth/OIDC provider. The code is redeemed at the IdP
 * (failure: 500 `ServerError`); an unknown principal is 401, a disabled user 403; then the session
 * per `responseType` (201 JSON, or 200 with `R_SESS` for `cookie`).
 */
export async function oauthLogin(
  ctx: RouteContext,
  provider: SimSsoProvider,
  body: { code?: string | null; responseType?: string | null; description?: string | null },
  v3: boolean,
): Promise<SimReply> {
  const link = ctx.state.sso.oauth.get(provider.id);
  if (!body.code || !link) return loginError(ctx, 422, 'InvalidBodyContent', 'code required');
  const verifier = ctx.profile.v1Oidc ? ctx.req.cookies.R_PKCE_VERIFIER : undefined;
  const principal = await redeem(link, body.code, verifier);
  if (!principal) return loginError(ctx, 500, 'ServerError', 'failed to redeem the code');
  const userId = ctx.state.sso.userOf(provider.id, principal);
  const user = userId ? ctx.state.users.get(userId) : undefined;
  if (!user) return loginError(ctx, 401, 'Unauthorized', 'unauthorized');
  if (!user.enabled) return loginError(ctx, 403, 'PermissionDenied', 'user is disabled');
  return issueLogin(ctx, user, body, v3, provider.id);
}

const redirect = (location: string, cookies: string[] = []): SimReply => ({
  status: 302,
  headers: { Location: location, ...(cookies.length ? { 'Set-Cookie': cookies } : {}) },
  body: '',
});

/** The dashboard's login page with an error, as verify.vue redirects (`?err=<escape(out)>`). */
const loginFailed = (ctx: RouteContext, message: string) =>
  redirect(`${ctx.req.base}/dashboard/auth/login?err=${encodeURIComponent(message)}`);

function oauthProviders(ctx: RouteContext): SimSsoProvider[] {
  return [...ctx.state.sso.providers.values()].filter((p) => isOAuthType(p.type));
}

/**
 * The dashboard's login page (no `cli`): one "Log in with <provider>" form per OAuth provider,
 * standing in for the dashboard's buttons (whose script calls `redirectTo`); a lone provider's
 * form is the user's click for the test browser (`data-auto-submit`) unless the page shows an
 * error, where a user stops.
 */
function loginPage(ctx: RouteContext): SimReply {
  const err = ctx.req.query.get('err') ?? ctx.req.query.get('errorCode');
  const providers = oauthProviders(ctx);
  const auto = providers.length === 1 && err === null ? ' data-auto-submit' : '';
  const forms = providers
    .map(
      (p) =>
        `<form method="post" action="/dashboard/auth/redirect"${auto}>` +
        `<input type="hidden" name="provider" value="${escapeHtml(p.id)}">` +
        `<button type="submit">Log in with ${escapeHtml(p.id)}</button></form>`,
    )
    .join('');
  const alert = err === null ? '' : `<p role="alert">Logging in failed: ${escapeHtml(err)}</p>`;
  return html(200, `<h1>Log in to Rancher</h1>${alert}${forms}`);
}

/** The dashboard's `redirectTo` (D1): state with a nonce (also in `rc_nonce`), scope, redirect. */
function redirectTo(ctx: RouteContext): SimReply {
  const form = new URLSearchParams(ctx.req.body.toString('utf8'));
  const provider = ctx.state.sso.providers.get(form.get('provider') ?? '');
  const link = provider ? ctx.state.sso.oauth.get(provider.id) : undefined;
  const raw = provider?.fields.redirectUrl;
  if (!provider || !link || typeof raw !== 'string' || !isOAuthType(provider.type)) {
    return html(400, '<p>Unknown provider</p>');
  }
  const nonce = randomBytes(16).toString('hex');
  const target = new URL(raw);
  target.searchParams.set('scope', link.scopes.join(' '));
  target.searchParams.set(
    'state',
    b64url(JSON.stringify({ nonce, to: 'vue', provider: provider.id })),
  );
  if (!target.searchParams.has('redirect_uri')) {
    target.searchParams.set('redirect_uri', `${ctx.req.base}/verify-auth`);
  }
  const secure = ctx.req.base.startsWith('https:') ? '; Secure' : '';
  return redirect(target.href, [`rc_nonce=${nonce}; Path=/; SameSite=Lax${secure}`]);
}

/** Rule 9: `/v1-oidc/<id>` → the IdP's authorize, with S256 PKCE and `R_PKCE_VERIFIER` if on. */
function v1Oidc(ctx: RouteContext, id: string): SimReply | null {
  const provider = ctx.state.sso.providers.get(id);
  const link = provider ? ctx.state.sso.oauth.get(id) : undefined;
  if (!provider || !link || !link.redirectUri) return null;
  const target = new URL(link.authorizeUrl);
  target.searchParams.set('client_id', link.clientId);
  target.searchParams.set('response_type', 'code');
  target.searchParams.set('redirect_uri', link.redirectUri);
  target.searchParams.set('scope', ctx.req.query.get('scope') ?? link.scopes.join(' '));
  const state = ctx.req.query.get('state');
  if (state) target.searchParams.set('state', state);
  const cookies: string[] = [];
  if (link.pkce) {
    const verifier = b64url(randomBytes(32));
    target.searchParams.set(
      'code_challenge',
      b64url(createHash('sha256').update(verifier).digest()),
    );
    target.searchParams.set('code_challenge_method', 'S256');
    const secure = ctx.req.base.startsWith('https:') ? '; Secure' : '';
    cookies.push(
      `R_PKCE_VERIFIER=${verifier}; Path=/; Max-Age=600; HttpOnly; SameSite=Lax${secure}`,
    );
  }
  return redirect(target.href, cookies);
}

function decodeState(
  raw: string | null,
): { nonce?: unknown; to?: unknown; provider?: unknown } | null {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(raw ?? '', 'base64url').toString('utf8'));
    return parsed && typeof parsed === 'object' ? parsed : null;
  } catch {
    return null;
  }
}

/** Rule 10: `/verify-auth` → the dashboard's verify page when `state` says `"to":"vue"`. */
function verifyAuth(ctx: RouteContext): SimReply {
  if (decodeState(ctx.req.query.get('state'))?.to !== 'vue') {
    return html(200, '<h1>Rancher</h1>');
  }
  return redirect(`${ctx.req.base}/dashboard/auth/verify?${ctx.req.query.toString()}`);
}

/**
 * The dashboard's verify page (verify.vue): an IdP error or a bad state or nonce goes back to the
 * login page with `err`; otherwise the page logs in with the code (`responseType: "cookie"`),
 * here a self-submitting form to the simulator's stand-in for that request.
 */
function verifyPage(ctx: RouteContext): SimReply {
  const q = ctx.req.query;
  const error = q.get('error_description') ?? q.get('error') ?? q.get('errorCode');
  if (error) return loginFailed(ctx, error);
  const state = decodeState(q.get('state'));
  if (!state || typeof state.provider !== 'string') return loginFailed(ctx, 'Login failed');
  if (!state.nonce || state.nonce !== ctx.req.cookies.rc_nonce) {
    return loginFailed(ctx, 'Invalid nonce');
  }
  return html(
    200,
    '<h1>Logging In…</h1>' +
      `<form method="post" action="/dashboard/auth/verify" data-auto-submit>` +
      `<input type="hidden" name="provider" value="${escapeHtml(state.provider)}">` +
      `<input type="hidden" name="code" value="${escapeHtml(q.get('code') ?? '')}">` +
      '</form><script>document.forms[0].submit()</script>',
  );
}

/** The verify page's login (`POST /v1-public/login`, `responseType: "cookie"`) and its redirect. */
async function verifyLogin(ctx: RouteContext): Promise<SimReply> {
  const form = new URLSearchParams(ctx.req.body.toString('utf8'));
  const provider = ctx.state.sso.providers.get(form.get('provider') ?? '');
  if (!provider || !isOAuthType(provider.type)) return loginFailed(ctx, 'Unknown provider');
  const reply = await oauthLogin(
    ctx,
    provider,
    { code: form.get('code'), responseType: 'cookie', description: 'UI session' },
    false,
  );
  const cookie = reply.headers['Set-Cookie'];
  if (reply.status !== 200 || !cookie) return loginFailed(ctx, `Login failed (${reply.status})`);
  return redirect(`${ctx.req.base}/dashboard/`, Array.isArray(cookie) ? cookie : [cookie]);
}

/** The OAuth/OIDC pages and redirects (rules 9, 10 and the dashboard's); null when not theirs. */
export function handleOAuthPages(ctx: RouteContext): SimReply | Promise<SimReply> | null {
  const { path, method } = ctx.req;
  if (path === '/dashboard/auth/login' && method === 'GET') return loginPage(ctx);
  if (path === '/dashboard/auth/redirect' && method === 'POST') return redirectTo(ctx);
  if (path === '/verify-auth' && method === 'GET') return verifyAuth(ctx);
  if (path === '/dashboard/auth/verify' && method === 'GET') return verifyPage(ctx);
  if (path === '/dashboard/auth/verify' && method === 'POST') return verifyLogin(ctx);
  const oidc = /^\/v1-oidc\/([^/]+)$/.exec(path);
  if (oidc?.[1] && method === 'GET' && ctx.profile.v1Oidc) return v1Oidc(ctx, oidc[1]);
  return null;
}
