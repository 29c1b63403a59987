import { z } from 'zod';
import { tokenApisSchema } from '../../contract/servers';
import type { MetadataStore } from '../vault/metadata-store';
import { defaultProxy, storedProxySchema } from './server-proxy';

/** Metadata document holding the server registry (no secrets: those are in the keychain). */
export const SERVERS_DOCUMENT = 'servers';

const storedSignInSchema = z.object({
  method: z.enum(['api_key', 'password', 'sso']),
  provider: z.string().nullable(),
  user: z.object({ id: z.string(), username: z.string(), displayName: z.string() }),
  keyId: z.string(),
  expiresAt: z.string().nullable(),
  rejected: z.boolean(),
  obtained: z.enum(['session', 'kubeconfig']).optional(),
});

export const storedServerSchema = z.object({
  id: z.string().min(1),
  origin: z.string().min(1),
  name: z.string().min(1),
  caPem: z.string().nullable(),
  fingerprint256: z.string().nullable(),
  /** The certificate trusted on first use (public data, like the CA). */
  anchorPem: z.string().nullable(),
  timeoutMs: z.number().int().positive(),
  /** Servers stored before proxy settings existed follow the system's proxy. */
  proxy: storedProxySchema.default(defaultProxy),
  /** The CA of a TLS-inspecting proxy, trusted for this server only (public data). */
  proxyCaPem: z.string().nullable().default(null),
  version: z.string().nullable(),
  tokenApis: tokenApisSchema,
  maxTtlMs: z.number().int().nonnegative().nullable(),
  /** False until the max TTL setting was read while signed in. */
  maxTtlKnown: z.boolean(),
  signIn: storedSignInSchema.nullable(),
  addedAt: z.string(),
});
export type StoredServer = z.infer<typeof storedServerSchema>;

export const serversDocumentSchema = z.object({
  version: z.literal(1),
  activeId: z.string().nullable(),
  servers: z.array(storedServerSchema),
});
export type ServersDocument = z.infer<typeof serversDocumentSchema>;

/** Reads the registry (empty when missing or moved aside as corrupt). */
export function readServers(metadata: MetadataStore): Promise<ServersDocument> {
  // A fresh fallback each time: the registry mutates what it is given.
  return metadata.read(SERVERS_DOCUMENT, serversDocumentSchema, {
    version: 1,
    activeId: null,
    servers: [],
  });
}

export function writeServers(metadata: MetadataStore, doc: ServersDocument): Promise<void> {
  return metadata.write(SERVERS_DOCUMENT, serversDocumentSchema, doc);
}
