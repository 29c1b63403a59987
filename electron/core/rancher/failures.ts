import type { CertificateInfo } from '../../contract/errors';
import { AppFailure } from '../app-failure';
import { displayText } from '../display-text';
import { redact } from '../log';
import { redactValues } from './secret-echo';
import { CONNECT_TIMEOUT, PIN_MISMATCH } from './tls';

/** Where a failure happened, as the user knows the server. */
export interface FailureContext {
  /** The server's origin, e.g. `https://rancher.example.com`. */
  origin: string;
  /** Secret values the request carried; redacted, in any encoding, from what the server says. */
  secrets?: readonly string[];
}

function host(ctx: FailureContext): string {
  return new URL(ctx.origin).host;
}

/**
 * Pulls a short, human message out of any of Rancher's four error bodies (rancher-api.md §1.4):
 * `message` at the top level in all of them. Redacted (by pattern, and by the values in flight)
 * capped and neutralised (a U+202E must not reverse the advice around it): it is shown to the user.
 */
export function serverMessage(body: string, secrets: readonly string[] = []): string | null {
  try {
    const parsed: unknown = JSON.parse(body);
    if (parsed && typeof parsed === 'object' && 'message' in parsed) {
      const message = parsed.message;
      if (typeof message === 'string' && message.trim()) {
        const redacted = redactValues(redact(message.trim()), secrets);
        if (redacted === null) return null;
        const text = displayText(redacted);
        return text.length > 300 ? `${text.slice(0, 300)}…` : text;
      }
    }
  } catch {
    // Not JSON: no message worth showing.
  }
  return null;
}

/** Maps an HTTP status Rancher answered with to a contract failure. */
export function statusFailure(status: number, body: string, ctx: FailureContext): AppFailure {
  const where = host(ctx);
  const detail = serverMessage(body, ctx.secrets);
  const said = detail ? ` Rancher said: "${detail}".` : '';
  if (status === 401) {
    return new AppFailure(
      'unauthorized',
      `${where} no longer accepts the credential Rancher Keys signed in with (it expired, was revoked or disabled). Sign in again.`,
    );
  }
  if (status === 403) {
    return new AppFailure(
      'forbidden',
      `${where} refused this action: your Rancher user is not allowed to do it.${said} Ask a Rancher administrator for the permission.`,
    );
  }
  if (status === 404) {
    return new AppFailure(
      'not_found',
      `${where} does not have what was asked for (it may have been deleted, or belong to another user).${said}`,
    );
  }
  if (status === 409) {
    return new AppFailure(
      'conflict',
      `${where} reported a conflict.${said} Refresh and try again.`,
    );
  }
  if (status === 400 || status === 405 || status === 413 || status === 415 || status === 422) {
    return new AppFailure(
      'invalid_input',
      `${where} did not accept the request.${said} Check what you entered and try again.`,
    );
  }
  if (status >= 500 || status === 429 || status === 408) {
    return new AppFailure(
      'server_error',
      `${where} had a problem answering (HTTP ${status}).${said} Try again in a moment; if it persists, check the Rancher server's health.`,
    );
  }
  return new AppFailure(
    'server_error',
    `${where} answered with an unexpected HTTP ${status}. Check that the address points at the Rancher server.`,
  );
}

/** A web page where JSON was expected: a proxy, login portal or the dashboard's index page. */
export function htmlFailure(ctx: FailureContext): AppFailure {
  return new AppFailure(
    'server_error',
    `${host(ctx)} answered with a web page instead of Rancher's API. Check that the address is the Rancher server itself (not a proxy or login portal), then try again.`,
  );
}

/** A body that does not parse, is cut off, or lacks the fields the app relies on. */
export function badBodyFailure(ctx: FailureContext, what: 'invalid' | 'unexpected'): AppFailure {
  return new AppFailure(
    'server_error',
    what === 'invalid'
      ? `${host(ctx)} sent a damaged answer (not valid JSON, or cut off). Try again; if it persists, check the server or any proxy in between.`
      : `${host(ctx)} answered in a shape Rancher Keys does not recognise. Check that the address points at a Rancher server (2.8 or later).`,
  );
}

/** A redirect, which the app never follows to another origin (credentials stay with the server). */
export function redirectFailure(ctx: FailureContext, location: string | null): AppFailure {
  let target = '';
  try {
    if (location) target = new URL(location, ctx.origin).origin;
  } catch {
    target = '';
  }
  const elsewhere = target && target !== ctx.origin;
  return new AppFailure(
    'server_error',
    elsewhere
      ? `${host(ctx)} redirected to ${target}. Rancher Keys does not follow redirects to another address, so your credentials stay with this server. If ${target} is the right address, add the server with it instead.`
      : `${host(ctx)} kept redirecting instead of answering. Check that the address points at the Rancher server.`,
  );
}

/** The total time for a request ran out. */
export function timeoutFailure(ctx: FailureContext, ms: number): AppFailure {
  return new AppFailure(
    'timeout',
    `${host(ctx)} did not answer within ${Math.round(ms / 1000)} s. Check your network or VPN, or raise this server's timeout in its settings.`,
  );
}

/**
 * The caller withdrew the request (its signal aborted): the reason it gave when that is already a
 * failure (a cancelled sign-in says so itself), else a plain "cancelled". Never `unreachable`.
 */
export function cancelledFailure(signal: AbortSignal): AppFailure {
  const reason: unknown = signal.reason;
  return reason instanceof AppFailure
    ? reason
    : new AppFailure('conflict', 'The request was cancelled.');
}

/** The certificate was not trusted (or, for a pinned server, not the pinned one). */
export function certificateFailure(
  ctx: FailureContext,
  certificate: CertificateInfo | undefined,
  changed: boolean,
  code: string | undefined,
): AppFailure {
  const where = host(ctx);
  let message: string;
  if (changed) {
    message = `${where} presented a different certificate from the one you trusted. Nothing was sent to it. If the server's certificate was renewed on purpose, review the new certificate and trust it; otherwise someone may be intercepting the connection.`;
  } else if (code === 'CERT_HAS_EXPIRED') {
    message = `${where}'s certificate has expired. Ask the Rancher administrator to renew it; until then Rancher Keys will not connect.`;
  } else if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    message = `${where}'s certificate is issued for another name. Check the address, or ask the Rancher administrator for a certificate that covers it.`;
  } else {
    message = `${where}'s certificate is not trusted by this computer. Review it: if it is your Rancher server's, trust it, or add your organisation's CA certificate to this server's settings.`;
  }
  return new AppFailure('tls_untrusted', message, {
    ...(certificate ? { certificate } : {}),
    ...(changed ? { certificateChanged: true } : {}),
  });
}

const unreachableCodes = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EHOSTDOWN',
  'ENETDOWN',
  'EPIPE',
  'ECONNABORTED',
  'ERR_SOCKET_CLOSED',
]);

/** Network-level failure codes that mean "could not talk to the server at all". */
export function isUnreachableCode(code: string | undefined): boolean {
  return code !== undefined && unreachableCodes.has(code);
}

/** Maps a network error (no HTTP response) to a contract failure. */
export function networkFailure(code: string | undefined, ctx: FailureContext): AppFailure {
  const where = host(ctx);
  if (code === CONNECT_TIMEOUT || code === 'ETIMEDOUT' || code === 'ESOCKETTIMEDOUT') {
    return new AppFailure(
      'timeout',
      `Could not connect to ${where} in time. Check your network or VPN, or raise this server's timeout in its settings.`,
    );
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new AppFailure(
      'unreachable',
      `The name ${new URL(ctx.origin).hostname} could not be found. Check the address, and your network or VPN.`,
    );
  }
  if (code === 'ECONNREFUSED') {
    return new AppFailure(
      'unreachable',
      `${where} refused the connection. Check the address and port, and that the Rancher server is running.`,
    );
  }
  if (code === 'EPROTO' || code?.startsWith('ERR_SSL') || code === 'ERR_TLS_HANDSHAKE_TIMEOUT') {
    return new AppFailure(
      'unreachable',
      `A secure connection to ${where} could not be set up. Check whether the address should start with http:// or https://, and the port.`,
    );
  }
  if (code === PIN_MISMATCH) return certificateFailure(ctx, undefined, true, code);
  if (isUnreachableCode(code)) {
    return new AppFailure(
      'unreachable',
      `The connection to ${where} was cut off. Check your network or VPN and try again.`,
    );
  }
  return new AppFailure(
    'unreachable',
    `Could not talk to ${where}. Check the address, your network or VPN, and try again.`,
  );
}
