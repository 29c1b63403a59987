import type { PlaintextPlace, PlaintextTokenKind } from '../../contract/plaintext';
import type { TokenFamily } from '../../contract/keys';
import { parseBearer } from '../keys/key-id';
import { normaliseServerUrl } from '../servers/normalise-url';

/**
 * A Rancher token found in a file, with its secret: lives in main's memory for one scan, never
 * crosses IPC (the contract's finding is built from it without `bearer`).
 */
export interface FoundToken {
  place: PlaintextPlace;
  bearer: string;
  accessKey: string;
  family: TokenFamily;
  tokenKind: PlaintextTokenKind;
  /** The server's origin, or null when the file does not say. */
  serverUrl: string | null;
  clusterId: string | null;
  expiresAt: string | null;
  /** A PEM CA the file gives for the server (cli2.json `cacert`, kubeconfig CA data). */
  caPem: string | null;
  /** cli2.json `proxyUrl` (may carry credentials: main only). */
  proxyUrl: string | null;
}

/** A kubeconfig user whose exec entry runs `rancher-keys kubectl-credential` (no secret in it). */
export interface WrittenPlace {
  place: PlaintextPlace;
  /** Its `--server` origin. */
  server: string;
  /** Its `--key` handle; null: the server's default key. */
  key: string | null;
}

/** What one file holds. */
export interface FileTokens {
  found: FoundToken[];
  written: WrittenPlace[];
}

/** A bearer in Rancher's shape (`token-x:secret`, `ext/token-x:secret`), else null. */
export function rancherBearer(text: unknown): {
  bearer: string;
  accessKey: string;
  family: TokenFamily;
  tokenKind: PlaintextTokenKind;
} | null {
  if (typeof text !== 'string' || text.length > 600) return null;
  try {
    const { bearer, keyId, family, name } = parseBearer(text);
    const tokenKind: PlaintextTokenKind =
      family === 'ext' ? 'ext' : name.startsWith('kubeconfig-') ? 'kubeconfig' : 'v3';
    return { bearer, accessKey: keyId, family, tokenKind };
  } catch {
    return null;
  }
}

/** A server origin from a URL or a bare host, or null when it is not one. */
export function originOf(text: string | null | undefined): string | null {
  if (!text || text.length > 2048) return null;
  try {
    return normaliseServerUrl(text);
  } catch {
    return null;
  }
}

const clusterPath = /^\/k8s\/clusters\/([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)\/?$/;

/** `https://rancher.example.com/k8s/clusters/c-m-x` → its origin and cluster id; else null. */
export function rancherClusterUrl(server: unknown): { origin: string; clusterId: string } | null {
  if (typeof server !== 'string' || server.length > 2048) return null;
  let url: URL;
  try {
    url = new URL(server);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const match = clusterPath.exec(url.pathname);
  return match?.[1] ? { origin: url.origin, clusterId: match[1] } : null;
}
