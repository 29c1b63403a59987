import { constants, createPublicKey, publicEncrypt, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { parseJson } from './body';
import type { RouteContext } from './context';
import { apiErrorReply, jsonReply } from './errors';
import type { SimReply } from './http-types';
import type { Json } from './json';
import { formatTime, generateName } from './names';
import { emptyReply, normanError, normanReply } from './norman';
import { issueLogin, loginError } from './routes-login';
import { isOAuthType, oauthLogin } from './routes-oauth';
import { verifyEntraIdToken } from './sso-id-token';
import { SAML_TYPES, type SamlPending, type SimSsoProvider } from './sso-state';

const RELAY_PURGE_MS = 15 * 60_000;
/** crewjam's `saml.MaxIssueDelay`: the tracking cookies' Max-Age (A3). */
const SAML_COOKIE_MAX_AGE_S = 90;

const isSaml = (type: string) => (SAML_TYPES as readonly string[]).includes(type);

/** The enabled single sign-on providers as list items (§7 rule 1–2). */
export function ssoProviderItems(ctx: RouteContext, v3: boolean): Json[] {
  return [...ctx.state.sso.providers.values()].map((p) => {
    const item: Record<string, Json> = {
      id: p.id,
      type: p.type,
      logoutAllEnabled: false,
      logoutAllForced: false,
      logoutAllSupported: isSaml(p.type),
      ...p.fields,
    };
    if (v3) {
      const self = `${ctx.req.base}/v3-public/${p.type}s/${p.id}`;
      item.actions = { login: `${self}?action=login` };
      item.baseType = 'authProvider';
      item.links = { self };
    }
    return item;
  });
}

const ssoLoginBody = z.looseObject({
  type: z.string().nullish(),
  description: z.string().nullish(),
  responseType: z.string().nullish(),
  finalRedirectUrl: z.string().nullish(),
  requestId: z.string().nullish(),
  publicKey: z.string().nullish(),
  id_token: z.string().nullish(),
  code: z.string().nullish(),
});

/**
 * `/v1-public/*` and `/v3-public/*` routes of single sign-on: relay tokens (rule 6) and logins of
 * SAML, Azure AD and OAuth/OIDC providers (rules 3, 7, 8). Null when the request is not theirs.
 */
export function handleSsoPublic(
  ctx: RouteContext,
  v3: boolean,
): SimReply | Promise<SimReply> | null {
  const { path, method } = ctx.req;
  const relay = (
    v3 ? /^\/v3-public\/authtokens\/([^/]+)$/i : /^\/v1-public\/authtokens\/([^/]+)$/
  ).exec(path.replace(/\/$/, ''));
  if (relay?.[1]) return relayToken(ctx, decodeURIComponent(relay[1]), v3);
  let provider: SimSsoProvider | undefined;
  if (!v3 && path === '/v1-public/login' && method === 'POST') {
    const raw = parseJson(ctx.req);
    const type = raw.ok ? ssoLoginBody.safeParse(raw.value).data?.type : undefined;
    provider = [...ctx.state.sso.providers.values()].find((p) => p.type === type);
  }
  const v3Login = /^\/v3-public\/([a-z]+)s\/([^/]+)$/i.exec(path);
  if (v3 && v3Login && method === 'POST' && ctx.req.query.get('action') === 'login') {
    const found = ctx.state.sso.providers.get(v3Login[2] ?? '');
    if (found && found.type.toLowerCase() === v3Login[1]?.toLowerCase()) provider = found;
  }
  if (!provider) return null;
  const raw = parseJson(ctx.req);
  const body = raw.ok ? ssoLoginBody.safeParse(raw.value) : null;
  if (!body?.success) return loginError(ctx, 422, 'InvalidFormat', 'invalid login body');
  if (isSaml(provider.type)) return samlLogin(ctx, provider, body.data, v3);
  if (provider.type === 'azureADProvider') return azureLogin(ctx, provider, body.data, v3);
  if (isOAuthType(provider.type)) return oauthLogin(ctx, provider, body.data, v3);
  return loginError(ctx, 422, 'InvalidBodyContent', 'unknown provider type');
}

function relayToken(ctx: RouteContext, id: string, v3: boolean): SimReply {
  const { sso } = ctx.state;
  const now = ctx.state.clock.now();
  for (const [key, t] of sso.relayTokens)
    if (now - t.createdMs > RELAY_PURGE_MS) sso.relayTokens.delete(key);
  const found = sso.relayTokens.get(id);
  const notFound = () =>
    v3
      ? normanError(ctx, 404, 'NotFound', 'authToken not found', true)
      : apiErrorReply(404, 'NotFound', 'Not Found');
  if (ctx.req.method === 'DELETE') {
    if (!found) return notFound();
    sso.relayTokens.delete(id);
    return v3 ? emptyReply(204) : emptyReply(200);
  }
  if (ctx.req.method !== 'GET') return notFound();
  if (!found) return notFound();
  if (!v3)
    return jsonReply(200, { token: found.token, expiresAt: found.expiresAt }, { sorted: false });
  return normanReply(
    ctx,
    200,
    {
      baseType: 'authToken',
      expiresAt: found.expiresAt,
      id,
      links: { self: `${ctx.req.base}/v3-public/authTokens/${id}` },
      name: id,
      token: found.token,
      type: 'authToken',
    },
    true,
  );
}

/** Rule 3: a SAML login answers the IdP redirect and sets the five tracking cookies. */
export function samlLogin(
  ctx: RouteContext,
  provider: SimSsoProvider,
  body: z.output<typeof ssoLoginBody>,
  v3: boolean,
): SimReply {
  const base = new URL(ctx.req.base);
  const final = URL.canParse(body.finalRedirectUrl ?? '')
    ? new URL(body.finalRedirectUrl ?? '')
    : null;
  if (!final || final.host !== base.host)
    return loginError(ctx, 400, 'InvalidBodyContent', 'Invalid redirect URL');
  const idp = ctx.state.sso.samlIdpUrls.get(provider.id);
  if (!idp) return loginError(ctx, 500, 'ServerError', 'SAML is not configured');
  const authnId = `id-${randomBytes(10).toString('hex')}`;
  const acs = `${ctx.req.base}/v1-saml/${provider.id}/saml/acs`;
  const pending: SamlPending = {
    providerId: provider.id,
    finalRedirectUrl: final.href,
    requestId: body.requestId ?? '',
    publicKey: body.publicKey ?? '',
    responseType: body.responseType ?? '',
    issuedMs: ctx.state.clock.now(),
  };
  ctx.state.sso.pendingSaml.set(authnId, pending);
  const samlRequest = Buffer.from(JSON.stringify({ id: authnId, acs })).toString('base64');
  const idpRedirectUrl = `${idp}?${new URLSearchParams({ SAMLRequest: samlRequest, RelayState: randomBytes(8).toString('hex') }).toString()}`;
  const cookiePath = `/v1-saml/${provider.id}/saml/acs`;
  const cookie = (name: string, value: string) =>
    `saml_Rancher_${name}=${encodeURIComponent(value)}; Path=${cookiePath}; Max-Age=${SAML_COOKIE_MAX_AGE_S}; HttpOnly`;
  const headers = {
    'Set-Cookie': [
      cookie('FinalRedirectURL', pending.finalRedirectUrl),
      cookie('Action', 'login'),
      cookie('PublicKey', pending.publicKey),
      cookie('RequestID', pending.requestId),
      cookie('ResponseType', pending.responseType),
    ],
  };
  const out = { idpRedirectUrl, type: 'samlLoginOutput' };
  const reply = v3 ? normanReply(ctx, 200, out, true) : jsonReply(200, out, { sorted: false });
  reply.headers = { ...reply.headers, ...headers };
  return reply;
}

async function azureLogin(
  ctx: RouteContext,
  provider: SimSsoProvider,
  body: z.output<typeof ssoLoginBody>,
  v3: boolean,
): Promise<SimReply> {
  const link = ctx.state.sso.entra;
  if (!body.id_token || !link)
    return loginError(ctx, 422, 'InvalidBodyContent', 'id_token required');
  const claims = await verifyEntraIdToken(body.id_token, link);
  // go-oidc failures are a plain error: 500 ServerError (B5).
  if (!claims) return loginError(ctx, 500, 'ServerError', 'failed to verify id token');
  const userId = ctx.state.sso.userOf(provider.id, claims.oid);
  const user = userId ? ctx.state.users.get(userId) : undefined;
  if (!user) return loginError(ctx, 401, 'Unauthorized', 'unauthorized');
  if (!user.enabled) return loginError(ctx, 403, 'PermissionDenied', 'user is disabled');
  return issueLogin(
    ctx,
    user,
    { responseType: body.responseType, description: body.description },
    v3,
    provider.id,
  );
}

/** Rancher's `/dashboard/*` and `/v1-saml/*` pages for single sign-on (rules 4, 5); null otherwise. */
export function handleSsoPages(ctx: RouteContext): SimReply | null {
  const { path, method } = ctx.req;
  if (path === '/dashboard/auth/login' && method === 'GET' && ctx.req.query.get('cli') === 'true') {
    return cliLoginPage(ctx);
  }
  if (path === '/dashboard/auth/saml-cli' && method === 'POST') return cliLoginClick(ctx);
  const acs = /^\/v1-saml\/([^/]+)\/saml\/acs$/.exec(path);
  if (acs?.[1] && method === 'POST') return assertionConsumer(ctx, acs[1]);
  if (path === '/dashboard/' || path === '/dashboard') {
    return html(200, '<h1>Rancher</h1><p>You are signed in. You can close this tab.</p>');
  }
  return null;
}

/** Escapes text for the simulator's pages. */
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** An HTML page of the simulator (Rancher's dashboard stand-ins). */
export function html(
  status: number,
  body: string,
  headers: Record<string, string | string[]> = {},
): SimReply {
  return {
    status,
    headers: { 'Content-Type': 'text/html; charset=utf-8', ...headers },
    body: `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Rancher</title></head><body>${body}</body></html>\n`,
  };
}

/**
 * Rule 4: the dashboard's CLI login page. It shows the request id with the warning, and one form
 * per SAML provider standing in for the dashboard's "Log in with <provider>" button (the real page
 * POSTs rule 3 with JavaScript; here the form goes to the simulator's own `saml-cli`). A lone
 * provider's form submits itself (`data-auto-submit`, which the test browser honours too).
 */
function cliLoginPage(ctx: RouteContext): SimReply {
  const q = ctx.req.query;
  const requestId = q.get('requestId') ?? '';
  const responseType = q.get('responseType') ?? '';
  if (ctx.profile.v1Public && responseType !== 'kubeconfig') {
    return html(200, '<p role="alert">Invalid login parameters</p>');
  }
  const saml = [...ctx.state.sso.providers.values()].filter((p) => isSaml(p.type));
  const auto = saml.length === 1 ? ' data-auto-submit' : '';
  const forms = saml
    .map(
      (p) =>
        `<form method="post" action="/dashboard/auth/saml-cli"${auto}>` +
        `<input type="hidden" name="provider" value="${escapeHtml(p.id)}">` +
        `<input type="hidden" name="requestId" value="${escapeHtml(requestId)}">` +
        `<input type="hidden" name="publicKey" value="${escapeHtml(q.get('publicKey') ?? '')}">` +
        `<input type="hidden" name="responseType" value="${escapeHtml(responseType)}">` +
        `<button type="submit">Log in with ${escapeHtml(p.id)}</button></form>`,
    )
    .join('');
  return html(
    200,
    `<h1>Log in to Rancher</h1><p>Request ID: <code id="request-id">${escapeHtml(requestId)}</code></p>` +
      `<p>Do not continue if this does not match the request ID shown by your application.</p>${forms}`,
  );
}

function cliLoginClick(ctx: RouteContext): SimReply {
  const form = new URLSearchParams(ctx.req.body.toString('utf8'));
  const provider = ctx.state.sso.providers.get(form.get('provider') ?? '');
  if (!provider || !isSaml(provider.type)) return html(400, '<p>Unknown provider</p>');
  const reply = samlLogin(
    ctx,
    provider,
    {
      type: provider.type,
      finalRedirectUrl: ctx.req.base,
      requestId: form.get('requestId'),
      publicKey: form.get('publicKey'),
      responseType: form.get('responseType'),
      description: 'UI session',
    },
    false,
  );
  if (reply.status !== 200) return html(reply.status, '<p>Login failed</p>');
  const { idpRedirectUrl } = JSON.parse(String(reply.body)) as { idpRedirectUrl: string };
  return {
    status: 302,
    headers: { Location: idpRedirectUrl, 'Set-Cookie': reply.headers['Set-Cookie'] ?? [] },
    body: '',
  };
}

/** Go's `json.Marshal(rsa.PublicKey)` in base64 → a public key (A1); null when it is not one. */
function goPublicKey(param: string) {
  try {
    const json = Buffer.from(param, 'base64').toString('utf8');
    const m = /^\{"N":(\d+),"E":(\d+)\}$/.exec(json);
    if (!m) return null;
    const hex = BigInt(m[1] ?? '0').toString(16);
    const e = BigInt(m[2] ?? '0').toString(16);
    const b64 = (h: string) => Buffer.from(h.length % 2 ? `0${h}` : h, 'hex').toString('base64url');
    return createPublicKey({ format: 'jwk', key: { kty: 'RSA', n: b64(hex), e: b64(e) } });
  } catch {
    return null;
  }
}

/** Rule 5: the ACS. Errors redirect the browser; the CLI client learns nothing (A4). */
function assertionConsumer(ctx: RouteContext, providerId: string): SimReply {
  const { state } = ctx;
  const { sso } = state;
  const redirect = (location: string, cookies: string[] = []) => ({
    status: 302,
    headers: { Location: location, ...(cookies.length ? { 'Set-Cookie': cookies } : {}) },
    body: '',
  });
  const invalid = () => redirect(`${ctx.req.base}/login?errorCode=403`);
  const form = new URLSearchParams(ctx.req.body.toString('utf8'));
  const assertion = sso.signer.decode(form.get('SAMLResponse') ?? '');
  if (!assertion || sso.usedAssertions.has(assertion.id)) return invalid();
  const pending = sso.pendingSaml.get(assertion.inResponseTo);
  const cookies = ctx.req.cookies;
  const now = state.clock.now();
  // The browser drops the tracking cookies after Max-Age; the simulator's clock can jump, so the
  // cookies count as gone once their time is up, whatever the client sent.
  const cookiesAlive =
    pending !== undefined &&
    now - pending.issuedMs <= SAML_COOKIE_MAX_AGE_S * 1000 &&
    decodeURIComponent(cookies.saml_Rancher_RequestID ?? '') === pending.requestId;
  if (
    !pending ||
    pending.providerId !== providerId ||
    !cookiesAlive ||
    assertion.notOnOrAfterMs < now
  ) {
    return invalid();
  }
  sso.usedAssertions.add(assertion.id);
  sso.pendingSaml.delete(assertion.inResponseTo);
  const final = pending.finalRedirectUrl.replace(/\/$/, '');
  const userId = sso.userOf(providerId, assertion.nameId);
  const user = userId ? state.users.get(userId) : undefined;
  if (assertion.status !== 'success' || !user?.enabled) {
    return redirect(`${final}/dashboard/auth/login?errorCode=403`);
  }
  const session = state.addToken({
    user: user.id,
    kind: 'session',
    ttlMs: state.getMinutesSettingMs('auth-user-session-ttl-minutes'),
  });
  const sessionCookie = `R_SESS=${session.bearer}; Path=/; HttpOnly; Secure; SameSite=Lax`;
  if (!pending.requestId) return redirect(pending.finalRedirectUrl, [sessionCookie]);
  const key = goPublicKey(pending.publicKey);
  if (!key) return redirect(`${final}/dashboard/auth/login?errorCode=422`);
  const maxMs = state.getMinutesSettingMs('auth-token-max-ttl-minutes');
  const defaultMs = state.getMinutesSettingMs('kubeconfig-default-token-ttl-minutes');
  const ttlMs = maxMs > 0 && defaultMs > maxMs ? maxMs : defaultMs;
  const kubeconfig = state.addToken({ user: user.id, kind: 'kubeconfig', ttlMs });
  const encrypted = publicEncrypt(
    { key, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' },
    Buffer.from(kubeconfig.bearer),
  ).toString('base64');
  const storeAs = sso.hooks.relayUnderOtherRequestId
    ? generateName('x').padEnd(32, 'z').slice(0, 32)
    : pending.requestId;
  sso.relayTokens.set(storeAs, {
    token: encrypted,
    expiresAt: ttlMs ? formatTime(now + ttlMs) : '',
    createdMs: now,
  });
  return redirect(pending.finalRedirectUrl, [sessionCookie]);
}
