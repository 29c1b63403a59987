import type { CertificateInfo } from '../../contract/errors';

/** Why a connection through a proxy failed, before any byte reached the Rancher server. */
export type ProxyProblem =
  | { reason: 'auth_required'; status: 407 }
  | { reason: 'blocked'; status: 403 }
  | { reason: 'refused'; status: number }
  | { reason: 'unreachable'; causeCode: string | undefined }
  | { reason: 'tls'; causeCode: string | undefined; certificate?: CertificateInfo | undefined }
  | { reason: 'timeout' }
  | { reason: 'bad_answer' }
  | { reason: 'plain_http' };

/** Error code of every {@link ProxyError}: none is worth a retry. */
export const PROXY_FAILED = 'ERR_RANCHER_KEYS_PROXY';

/** A proxy-side failure; `proxy` is the proxy's address without credentials. */
export class ProxyError extends Error {
  override readonly name = 'ProxyError';
  readonly code = PROXY_FAILED;
  constructor(
    readonly proxy: string,
    readonly problem: ProxyProblem,
  ) {
    super(`proxy ${proxy}: ${problem.reason}`);
  }
}

/** Finds a {@link ProxyError} in an error or its causes (axios wraps what the agent raised). */
export function findProxyError(error: unknown): ProxyError | null {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    if (current instanceof ProxyError) return current;
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}
