import type { RouteContext } from './context';
import type { Json } from './json';
import type { SimCluster, SimSetting, SimUser } from './model';
import { formatTime } from './names';
import { normanCollection, normanError, normanReply } from './norman';
import { checkCsrf } from './browser';
import type { SimReply } from './http-types';

/** Management Norman API: users (§5.3), clusters (§5.2), settings (§5.4), projects, root. */
export function handleManagement(ctx: RouteContext): SimReply {
  const csrf = checkCsrf(ctx.req, 'norman');
  if (csrf) return csrf;
  const path = ctx.req.path.replace(/\/$/, '');
  const [, , type, id] = path.split('/');
  const collection = type?.toLowerCase();
  if (ctx.req.method !== 'GET') {
    return normanError(ctx, 405, 'MethodNotAllow', 'Method not allowed');
  }
  switch (collection) {
    case undefined:
    case '':
      return normanReply(ctx, 200, apiRoot(ctx));
    case 'users':
      return id
        ? one(ctx, visibleUsers(ctx), id, 'users', renderUser, (u) => u.id)
        : usersList(ctx);
    case 'clusters':
      return id
        ? one(ctx, visibleClusters(ctx), id, 'clusters', renderCluster, (c) => c.id)
        : normanCollection(ctx, {
            resourceType: 'cluster',
            path: '/v3/clusters',
            data: visibleClusters(ctx).map((c) => renderCluster(ctx, c)),
            withTotal: true,
            createType: true,
          });
    case 'settings':
      return id
        ? one(ctx, [...ctx.state.settings.values()], id, 'settings', renderSetting, (x) => x.name)
        : normanCollection(ctx, {
            resourceType: 'setting',
            path: '/v3/settings',
            data: [...ctx.state.settings.values()].map((s) => renderSetting(ctx, s)),
            withTotal: true,
          });
    case 'projects':
      return normanCollection(ctx, {
        resourceType: 'project',
        path: '/v3/projects',
        data: visibleClusters(ctx).flatMap((c) => projectsOf(ctx, c)),
        withTotal: true,
      });
    case 'schemas':
      return normanCollection(ctx, {
        resourceType: 'schema',
        path: '/v3/schemas',
        data: ['cluster', 'project', 'setting', 'token', 'user'].map((s) => ({
          id: s,
          type: 'schema',
          links: {
            collection: `${ctx.req.base}/v3/${s}s`,
            self: `${ctx.req.base}/v3/schemas/${s}`,
          },
        })),
        withTotal: true,
      });
    default:
      return normanError(ctx, 404, 'NotFound', 'Not Found');
  }
}

function one<T>(
  ctx: RouteContext,
  items: T[],
  id: string,
  plural: string,
  render: (ctx: RouteContext, item: T) => Json,
  keyOf: (item: T) => string,
): SimReply {
  const item = items.find((i) => keyOf(i) === id);
  if (!item) {
    return normanError(ctx, 404, 'NotFound', `${plural}.management.cattle.io "${id}" not found`);
  }
  return normanReply(ctx, 200, render(ctx, item));
}

function apiRoot(ctx: RouteContext): Json {
  const b = `${ctx.req.base}/v3`;
  return {
    apiVersion: { group: 'management.cattle.io', path: '/v3', version: 'v3' },
    baseType: 'apiRoot',
    id: 'v3',
    links: {
      clusters: `${b}/clusters`,
      projects: `${b}/projects`,
      root: b,
      schemas: `${b}/schemas`,
      self: b,
      settings: `${b}/settings`,
      tokens: `${b}/tokens`,
      users: `${b}/users`,
    },
    type: 'apiRoot',
  };
}

function visibleUsers(ctx: RouteContext): SimUser[] {
  const caller = ctx.caller;
  if (!caller) return [];
  return [...ctx.state.users.values()].filter((u) => caller.user.admin || u.id === caller.user.id);
}

/** `?me=true` keeps only the caller (§5.3); other filters are ignored. */
function usersList(ctx: RouteContext): SimReply {
  const me = ctx.req.query.get('me') === 'true';
  const users = visibleUsers(ctx).filter((u) => !me || u.id === ctx.caller?.user.id);
  return normanCollection(ctx, {
    resourceType: 'user',
    path: '/v3/users',
    data: users.map((u) => renderUser(ctx, u)),
    withTotal: true,
    createType: true,
    actions: { changepassword: `${ctx.req.base}/v3/users?action=changepassword` },
  });
}

function renderUser(ctx: RouteContext, u: SimUser): Json {
  const self = `${ctx.req.base}/v3/users/${u.id}`;
  return {
    actions: {
      refreshauthprovideraccess: `${self}?action=refreshauthprovideraccess`,
      setpassword: `${self}?action=setpassword`,
    },
    annotations: { 'lifecycle.cattle.io/create.mgmt-auth-users-controller': 'true' },
    baseType: 'user',
    conditions: null,
    created: formatTime(u.createdMs),
    createdTS: u.createdMs,
    creatorId: null,
    description: '',
    enabled: u.enabled,
    id: u.id,
    labels: u.admin ? { 'authz.management.cattle.io/bootstrapping': 'admin-user' } : {},
    links: {
      remove: self,
      self,
      tokens: `${ctx.req.base}/v3/tokens?userId=${u.id}`,
      update: self,
    },
    me: u.id === ctx.caller?.user.id,
    mustChangePassword: false,
    name: u.displayName || undefined,
    principalIds: [u.principalId],
    state: 'active',
    transitioning: 'no',
    transitioningMessage: '',
    type: 'user',
    username: u.provider === 'local' ? u.username : undefined,
    uuid: u.uid,
  };
}

function visibleClusters(ctx: RouteContext): SimCluster[] {
  const caller = ctx.caller;
  if (!caller) return [];
  return [...ctx.state.clusters.values()]
    .filter((c) => caller.user.admin || c.members.includes(caller.user.id))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}

function renderCluster(ctx: RouteContext, c: SimCluster): Json {
  const self = `${ctx.req.base}/v3/clusters/${c.id}`;
  return {
    actions: { generateKubeconfig: `${self}?action=generateKubeconfig` },
    annotations: {},
    baseType: 'cluster',
    created: formatTime(c.createdMs),
    createdTS: c.createdMs,
    creatorId: c.creatorId,
    description: c.description,
    driver: c.driver,
    id: c.id,
    internal: c.internal,
    labels: {},
    links: { remove: self, self, update: self },
    name: c.name,
    provider: c.provider,
    state: c.state,
    transitioning: 'no',
    transitioningMessage: '',
    type: 'cluster',
    uuid: c.uid,
  };
}

function projectsOf(ctx: RouteContext, c: SimCluster): Json[] {
  return ['Default', 'System'].map((name) => {
    const id = `${c.id}:p-${name.toLowerCase()}`;
    return {
      baseType: 'project',
      clusterId: c.id,
      id,
      links: { self: `${ctx.req.base}/v3/projects/${id}` },
      name,
      state: 'active',
      type: 'project',
    };
  });
}

/** Setting resource (§5.4); `value: ""` means "use the default". */
export function renderSetting(ctx: RouteContext, s: SimSetting): Json {
  const self = `${ctx.req.base}/v3/settings/${s.name}`;
  return {
    baseType: 'setting',
    created: formatTime(ctx.state.users.values().next().value?.createdMs ?? 0),
    customized: false,
    default: s.default,
    id: s.name,
    links: { self },
    name: s.name,
    source: '',
    type: 'setting',
    value: s.value,
  };
}

/** `GET /v3/settings/<public name>` without authentication (§1.1). */
export function handlePublicSetting(ctx: RouteContext, name: string): SimReply {
  const s = ctx.state.settings.get(name);
  if (!s)
    return normanError(ctx, 404, 'NotFound', `settings.management.cattle.io "${name}" not found`);
  return normanReply(ctx, 200, renderSetting(ctx, s));
}
