import { z } from 'zod';
import { decodeAs, parseJson } from './body';
import { checkCsrf } from './browser';
import type { Caller, RouteContext } from './context';
import { requireCaller } from './context';
import type { SimReply } from './http-types';
import { logout } from './logout';
import type { V3Token } from './model';
import { formatTime, generateSecret, generateUid, truncateToSecond } from './names';
import { emptyReply, normanCollection, normanError, normanReply } from './norman';
import { renderV3Token, TOKEN_FILTER_FIELDS, TOKEN_SORT_FIELDS } from './render-v3';
import { ingestV3Ttl } from './ttl';

/** Only these three fields of the create body are used; the rest is ignored (§4.4). */
const createBody = z.looseObject({
  description: z.string().nullish(),
  ttl: z.number().int().nullish(),
  clusterId: z.string().nullish(),
});
const CREATE_GO_TYPES = { description: 'string', ttl: 'int64', clusterId: 'string' };

const PATH = /^\/v3\/tokens\/?(?:([^/]+)\/?)?$/i;

/** True for the paths of the dedicated token Norman server. */
export function isV3TokensPath(path: string): boolean {
  return PATH.test(path);
}

/** `/v3/tokens[/{id}]` — the token manager (R:pkg/auth/tokens/api.go, manager.go; §4). */
export function handleV3Tokens(ctx: RouteContext): SimReply {
  const caller = requireCaller(ctx);
  // The manager re-resolves the caller's token and, before 2.15, only knows v3 names (§6.4).
  if (caller.family === 'ext' && !ctx.profile.extCallerOnV3Tokens) {
    return normanError(
      ctx,
      401,
      'Unauthorized',
      `failed to retrieve auth token, error: tokens.management.cattle.io "ext/${caller.token.name}" not found`,
    );
  }
  const csrf = checkCsrf(ctx.req, 'norman');
  if (csrf) return csrf;
  const id = PATH.exec(ctx.req.path)?.[1];
  const { method } = ctx.req;
  const action = ctx.req.query.get('action');
  if (id === undefined) {
    if (method === 'GET') return list(ctx, caller);
    if (method === 'POST' && (action === 'logout' || action === 'logoutAll')) {
      return logout(ctx.state, caller);
    }
    if (method === 'POST') return create(ctx, caller);
    return normanError(ctx, 405, 'MethodNotAllow', 'Method not allowed');
  }
  if (method === 'GET') return getOne(ctx, caller, id);
  // The schema advertises update, but the token server registers no store (§4.6).
  if (method === 'PUT') return normanError(ctx, 404, 'NotFound', 'no store found');
  if (method === 'DELETE' || (method === 'POST' && action === 'remove')) {
    return remove(ctx, caller, id);
  }
  return normanError(ctx, 405, 'MethodNotAllow', 'Method not allowed');
}

/** `current`: the authenticating token, and only when it is not derived (§4.7). */
function isCurrent(caller: Caller, token: V3Token): boolean {
  return caller.family === 'v3' && caller.token.name === token.name && !caller.token.isDerived;
}

function render(
  ctx: RouteContext,
  caller: Caller,
  token: V3Token,
): ReturnType<typeof renderV3Token> {
  return renderV3Token(token, {
    base: ctx.req.base,
    profile: ctx.profile,
    now: ctx.state.clock.now(),
    user: ctx.state.users.get(token.userId),
    current: isCurrent(caller, token),
  });
}

/** Only the caller's own tokens, even for admins; filters and limits ignored (§4.2). */
function list(ctx: RouteContext, caller: Caller): SimReply {
  return normanCollection(ctx, {
    resourceType: 'token',
    path: '/v3/tokens',
    data: ctx.state.tokensOfUser(caller.user.id).map((t) => render(ctx, caller, t)),
    withTotal: false,
    sortFields: TOKEN_SORT_FIELDS,
    filterFields: TOKEN_FILTER_FIELDS,
    createType: true,
  });
}

/** Finds a token of the caller; the two 404 messages differ (§4.3). */
function findOwn(ctx: RouteContext, caller: Caller, id: string): V3Token | SimReply {
  const token = ctx.state.tokens.get(id);
  if (!token) {
    return normanError(ctx, 404, 'NotFound', `tokens.management.cattle.io "${id}" not found`);
  }
  if (token.userId !== caller.user.id) return normanError(ctx, 404, 'NotFound', `${id} not found`);
  return token;
}

function getOne(ctx: RouteContext, caller: Caller, id: string): SimReply {
  const found = findOwn(ctx, caller, id);
  if ('status' in found) return found;
  return normanReply(ctx, 200, render(ctx, caller, found));
}

/** §4.5: 204; 404 for others'/missing; 400 `ServerError` for the caller's own session. */
function remove(ctx: RouteContext, caller: Caller, id: string): SimReply {
  const found = findOwn(ctx, caller, id);
  if ('status' in found) return found;
  if (caller.family === 'v3' && caller.token.name === id && !caller.token.isDerived) {
    return normanError(
      ctx,
      400,
      'ServerError',
      'Cannot delete token for current session. Use logout instead',
    );
  }
  ctx.state.tokens.delete(id);
  return emptyReply(204);
}

/** `deriveToken` (§4.4) with the TTL rules of §4.8. */
function create(ctx: RouteContext, caller: Caller): SimReply {
  const refusal = ctx.state.sso.hooks.refuseKeyCreation;
  if (refusal && caller.family === 'v3' && refusal.kinds.includes(caller.token.kind)) {
    return normanError(
      ctx,
      refusal.status,
      refusal.status === 403 ? 'PermissionDenied' : 'InvalidBodyContent',
      `tokens of kind ${caller.token.kind} may not create API keys on this server`,
    );
  }
  const raw = parseJson(ctx.req);
  if (!raw.ok) return normanError(ctx, 422, 'InvalidFormat', raw.message);
  const input = decodeAs(raw.value, createBody, 'client.Token', CREATE_GO_TYPES);
  if (!input.ok) return normanError(ctx, 422, 'InvalidFormat', input.message);
  const { state } = ctx;
  const now = state.clock.now();
  const ttlMs = ingestV3Ttl(
    input.value.ttl ?? 0,
    state.getMinutesSettingMs('auth-token-max-ttl-minutes'),
    state.getMinutesSettingMs('auth-token-default-ttl-minutes') || 129_600 * 60_000,
    ctx.ttlRule,
  );
  const createdMs = truncateToSecond(now);
  const token = state.insertV3Token({
    name: state.uniqueName('token-', state.tokens),
    uid: generateUid(),
    secret: generateSecret(),
    userId: caller.user.id,
    authProvider: caller.user.provider,
    kind: 'apikey',
    isDerived: true,
    description: input.value.description ?? '',
    ttlMs,
    createdMs,
    expiresAt: '',
    clusterId: input.value.clusterId || null,
    enabled: true,
    lastUsedMs: undefined,
    activityLastSeenMs: undefined,
    labels: {},
  });
  const body = renderV3Token(token, {
    base: ctx.req.base,
    profile: ctx.profile,
    now,
    user: caller.user,
    current: false,
    withSecret: true,
    hideExpiresAt: true,
  });
  scheduleExpiresAt(ctx, token);
  return normanReply(ctx, 201, body);
}

/** The token controller fills `expiresAt` right after creation (§4.6, timing §11.9). */
export function scheduleExpiresAt(ctx: RouteContext, token: V3Token): void {
  const fill = (): void => {
    if (token.ttlMs !== 0 && token.expiresAt === '') {
      token.expiresAt = formatTime(token.createdMs + token.ttlMs);
    }
  };
  if (ctx.expiresAtDelayMs > 0) setTimeout(fill, ctx.expiresAtDelayMs).unref();
  else fill();
}
