import { z } from 'zod';
import { originOf, rancherBearer, type FileTokens, type FoundToken } from './found-token';

/** The most server entries read from one cli2.json (a real one has a handful). */
export const MAX_CLI2_SERVERS = 20_000;

const text = z.string().max(600);
const execCredential = z
  .object({
    status: z
      .object({ token: text.optional(), expirationTimestamp: z.string().max(64).optional() })
      .nullish(),
  })
  .nullable();

/** One `Servers` entry (rancher-api.md §8.1, CLI `config.ServerConfig`); other fields are kept. */
const serverConfig = z.looseObject({
  accessKey: text.optional(),
  secretKey: text.optional(),
  tokenKey: text.optional(),
  url: z.string().max(2048).optional(),
  cacert: z
    .string()
    .max(256 * 1024)
    .optional(),
  proxyUrl: z.string().max(2048).optional(),
  kubeCredentials: z.record(z.string().max(512), execCredential).nullish(),
});
export type Cli2Server = z.infer<typeof serverConfig>;

/** The file: `{"Servers": {...}, "CurrentServer": "..."}`. */
export const cli2Schema = z.looseObject({
  Servers: z.record(z.string().max(512), serverConfig.nullable()).nullish(),
  CurrentServer: z.string().max(512).optional(),
});

/** Whether a parsed JSON value looks like a cli2.json (for user-added files). */
export function looksLikeCli2(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'Servers' in value;
}

/** The login bearer of an entry: `tokenKey`, else `accessKey:secretKey`. */
function loginBearer(entry: Cli2Server): string | null {
  if (entry.tokenKey) return entry.tokenKey;
  if (entry.accessKey && entry.secretKey) return `${entry.accessKey}:${entry.secretKey}`;
  return null;
}

/**
 * The tokens of a cli2.json: each entry's login key (against its `url`) and each cached kube
 * credential (against the entry's `url`, or the entry's name, which `rancher token --server`
 * makes a host). Throws a plain sentence (no content) when the file is not a cli2.json.
 */
export function cli2Tokens(json: string): FileTokens {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new Error('Not valid JSON.');
  }
  const parsed = cli2Schema.safeParse(value);
  if (!parsed.success) throw new Error('Not in the Rancher CLI’s cli2.json shape.');
  const servers = Object.entries(parsed.data.Servers ?? {});
  if (servers.length > MAX_CLI2_SERVERS) {
    throw new Error(`More than ${MAX_CLI2_SERVERS} server entries; not read.`);
  }
  const found: FoundToken[] = [];
  for (const [name, entry] of servers) {
    if (!entry) continue;
    const serverUrl = originOf(entry.url) ?? null;
    const caPem = entry.cacert?.includes('-----BEGIN CERTIFICATE-----') ? entry.cacert : null;
    const proxyUrl = entry.proxyUrl?.trim() ? entry.proxyUrl.trim() : null;
    const login = rancherBearer(loginBearer(entry));
    if (login) {
      found.push({
        ...login,
        place: { kind: 'cli2_login', entry: name, subEntry: null, contexts: [] },
        serverUrl,
        clusterId: null,
        expiresAt: null,
        caPem,
        proxyUrl,
      });
    }
    for (const [credKey, cred] of Object.entries(entry.kubeCredentials ?? {})) {
      const token = rancherBearer(cred?.status?.token);
      if (!token) continue;
      // `<userID>_<clusterID>`: the cluster part may be empty.
      const clusterId = credKey.slice(credKey.indexOf('_') + 1) || null;
      found.push({
        ...token,
        place: { kind: 'cli2_kube_credential', entry: name, subEntry: credKey, contexts: [] },
        serverUrl:
          serverUrl ?? (/^[a-z0-9.-]+\.[a-z0-9-]+(:\d+)?$/i.test(name) ? originOf(name) : null),
        clusterId: clusterId && /^[a-z0-9-]{1,63}$/.test(clusterId) ? clusterId : null,
        expiresAt: cred?.status?.expirationTimestamp ?? null,
        caPem,
        proxyUrl,
      });
    }
  }
  return { found, written: [] };
}
