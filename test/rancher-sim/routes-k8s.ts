import type { RouteContext } from './context';
import { jsonReply, kubeStatusReply } from './errors';
import type { SimReply } from './http-types';
import type { Json } from './json';
import type { SimCluster } from './model';

/** Namespaces every simulated cluster has (a fresh RKE2 cluster with Rancher's agent). */
const NAMESPACES = ['cattle-system', 'default', 'kube-node-lease', 'kube-public', 'kube-system'];

const iso = (ms: number) =>
  new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');

function namespace(cluster: SimCluster, name: string): Json {
  return {
    kind: 'Namespace',
    apiVersion: 'v1',
    metadata: {
      name,
      uid: `${cluster.uid.slice(0, 24)}${Buffer.from(name).toString('hex').slice(0, 12).padEnd(12, '0')}`,
      resourceVersion: '1',
      creationTimestamp: iso(cluster.createdMs),
      labels: { 'kubernetes.io/metadata.name': name },
    },
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  };
}

/** `kubectl get` asks for server-side printing (`as=Table`); answer in kind. */
function wantsTable(accept: string | undefined): boolean {
  return /as=Table/.test(accept ?? '');
}

function namespaceTable(cluster: SimCluster, now: number): Json {
  const ageDays = Math.max(0, Math.floor((now - cluster.createdMs) / 86_400_000));
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: { resourceVersion: '1' },
    columnDefinitions: [
      {
        name: 'Name',
        type: 'string',
        format: 'name',
        description: 'Name of the namespace',
        priority: 0,
      },
      {
        name: 'Status',
        type: 'string',
        format: '',
        description: 'The status of the namespace',
        priority: 0,
      },
      { name: 'Age', type: 'string', format: '', description: 'Time since creation', priority: 0 },
    ],
    rows: NAMESPACES.map((name) => ({
      cells: [name, 'Active', `${ageDays}d`],
      object: {
        kind: 'PartialObjectMetadata',
        apiVersion: 'meta.k8s.io/v1',
        metadata: { name, creationTimestamp: iso(cluster.createdMs) },
      },
    })),
  };
}

const namespacesResource: Json = {
  name: 'namespaces',
  singularName: 'namespace',
  namespaced: false,
  kind: 'Namespace',
  verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
  shortNames: ['ns'],
};

/**
 * A minimal Kubernetes API per cluster behind Rancher's proxy, `/k8s/clusters/<id>/…` (rancher-api.md
 * §5.1): version, legacy discovery and namespaces, enough for `kubectl version` and
 * `kubectl get namespaces`. Authentication happened before (the router's auth filter, with the
 * cluster-scope rule); an unknown cluster is a 404 Status.
 */
export function handleK8s(ctx: RouteContext, clusterId: string, rest: string): SimReply {
  const cluster = ctx.state.clusters.get(clusterId);
  if (!cluster)
    return kubeStatusReply(
      404,
      'NotFound',
      `clusters.management.cattle.io "${clusterId}" not found`,
    );
  if (ctx.req.method !== 'GET') {
    return kubeStatusReply(405, 'MethodNotAllowed', 'the simulator serves read-only requests');
  }
  const path = rest.replace(/\/+$/, '') || '/';
  switch (path) {
    case '/version':
      return jsonReply(
        200,
        {
          major: '1',
          minor: '31',
          gitVersion: 'v1.31.4+rke2r1',
          goVersion: 'go1.22.9',
          platform: 'linux/amd64',
        },
        { sorted: false },
      );
    case '/api':
      return jsonReply(
        200,
        {
          kind: 'APIVersions',
          versions: ['v1'],
          serverAddressByClientCIDRs: [
            { clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1:6443' },
          ],
        },
        { sorted: false },
      );
    case '/apis':
      return jsonReply(
        200,
        { kind: 'APIGroupList', apiVersion: 'v1', groups: [] },
        { sorted: false },
      );
    case '/api/v1':
      return jsonReply(
        200,
        { kind: 'APIResourceList', groupVersion: 'v1', resources: [namespacesResource] },
        { sorted: false },
      );
    case '/api/v1/namespaces':
      if (wantsTable(headerOf(ctx.req.headers.accept))) {
        return jsonReply(200, namespaceTable(cluster, ctx.state.clock.now()), { sorted: false });
      }
      return jsonReply(
        200,
        {
          kind: 'NamespaceList',
          apiVersion: 'v1',
          metadata: { resourceVersion: '1' },
          items: NAMESPACES.map((name) => namespace(cluster, name)),
        },
        { sorted: false },
      );
    default: {
      const one = /^\/api\/v1\/namespaces\/([^/]+)$/.exec(path)?.[1];
      if (one && NAMESPACES.includes(one))
        return jsonReply(200, namespace(cluster, one), { sorted: false });
      return kubeStatusReply(404, 'NotFound', 'the server could not find the requested resource');
    }
  }
}

function headerOf(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(',') : value;
}
