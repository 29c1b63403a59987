import type { CertificateInfo } from '../../contract/errors';
import { AppFailure } from '../app-failure';
import type { ProxyError } from './proxy-error';

/** Where a proxy failure happened: the server as the user knows it. */
interface Context {
  origin: string;
}

const hostOf = (ctx: Context) => new URL(ctx.origin).host;
const settingsHint = "this server's proxy settings (or the system's proxy settings)";

function unreachableMessage(proxy: string, code: string | undefined): string {
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return `The proxy ${proxy} could not be found. Check its address in ${settingsHint}, and your network or VPN.`;
  }
  if (code === 'ECONNREFUSED') {
    return `The proxy ${proxy} refused the connection: nothing answers at that address and port. Check them in ${settingsHint}.`;
  }
  return `Could not reach the proxy ${proxy}. Check its address in ${settingsHint}, and your network or VPN.`;
}

/** Maps a failure of the proxy itself to a message that names it and says what to do. */
export function proxyFailure(ctx: Context, error: ProxyError): AppFailure {
  const { proxy, problem } = error;
  const host = hostOf(ctx);
  switch (problem.reason) {
    case 'auth_required':
      return new AppFailure(
        'unreachable',
        `The proxy ${proxy} asks for a user name and password (HTTP 407) before it lets Rancher Keys reach ${host}. Enter them in this server's proxy settings, or check them if they are already set.`,
        { proxy: 'auth_required' },
      );
    case 'blocked':
      return new AppFailure(
        'unreachable',
        `The proxy ${proxy} does not allow connections to ${host} (HTTP 403). Ask your network team to allow this server through the proxy, or choose another proxy (or none) in this server's settings.`,
        { proxy: 'blocked' },
      );
    case 'refused': {
      const upstream = problem.status === 502 || problem.status === 503 || problem.status === 504;
      return new AppFailure(
        'unreachable',
        upstream
          ? `The proxy ${proxy} could not reach ${host} (HTTP ${problem.status}). Check the server's address; if it is right, the proxy's network cannot get to it.`
          : `The proxy ${proxy} refused to open a connection to ${host} (HTTP ${problem.status}). Check ${settingsHint}.`,
        { proxy: 'refused' },
      );
    }
    case 'unreachable':
      return new AppFailure('unreachable', unreachableMessage(proxy, problem.causeCode), {
        proxy: 'unreachable',
      });
    case 'tls': {
      const code = problem.causeCode;
      const protocol = code === 'EPROTO' || code?.startsWith('ERR_SSL');
      const issuer = problem.certificate ? ` (issued by ${problem.certificate.issuer})` : '';
      return new AppFailure(
        'unreachable',
        protocol
          ? `A secure connection to the proxy ${proxy} could not be set up. If it is a plain HTTP proxy, write its address with http:// instead of https://.`
          : `The proxy ${proxy}'s own certificate${issuer} is not trusted by this computer. Install your organisation's CA in the operating system's trust store, or use the proxy's http:// address.`,
        { proxy: 'tls' },
      );
    }
    case 'timeout':
      return new AppFailure(
        'timeout',
        `The proxy ${proxy} did not open the connection to ${host} in time. Check ${settingsHint}, your network or VPN, or raise this server's timeout.`,
        { proxy: 'timeout' },
      );
    case 'bad_answer':
      return new AppFailure(
        'unreachable',
        `The proxy ${proxy} answered in a way Rancher Keys does not understand, or closed the connection. Check that the address is an HTTP proxy, in ${settingsHint}.`,
        { proxy: 'bad_answer' },
      );
    case 'plain_http':
      return new AppFailure(
        'unreachable',
        `${host} is a plain http:// server and a proxy (${proxy}) is set for it: the proxy would see every credential Rancher Keys sends, in clear. Use the server's https:// address, or allow plain HTTP through the proxy for this server in its settings.`,
        { proxy: 'plain_http' },
      );
  }
}

/** A proxy setting (the server's, the environment's or the OS's) that cannot be used. */
export function unsupportedProxyFailure(reason: string): AppFailure {
  return new AppFailure('invalid_input', reason, { proxy: 'unsupported' });
}

/**
 * The server's certificate, seen through a proxy, is not trusted (or, for a pinned server, is not
 * the pinned one): most often a proxy that inspects TLS and re-signs certificates with its own CA.
 * Says so, names the issuer, and carries it so the user may trust that CA for this server only.
 */
export function interceptionFailure(
  ctx: Context,
  proxy: string,
  certificate: CertificateInfo | undefined,
  issuer: CertificateInfo | undefined,
  pinChanged: boolean,
): AppFailure {
  const host = hostOf(ctx);
  const by = certificate ? ` It was issued by "${certificate.issuer}".` : '';
  const message = pinChanged
    ? `${host} presented, through the proxy ${proxy}, a different certificate from the one you trusted. Nothing was sent to it.${by} A proxy that inspects TLS re-signs certificates like this; the pinned certificate still decides, so review the new certificate before trusting it.`
    : `${host}'s certificate, seen through the proxy ${proxy}, is not trusted by this computer.${by} Your organisation's proxy most likely inspects TLS and re-signs certificates with its own CA. If you trust that proxy, ${
        issuer
          ? 'trust its CA for this server only'
          : "add its CA certificate (your IT team has it) to this server's CA setting"
      }; otherwise review the certificate.`;
  return new AppFailure('tls_untrusted', message, {
    ...(certificate ? { certificate } : {}),
    ...(pinChanged ? { certificateChanged: true } : {}),
    proxy: 'intercepting',
    ...(issuer && !pinChanged ? { issuerCertificate: issuer } : {}),
  });
}
