import { authenticate } from './auth';
import type { RouteContext } from './context';
import {
  goNotFoundReply,
  jsonReply,
  kubeStatusReply,
  steveErrorReply,
  unauthorizedReply,
} from './errors';
import type { SimReply } from './http-types';
import { logout } from './logout';
import { extTokensFlavour, handleExtTokens } from './routes-ext-tokens';
import { handleK8s } from './routes-k8s';
import { handleV1Public, handleV3Public } from './routes-login';
import { handleOAuthPages } from './routes-oauth';
import { handleSsoPages, handleSsoPublic } from './routes-sso';
import { handleManagement, handlePublicSetting } from './routes-management';
import { handleV3Tokens, isV3TokensPath } from './routes-v3-tokens';
import { isPublicSetting } from './settings';

const PROTECTED = /^\/(?:v3(?:\/|$)|v1\/|apis?(?:\/|$)|k8s\/clusters\/)/;

/** Request body cap by route (§1.5): 1 MiB on public/auth routes, Norman's 2 MiB elsewhere. */
export function bodyLimitFor(path: string): number {
  const lower = path.toLowerCase();
  if (/^\/(?:v3-public|v1-public|v3\/token|v3\/identit|v3\/user|v1\/logout)/.test(lower)) {
    return 1024 * 1024;
  }
  return lower.startsWith('/v3') ? 2 * 1024 * 1024 : 3 * 1024 * 1024;
}

/**
 * Dispatches a request the way Rancher's muxes and filters do (§1.1). Azure AD and OAuth logins
 * are asynchronous (Rancher fetches the IdP's discovery and keys, or redeems the code, rancher-sso.md
 * B5, D3).
 */
export function route(ctx: RouteContext): SimReply | Promise<SimReply> {
  const { path, method } = ctx.req;
  if (path === '/ping') {
    return { status: 200, headers: { 'Content-Type': 'text/plain' }, body: 'pong' };
  }
  if (path === '/rancherversion') {
    return jsonReply(
      200,
      {
        Version: ctx.profile.versionString,
        GitCommit: ctx.profile.gitCommit,
        RancherPrime: 'false',
      },
      { sorted: false },
    );
  }
  if (path.toLowerCase().startsWith('/v3-public')) {
    return handleSsoPublic(ctx, true) ?? handleV3Public(ctx);
  }
  if (path.startsWith('/v1-public')) {
    // ≤2.12 has no such mux; the CLI relies on a 404 to fall back (§10.16, §11.1: plain 404 chosen).
    if (!ctx.profile.v1Public) return goNotFoundReply();
    return handleSsoPublic(ctx, false) ?? handleV1Public(ctx);
  }
  const page = handleSsoPages(ctx) ?? handleOAuthPages(ctx);
  if (page) return page;
  const setting = /^\/v3\/settings\/([^/]+)\/?$/.exec(path)?.[1];
  if (setting && isPublicSetting(setting) && method === 'GET') {
    return handlePublicSetting(ctx, setting);
  }
  if (!PROTECTED.test(path)) return goNotFoundReply();

  const caller = authenticate(ctx.state, ctx.req, true);
  if (!caller) return unauthorizedReply();
  ctx.caller = caller;

  if (path === '/v1/logout' && ctx.profile.v1Public && method === 'POST') {
    return logout(ctx.state, caller);
  }
  if (isV3TokensPath(path)) return handleV3Tokens(ctx);
  if (path === '/v3' || path.startsWith('/v3/')) return handleManagement(ctx);
  const ext = extTokensFlavour(path);
  if (ext && ctx.profile.extTokens) return handleExtTokens(ctx, ext);
  if (path.startsWith('/v1/')) {
    const schema = path.split('/')[2] ?? '';
    return steveErrorReply(404, 'NotFound', `schema ${schema} not found`);
  }
  const k8s = /^\/k8s\/clusters\/([^/]+)(\/.*)?$/.exec(path);
  if (k8s) return handleK8s(ctx, k8s[1] ?? '', k8s[2] ?? '/');
  return kubeStatusReply(404, 'NotFound', 'the server could not find the requested resource');
}
