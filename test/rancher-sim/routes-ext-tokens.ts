import { parseJson } from './body';
import { checkCsrf, htmlApiPage, wantsHtml } from './browser';
import type { Caller, RouteContext } from './context';
import { requireCaller } from './context';
import { jsonReply, kubeStatusReply, steveErrorReply } from './errors';
import type { ExtFailure, ExtResult } from './ext-token-service';
import { ExtTokenService, parseExtInput } from './ext-token-service';
import type { SimReply } from './http-types';
import type { Json } from './json';
import type { ExtToken } from './model';
import { renderExtToken } from './render-ext';

const KUBE_PATH = /^\/apis\/ext\.cattle\.io\/v1\/tokens\/?(?:([^/]+)\/?)?$/;
const STEVE_PATH = /^\/v1\/ext\.cattle\.io\.tokens\/?(?:([^/]+)\/?)?$/;

/** Which front-end serves the ext token store (§6.1). */
type Flavour = 'kube' | 'steve';

/** Matches the two ext token front-ends; `undefined` when the path is neither. */
export function extTokensFlavour(path: string): Flavour | undefined {
  if (KUBE_PATH.test(path)) return 'kube';
  if (STEVE_PATH.test(path)) return 'steve';
  return undefined;
}

function failureReply(flavour: Flavour, f: ExtFailure, name?: string): SimReply {
  if (flavour === 'kube') {
    const details: Json =
      f.status === 404 && name ? { name, group: 'ext.cattle.io', kind: 'tokens' } : {};
    return kubeStatusReply(f.status, f.reason, f.message, details);
  }
  // Steve's code for 400 is not traced (§11.8); `BadRequest` mirrors the kube reason.
  return steveErrorReply(f.status, f.reason, f.message);
}

function steveItem(ctx: RouteContext, obj: Record<string, Json>, name: string): Json {
  const self = `${ctx.req.base}/v1/ext.cattle.io.tokens/${name}`;
  const metadata = obj.metadata as Record<string, Json>;
  return {
    id: name,
    type: 'ext.cattle.io.token',
    links: {
      self,
      update: self,
      remove: self,
      patch: self,
      view: `${ctx.req.base}/apis/ext.cattle.io/v1/tokens/${name}`,
    },
    ...obj,
    metadata: {
      ...metadata,
      state: { name: 'active', error: false, transitioning: false, message: '' },
      relationships: null,
    },
  };
}

/** `/apis/ext.cattle.io/v1/tokens[/name]` (kube API) and `/v1/ext.cattle.io.tokens[/name]` (Steve). */
export function handleExtTokens(ctx: RouteContext, flavour: Flavour): SimReply {
  const caller = requireCaller(ctx);
  if (flavour === 'steve') {
    const csrf = checkCsrf(ctx.req, 'steve');
    if (csrf) return csrf;
  }
  const name = (flavour === 'kube' ? KUBE_PATH : STEVE_PATH).exec(ctx.req.path)?.[1];
  const service = new ExtTokenService(ctx.state);
  const render = (t: ExtToken, withSecret = false): Json => {
    const obj = renderExtToken(t, { state: ctx.state, caller, withSecret });
    return flavour === 'kube' ? obj : steveItem(ctx, obj, t.name);
  };
  const reply = (status: number, body: Json): SimReply => {
    const r = jsonReply(status, body, { sorted: false });
    return flavour === 'steve' && wantsHtml(ctx.req) ? htmlApiPage(r, ctx.req.base) : r;
  };
  const answer = (status: number, result: ExtResult<ExtToken>, withSecret = false): SimReply =>
    result.ok
      ? reply(status, render(result.value, withSecret))
      : failureReply(flavour, result.failure, name);
  const method = ctx.req.method;

  if (name === undefined) {
    if (method === 'GET') return listReply(ctx, flavour, service, caller, reply, render);
    if (method === 'POST') {
      const body = readBody(ctx);
      if (!body.ok) return failureReply(flavour, body.failure);
      return answer(201, service.create(caller, body.value), true);
    }
    return failureReply(flavour, {
      status: 405,
      reason: 'MethodNotAllowed',
      message: 'method not allowed',
    });
  }
  if (method === 'GET') return answer(200, service.get(caller, name));
  if (method === 'PUT' || method === 'PATCH') {
    const body = readBody(ctx);
    if (!body.ok) return failureReply(flavour, body.failure);
    return answer(200, service.update(caller, name, body.value));
  }
  if (method === 'DELETE') return answer(200, service.delete(caller, name));
  return failureReply(flavour, {
    status: 405,
    reason: 'MethodNotAllowed',
    message: 'method not allowed',
  });
}

function readBody(ctx: RouteContext): ReturnType<typeof parseExtInput> {
  const raw = parseJson(ctx.req);
  if (!raw.ok) {
    return {
      ok: false,
      failure: {
        status: 400,
        reason: 'BadRequest',
        message: `Token in version "v1" cannot be handled as a Token: ${raw.message}`,
      },
    };
  }
  return parseExtInput(raw.value);
}

function listReply(
  ctx: RouteContext,
  flavour: Flavour,
  service: ExtTokenService,
  caller: Caller,
  reply: (status: number, body: Json) => SimReply,
  render: (t: ExtToken) => Json,
): SimReply {
  const items = service.list(caller, ctx.req.query.get('labelSelector')).map((t) => render(t));
  const revision = String(ctx.state.nextResourceVersion());
  if (flavour === 'kube') {
    return reply(200, {
      kind: 'TokenList',
      apiVersion: 'ext.cattle.io/v1',
      metadata: { resourceVersion: revision },
      items,
    });
  }
  const self = `${ctx.req.base}/v1/ext.cattle.io.tokens`;
  return reply(200, {
    type: 'collection',
    links: { self },
    createTypes: { 'ext.cattle.io.token': self },
    actions: {},
    resourceType: 'ext.cattle.io.token',
    revision,
    data: items,
  });
}
