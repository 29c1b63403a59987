import { createHash } from 'node:crypto';
import tls from 'node:tls';

/** Distinct trust stores kept per OS store (servers with their own CA or pin add one each). */
const MAX_CONTEXTS = 64;

const cache = new WeakMap<readonly string[], Map<string, tls.SecureContext>>();

/**
 * The TLS context over Node's roots, the OS's certificates and `extra`, shared by every connection
 * and server that trusts the same set. Parsing a few hundred roots takes about 100 ms here, so it
 * is done once per distinct set, not per connection (Node's default) nor per server.
 */
export function sharedSecureContext(
  system: readonly string[],
  extra: readonly string[],
  allowPartialTrustChain: boolean,
): tls.SecureContext {
  let contexts = cache.get(system);
  if (!contexts) {
    contexts = new Map();
    cache.set(system, contexts);
  }
  const key = createHash('sha256')
    .update(JSON.stringify([extra, allowPartialTrustChain]))
    .digest('hex');
  const existing = contexts.get(key);
  if (existing) return existing;
  const context = tls.createSecureContext({
    ca: [...tls.rootCertificates, ...system, ...extra],
    ...(allowPartialTrustChain ? { allowPartialTrustChain: true } : {}),
  });
  if (contexts.size >= MAX_CONTEXTS) contexts.delete(contexts.keys().next().value!);
  contexts.set(key, context);
  return context;
}
