import { z } from 'zod';
import { decodeAs, parseJson } from './body';
import { checkCsrf } from './browser';
import type { RouteContext } from './context';
import { apiErrorReply, goNotFoundReply, jsonReply } from './errors';
import type { SimReply } from './http-types';
import type { Json } from './json';
import type { BasicProviderId, SimAuthProvider, SimUser, V3Token } from './model';
import { formatTime, generateName, generateSecret, generateUid, truncateToSecond } from './names';
import { emptyReply, normanCollection, normanError, normanReply } from './norman';
import { renderV3Token } from './render-v3';
import { scheduleExpiresAt } from './routes-v3-tokens';
import { ingestV3Ttl } from './ttl';
import { ssoProviderItems } from './routes-sso';

/** `GenericLogin`/`BasicLogin` (§3.2); `ttl` is accepted and ignored. */
const loginBody = z.looseObject({
  type: z.string().nullish(),
  username: z.string().nullish(),
  password: z.string().nullish(),
  description: z.string().nullish(),
  responseType: z.string().nullish(),
  ttl: z.number().int().nullish(),
});
const LOGIN_GO_TYPES = {
  type: 'string',
  username: 'string',
  password: 'string',
  description: 'string',
  responseType: 'string',
  ttl: 'int64',
};

const TYPE_TO_ID: Record<string, BasicProviderId> = {
  localProvider: 'local',
  openLdapProvider: 'openldap',
};

function enabledProviders(ctx: RouteContext): SimAuthProvider[] {
  return [...ctx.state.providers.values()].filter((p) => p.enabled);
}

/** `/v3-public/*` (Norman, unauthenticated; schema names are case-insensitive, §3.1). */
export function handleV3Public(ctx: RouteContext): SimReply {
  const path = ctx.req.path.toLowerCase().replace(/\/$/, '');
  if (path === '/v3-public/authproviders' && ctx.req.method === 'GET') {
    return normanCollection(ctx, {
      resourceType: 'authProvider',
      path: '/v3-public/authProviders',
      data: [
        ...enabledProviders(ctx).map((p) => v3ProviderItem(ctx, p)),
        ...ssoProviderItems(ctx, true),
      ],
      withTotal: true,
      publicApi: true,
    });
  }
  const m = /^\/v3-public\/(localproviders|openldapproviders)\/(local|openldap)$/.exec(path);
  const provider = m ? ctx.state.providers.get(m[2] as BasicProviderId) : undefined;
  if (m && provider && `${provider.type.toLowerCase()}s` === m[1] && provider.enabled) {
    if (ctx.req.method === 'GET') return normanReply(ctx, 200, v3ProviderItem(ctx, provider), true);
    if (ctx.req.method === 'POST' && ctx.req.query.get('action') === 'login') {
      const csrf = checkCsrf(ctx.req, 'norman');
      return csrf ?? login(ctx, provider.id, true);
    }
    return normanError(ctx, 405, 'MethodNotAllow', 'Method not allowed', true);
  }
  return normanError(ctx, 404, 'NotFound', 'not found', true);
}

/** `/v1-public/*` (2.13+, plain mux, no CSRF check, §1.1). */
export function handleV1Public(ctx: RouteContext): SimReply {
  const path = ctx.req.path.replace(/\/$/, '');
  if (path === '/v1-public/authproviders' && ctx.req.method === 'GET') {
    const data = enabledProviders(ctx).map((p) => ({
      id: p.id,
      type: p.type,
      logoutAllSupported: false,
      logoutAllEnabled: false,
      logoutAllForced: false,
    }));
    return jsonReply(200, { data: [...data, ...ssoProviderItems(ctx, false)] }, { sorted: false });
  }
  if (path === '/v1-public/login' && ctx.req.method === 'POST') return login(ctx, undefined, false);
  return goNotFoundReply();
}

function v3ProviderItem(ctx: RouteContext, p: SimAuthProvider): Json {
  const self = `${ctx.req.base}/v3-public/${p.type}s/${p.id}`;
  return {
    actions: { login: `${self}?action=login` },
    baseType: 'authProvider',
    id: p.id,
    links: { self },
    logoutAllEnabled: false,
    logoutAllForced: false,
    logoutAllSupported: false,
    type: p.type,
  };
}

/** Login errors: `ReturnAPIError` from 2.13, the Norman writer before (§1.4, §3.2). */
export function loginError(
  ctx: RouteContext,
  status: number,
  code: string,
  message: string,
): SimReply {
  if (ctx.profile.apiErrorLogin) return apiErrorReply(status, code, message);
  return normanError(ctx, status, code, message, true);
}

/**
 * Local/LDAP login (rancher-api.md §3.2). `fromUrl` is the provider named by a `/v3-public` URL;
 * on `/v1-public/login` the body `type` selects it.
 */
function login(ctx: RouteContext, fromUrl: BasicProviderId | undefined, v3Url: boolean): SimReply {
  const raw = parseJson(ctx.req);
  if (!raw.ok) return loginError(ctx, 422, 'InvalidFormat', raw.message);
  const decoded = decodeAs(raw.value, loginBody, 'v3.BasicLogin', LOGIN_GO_TYPES);
  if (!decoded.ok) return loginError(ctx, 422, 'InvalidFormat', decoded.message);
  const input = decoded.value;
  let providerId = fromUrl;
  if (!providerId) {
    providerId = TYPE_TO_ID[input.type ?? ''];
    if (!providerId) return loginError(ctx, 422, 'InvalidBodyContent', 'unknown provider type');
  }
  const provider = ctx.state.providers.get(providerId);
  if (!provider?.enabled) return loginError(ctx, 404, 'NotFound', 'provider not found');
  const { state } = ctx;
  const user = [...state.users.values()].find(
    (u) => u.provider === providerId && u.username === input.username,
  );
  // Unknown user and wrong password answer alike (§3.2).
  if (!user || !input.password || user.password !== input.password) {
    return loginError(ctx, 401, 'Unauthorized', 'authentication failed');
  }
  if (!user.enabled) return loginError(ctx, 403, 'PermissionDenied', 'user is disabled');
  return issueLogin(ctx, user, input, v3Url);
}

/**
 * What every provider's login does once it knows the user (§3.2, rancher-sso.md §6): a session
 * or kubeconfig token per `responseType`, answered as JSON (201), or as the `R_SESS` cookie.
 */
export function issueLogin(
  ctx: RouteContext,
  user: SimUser,
  input: { responseType?: string | null; description?: string | null; ttl?: number | null },
  v3Url: boolean,
  authProvider: string = user.provider,
): SimReply {
  const { state } = ctx;
  const responseType = input.responseType ?? '';
  const kubeconfig = /^kubeconfig(?:_(.+))?$/.exec(responseType);
  const createdMs = truncateToSecond(state.clock.now());
  const maxMs = state.getMinutesSettingMs('auth-token-max-ttl-minutes');
  let token: V3Token;
  if (kubeconfig) {
    const clusterId = kubeconfig[1] ?? null;
    const prefix = `kubeconfig-${user.id}${clusterId ? `.${clusterId}` : ''}`;
    const defaultMs = state.getMinutesSettingMs('kubeconfig-default-token-ttl-minutes');
    token = newLoginToken(generateName(prefix), {
      kind: 'kubeconfig',
      isDerived: true,
      description: 'Kubeconfig token',
      ttlMs: maxMs > 0 && defaultMs > maxMs ? maxMs : defaultMs,
      clusterId,
      createdMs,
    });
  } else {
    // `ttl` is overwritten by the session TTL whenever that setting parses (§3.2).
    const sessionMs = state.getMinutesSettingMs('auth-user-session-ttl-minutes');
    token = newLoginToken(state.uniqueName('token-', state.tokens), {
      kind: 'session',
      isDerived: false,
      description: input.description ?? '',
      ttlMs: sessionMs > 0 ? sessionMs : ingestV3Ttl(input.ttl ?? 0, maxMs, 0, 'released'),
      clusterId: null,
      createdMs,
    });
  }
  token.userId = user.id;
  token.authProvider = authProvider;
  state.insertV3Token(token);
  const bearer = `${token.name}:${token.secret}`;

  if (responseType === 'cookie') {
    const sameSite = ctx.profile.sameSiteSessionCookie ? '; SameSite=Lax' : '';
    token.expiresAt = formatTime(createdMs + token.ttlMs);
    return emptyReply(200, {
      'Set-Cookie': `R_SESS=${bearer}; Path=/; HttpOnly; Secure${sameSite}`,
    });
  }
  if (ctx.profile.minimalLoginBody) {
    token.expiresAt = token.ttlMs === 0 ? '' : formatTime(createdMs + token.ttlMs);
    const body: Json = {
      baseType: 'token',
      expiresAt: token.expiresAt,
      id: token.name,
      token: bearer,
      type: 'token',
    };
    return v3Url ? normanReply(ctx, 201, body, true) : jsonReply(201, body);
  }
  const body = renderV3Token(token, {
    base: ctx.req.base,
    profile: ctx.profile,
    now: state.clock.now(),
    user,
    current: false,
    withSecret: true,
    hideExpiresAt: true,
    linkPrefix: '/v3-public',
  });
  scheduleExpiresAt(ctx, token);
  return normanReply(ctx, 201, body, true);
}

function newLoginToken(
  name: string,
  fields: Pick<V3Token, 'kind' | 'isDerived' | 'description' | 'ttlMs' | 'clusterId' | 'createdMs'>,
): V3Token {
  return {
    name,
    uid: generateUid(),
    secret: generateSecret(),
    userId: '',
    authProvider: 'local',
    expiresAt: '',
    enabled: true,
    lastUsedMs: undefined,
    activityLastSeenMs: undefined,
    labels: {},
    ...fields,
  };
}
