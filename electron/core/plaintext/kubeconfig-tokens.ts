import { load } from 'js-yaml';
import { z } from 'zod';
import {
  originOf,
  rancherBearer,
  rancherClusterUrl,
  type FileTokens,
  type FoundToken,
  type WrittenPlace,
} from './found-token';

/** The most entries read from one kubeconfig section (the check is measured at 10,000 users). */
export const MAX_KUBECONFIG_ENTRIES = 50_000;

// Entries are checked one by one so one odd entry does not hide the rest.
const userEntry = z.object({
  name: z.string().max(512),
  user: z
    .looseObject({
      token: z.string().optional(),
      exec: z
        .looseObject({
          command: z.string().max(4096).optional(),
          args: z.array(z.string().max(4096)).max(64).nullish(),
        })
        .nullish(),
    })
    .nullish(),
});
const clusterEntry = z.object({
  name: z.string().max(512),
  cluster: z
    .looseObject({
      server: z.string().max(2048).optional(),
      'certificate-authority-data': z
        .string()
        .max(512 * 1024)
        .optional(),
    })
    .nullish(),
});
const contextEntry = z.object({
  name: z.string().max(512),
  context: z
    .looseObject({ cluster: z.string().max(512).optional(), user: z.string().max(512).optional() })
    .nullish(),
});

function list(value: unknown, section: string): unknown[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new Error(`Its "${section}" is not a list.`);
  if (value.length > MAX_KUBECONFIG_ENTRIES) {
    throw new Error(`More than ${MAX_KUBECONFIG_ENTRIES} ${section}; not read.`);
  }
  return value;
}

function entries<T>(value: unknown, section: string, schema: z.ZodType<T>): T[] {
  const out: T[] = [];
  for (const item of list(value, section)) {
    const parsed = schema.safeParse(item);
    if (parsed.success) out.push(parsed.data);
  }
  return out;
}

/** The PEM in a cluster's `certificate-authority-data`, when it decodes to one. */
function caFrom(data: string | undefined): string | null {
  if (!data) return null;
  const pem = Buffer.from(data, 'base64').toString('utf8');
  return pem.includes('-----BEGIN CERTIFICATE-----') ? pem : null;
}

/** `--name value` or `--name=value` in an exec entry's arguments. */
function argValue(args: readonly string[], name: string): string | null {
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    if (arg === name) return args[i + 1] ?? null;
    if (arg.startsWith(`${name}=`)) return arg.slice(name.length + 1);
  }
  return null;
}

/**
 * Parses a kubeconfig's text to a plain value; throws a sentence without content. js-yaml's
 * default (safe) schema reads it: about ten times faster than the document model the rewrite
 * needs (a 10,000-user kubeconfig: bench/RESULTS.md), and a scan only reads.
 */
export function parseKubeconfigText(text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = load(text, { json: true });
  } catch {
    throw new Error('Not valid YAML.');
  }
  if (value === null || value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw new Error('Not a YAML mapping.');
  return value as Record<string, unknown>;
}

/**
 * The Rancher tokens of a kubeconfig: each user whose `token` is in Rancher's shape, with the
 * server and cluster its contexts point at (`https://…/k8s/clusters/<id>`), and each user whose
 * exec entry runs `rancher-keys kubectl-credential` (a place that follows its key by itself).
 */
export function kubeconfigTokens(text: string): FileTokens {
  const doc = parseKubeconfigText(text);
  const users = entries(doc.users, 'users', userEntry);
  const clusters = new Map(
    entries(doc.clusters, 'clusters', clusterEntry).map((c) => [c.name, c.cluster ?? {}]),
  );
  const contextsByUser = new Map<string, Array<{ name: string; cluster: string | undefined }>>();
  for (const context of entries(doc.contexts, 'contexts', contextEntry)) {
    const user = context.context?.user;
    if (user === undefined) continue;
    const known = contextsByUser.get(user) ?? [];
    known.push({ name: context.name, cluster: context.context?.cluster });
    contextsByUser.set(user, known);
  }
  const found: FoundToken[] = [];
  const written: WrittenPlace[] = [];
  for (const user of users) {
    const contexts = contextsByUser.get(user.name) ?? [];
    const place = {
      kind: 'kubeconfig_user' as const,
      entry: user.name,
      subEntry: null,
      contexts: contexts.map((c) => c.name),
    };
    const exec = user.user?.exec;
    if (exec?.args?.includes('kubectl-credential')) {
      const server = originOf(argValue(exec.args, '--server'));
      if (server) written.push({ place, server, key: argValue(exec.args, '--key') });
    }
    const token = rancherBearer(user.user?.token);
    if (!token) continue;
    // The first context whose cluster is a Rancher cluster URL names the server.
    let target: { origin: string; clusterId: string } | null = null;
    let caPem: string | null = null;
    for (const context of contexts) {
      const cluster = context.cluster === undefined ? undefined : clusters.get(context.cluster);
      target = rancherClusterUrl(cluster?.server);
      if (target) {
        caPem = caFrom(cluster?.['certificate-authority-data']);
        break;
      }
    }
    found.push({
      ...token,
      place,
      serverUrl: target?.origin ?? null,
      clusterId: target?.clusterId ?? null,
      expiresAt: null,
      caPem,
      proxyUrl: null,
    });
  }
  return { found, written };
}
