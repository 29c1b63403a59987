import { htmlApiPage, wantsHtml } from './browser';
import type { RouteContext } from './context';
import { jsonReply, normanErrorBody } from './errors';
import type { SimReply } from './http-types';
import type { Json } from './json';

/** Norman's `Expires` header (N:api/writer/headers.go, §1.2). */
const NORMAN_EXPIRES = 'Wed 24 Feb 1982 18:42:00 GMT';

/** A Norman (`/v3`, `/v3-public`) JSON response, or the HTML API browser for browser UAs (§1.3). */
export function normanReply(
  ctx: RouteContext,
  status: number,
  body: Json,
  publicApi = false,
): SimReply {
  const reply = jsonReply(status, body, {
    headers: {
      'X-Api-Schemas': `${ctx.req.base}/${publicApi ? 'v3-public' : 'v3'}/schemas`,
      Expires: NORMAN_EXPIRES,
    },
  });
  return wantsHtml(ctx.req) ? htmlApiPage(reply, ctx.req.base) : reply;
}

/** A Norman error (§1.4). */
export function normanError(
  ctx: RouteContext,
  status: number,
  code: string,
  message: string,
  publicApi = false,
): SimReply {
  return normanReply(ctx, status, normanErrorBody(status, code, message), publicApi);
}

/** Norman's empty-bodied replies (204 delete, 200 logout) still say `application/json`. */
export function emptyReply(
  status: number,
  headers: Record<string, string | string[]> = {},
): SimReply {
  return { status, headers: { 'Content-Type': 'application/json', ...headers }, body: '' };
}

/** Options of {@link normanCollection}. */
export interface CollectionOptions {
  resourceType: string;
  /** Path of the collection, e.g. `/v3/tokens`; links never carry the query (§4.2). */
  path: string;
  data: Json[];
  /** `true` adds `total` (management API); the token manager omits it (§4.2). */
  withTotal: boolean;
  sortFields?: string[];
  filterFields?: string[];
  createType?: boolean;
  actions?: Record<string, string>;
  publicApi?: boolean;
}

/** The Norman collection envelope (N:api/writer/json.go `newCollection`). */
export function normanCollection(ctx: RouteContext, opts: CollectionOptions): SimReply {
  const self = `${ctx.req.base}${opts.path}`;
  const sortLinks: Record<string, string> = {};
  for (const f of opts.sortFields ?? []) sortLinks[f] = `${self}?sort=${f}`;
  const filters: Record<string, null> = {};
  for (const f of opts.filterFields ?? []) filters[f] = null;
  const body: Json = {
    type: 'collection',
    links: { self },
    createTypes: opts.createType ? { [opts.resourceType]: self } : undefined,
    actions: opts.actions ?? {},
    pagination: opts.withTotal ? { limit: 1000, total: opts.data.length } : { limit: 1000 },
    sort: { order: 'asc', reverse: `${self}?order=desc`, links: sortLinks },
    filters,
    resourceType: opts.resourceType,
    data: opts.data,
  };
  return normanReply(ctx, 200, body, opts.publicApi);
}
