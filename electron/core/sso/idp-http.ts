import { AppFailure } from '../app-failure';
import type { Transport } from '../rancher/http';
import { parseSignInUrl } from './url-policy';

/** An identity provider's answer: status and parsed JSON (null when the body was not JSON). */
export interface IdpResponse {
  status: number;
  body: unknown;
}

/**
 * Form posts to an identity provider's endpoints (Entra's device-code and token endpoints). Only
 * `https:` (or loopback `http:`) URLs; answers are bounded; nothing is logged here.
 */
export interface IdpHttp {
  postForm(url: string, form: Record<string, string>, signal: AbortSignal): Promise<IdpResponse>;
}

/** Largest answer read from an identity provider (an OAuth token answer is a few KB). */
export const IDP_MAX_BODY = 256 * 1024;

/** Every status an OAuth endpoint answers with is the caller's to read (errors are 400 JSON). */
const everyStatus: readonly number[] = Array.from({ length: 400 }, (_, i) => 200 + i);

/** The transport to one identity provider origin, reached the way its Rancher server is. */
export type IdpTransportFor = (origin: string) => Transport;

/**
 * What the user reads when the identity provider could not be talked to. A proxy's own failure
 * keeps its message (it names the proxy and the provider's host, and the proxy setting to check);
 * the rest are said of the identity provider, never offering to trust its certificate for the
 * Rancher server (a certificate of another host must not become the server's pin).
 */
function idpFailure(error: unknown, host: string): unknown {
  if (!(error instanceof AppFailure)) return error;
  if (error.code === 'tls_untrusted') {
    const seen = error.proxy === 'intercepting' ? ', seen through this server’s proxy,' : '';
    return new AppFailure(
      'tls_untrusted',
      `The identity provider ${host}'s certificate${seen} is not trusted by this computer. If your organisation inspects TLS, install its CA in the operating system's trust store (or add it to this server's CA setting), then start again.`,
      error.proxy ? { proxy: error.proxy } : {},
    );
  }
  if (error.proxy) return error;
  switch (error.code) {
    case 'timeout':
      return new AppFailure(
        'timeout',
        `The identity provider at ${host} did not answer in time. Check your network or VPN, then start again.`,
      );
    case 'unreachable':
      return new AppFailure(
        'unreachable',
        `The identity provider at ${host} could not be reached. Check your network or VPN (and this server's proxy settings), then start again.`,
      );
    case 'server_error':
      return new AppFailure(
        'server_error',
        `The identity provider at ${host} sent an answer Rancher Keys does not accept (a redirect, a damaged or too large answer).`,
      );
    default:
      return error;
  }
}

/**
 * Identity provider requests over the server's own HTTP stack (`transportFor`): the server's
 * proxy setting (or the system's), the OS trust store and the server's CA, timeouts, a bounded
 * answer, no redirect followed, the flow's abort signal. Cancelled, it fails with the signal's
 * reason.
 */
export function createIdpHttp(transportFor: IdpTransportFor): IdpHttp {
  const transports = new Map<string, Transport>();
  return {
    async postForm(raw, form, signal) {
      const url = parseSignInUrl(raw);
      if (!url) {
        throw new AppFailure(
          'server_error',
          'The identity provider address is not an https address.',
        );
      }
      signal.throwIfAborted();
      let transport = transports.get(url.origin);
      if (!transport) {
        transport = transportFor(url.origin);
        transports.set(url.origin, transport);
      }
      let response;
      try {
        response = await transport.request({
          method: 'POST',
          path: `${url.pathname}${url.search}`,
          form,
          passStatuses: everyStatus,
          signal,
        });
      } catch (error) {
        signal.throwIfAborted();
        throw idpFailure(error, url.host);
      }
      let body: unknown;
      try {
        body = JSON.parse(response.body);
      } catch {
        body = null;
      }
      return { status: response.status, body };
    },
  };
}
