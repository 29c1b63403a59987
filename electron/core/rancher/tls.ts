import { X509Certificate } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
import type { Duplex } from 'node:stream';
import type { CertificateInfo } from '../../contract/errors';
import {
  formatDistinguishedName,
  parseDistinguishedName,
  type DnField,
} from './distinguished-name';
import type { TlsTrust } from './rancher-client';

/** Code of the error raised inside the handshake when a pinned server shows another certificate. */
export const PIN_MISMATCH = 'ERR_RANCHER_KEYS_PIN_MISMATCH';
/** Code of the error raised when the TCP/TLS connection is not up within the connect timeout. */
export const CONNECT_TIMEOUT = 'ERR_RANCHER_KEYS_CONNECT_TIMEOUT';

/** Normalises a fingerprint to Node's form: upper-case hex pairs joined by colons. */
export function normaliseFingerprint(fingerprint: string): string {
  const hex = fingerprint.replace(/[^0-9a-fA-F]/g, '').toUpperCase();
  return (hex.match(/../g) ?? []).join(':');
}

function isoDate(text: string): string {
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? text : date.toISOString();
}

/** At most 64 fields of at most 1 KiB each (the contract's bounds); longer values are cut. */
function boundFields(fields: DnField[]): DnField[] {
  const cut = (text: string, max: number) =>
    text.length > max ? `${text.slice(0, max - 1)}…` : text;
  return fields.slice(0, 64).map((f) => ({ name: cut(f.name, 64), value: cut(f.value, 1024) }));
}

/**
 * What a user needs to decide whether to trust a certificate. Subject and issuer are parsed from
 * the DER (Node's escaped RFC 4514 form), never from the peer object, whose flattened values let
 * `O=Evil, O=DigiCert Inc` pass for two fields; each field is also sent on its own.
 */
function infoOf(cert: X509Certificate): CertificateInfo {
  const subjectFields = boundFields(parseDistinguishedName(cert.subject));
  const issuerFields = boundFields(parseDistinguishedName(cert.issuer));
  return {
    subject: formatDistinguishedName(subjectFields),
    issuer: formatDistinguishedName(issuerFields),
    subjectFields,
    issuerFields,
    fingerprint256: cert.fingerprint256,
    validFrom: isoDate(cert.validFrom),
    validTo: isoDate(cert.validTo),
  };
}

/** {@link infoOf} of a certificate a TLS peer presented. */
export function certificateInfo(cert: tls.PeerCertificate): CertificateInfo {
  try {
    return infoOf(new X509Certificate(cert.raw));
  } catch {
    // No parsable DER: only the fingerprint and dates, with no subject to mislead.
    return {
      subject: '(unreadable)',
      issuer: '(unreadable)',
      fingerprint256: cert.fingerprint256,
      validFrom: isoDate(cert.valid_from),
      validTo: isoDate(cert.valid_to),
    };
  }
}

/** {@link certificateInfo} of a PEM certificate (one stored in metadata); null if unparsable. */
export function certificateInfoOf(pem: string): CertificateInfo | null {
  try {
    return infoOf(new X509Certificate(pem));
  } catch {
    return null;
  }
}

function toPem(raw: Buffer): string {
  return new X509Certificate(raw).toString();
}

/** The certificate a server presents, read without trusting it and without sending any request. */
export interface PeerCertificate {
  info: CertificateInfo;
  /**
   * What to add to the trust store to trust this server on first use: the root of the chain the
   * server sent when it sent a self-signed root, else the leaf itself (accepted as a trust anchor
   * through `allowPartialTrustChain`; the pin keeps it to this exact certificate).
   */
  anchorPem: string;
  /**
   * The top of the chain the server sent, when it is not the leaf: the CA a TLS-inspecting proxy
   * signs with, which a user may choose to trust for one server.
   */
  issuer: { info: CertificateInfo; pem: string } | null;
}

/** Opens the TCP-level connection to a server (directly or through a proxy tunnel). */
export type DialTarget = (target: URL, timeoutMs: number) => Promise<Duplex>;

/**
 * Opens a raw TLS connection with verification off, reads the peer chain and closes at once. No
 * application data is written, so no credential can reach an unverified server this way.
 */
export async function fetchPeerCertificate(
  origin: string,
  timeoutMs: number,
  dial?: DialTarget,
): Promise<PeerCertificate> {
  const url = new URL(origin);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const port = Number(url.port || 443);
  // Through a proxy the certificate is read inside its tunnel: what the connection would see.
  const tunnel = dial ? await dial(url, timeoutMs) : undefined;
  return new Promise((resolve, reject) => {
    const socket = tls.connect({
      ...(tunnel ? { socket: tunnel } : { host, port }),
      ...(net.isIP(host) ? {} : { servername: host }),
      rejectUnauthorized: false,
    });
    const timer = setTimeout(() => {
      socket.destroy(Object.assign(new Error('connect timeout'), { code: CONNECT_TIMEOUT }));
    }, timeoutMs);
    socket.once('secureConnect', () => {
      clearTimeout(timer);
      const leaf = socket.getPeerCertificate(true);
      socket.destroy();
      if (!leaf.raw) {
        reject(Object.assign(new Error('no peer certificate'), { code: 'EPROTO' }));
        return;
      }
      let top: tls.DetailedPeerCertificate = leaf;
      while (top.issuerCertificate && top.issuerCertificate !== top) top = top.issuerCertificate;
      const selfSignedRoot = top.issuerCertificate === top || top === leaf;
      resolve({
        info: certificateInfo(leaf),
        anchorPem: toPem(selfSignedRoot ? top.raw : leaf.raw),
        issuer: top === leaf ? null : { info: certificateInfo(top), pem: toPem(top.raw) },
      });
    });
    socket.once('error', (error: Error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

/** The server's own trust anchors: its custom CA and the certificate captured on first use. */
export function extraCertificates(trust: TlsTrust): string[] {
  return [trust.caPem, trust.anchorPem, trust.proxyCaPem].filter((pem): pem is string => !!pem);
}

/** Whether an anchor may sit below a root (a leaf trusted on first use, a proxy's sub-CA). */
export function partialChainAllowed(trust: TlsTrust): boolean {
  return !!trust.anchorPem || !!trust.proxyCaPem;
}

/**
 * Trust for one server, all of it inside the TLS handshake: verification is always on; the trust
 * store is Node's roots plus the server's custom CA plus the anchor captured on first use; and a
 * pinned fingerprint is compared in `checkServerIdentity`, which runs before any request byte is
 * written (so a changed certificate never receives a credential).
 */
export function secureOptions(trust: TlsTrust): https.AgentOptions {
  const extra = extraCertificates(trust);
  const pin = trust.fingerprint256 ? normaliseFingerprint(trust.fingerprint256) : undefined;
  return {
    rejectUnauthorized: true,
    ...(extra.length > 0 ? { ca: [...tls.rootCertificates, ...extra] } : {}),
    // The anchor captured on first use may be a leaf; the pin then limits trust to that certificate.
    ...(partialChainAllowed(trust) ? { allowPartialTrustChain: true } : {}),
    checkServerIdentity(hostname, cert) {
      const error = tls.checkServerIdentity(hostname, cert);
      if (error) return error;
      if (pin && normaliseFingerprint(cert.fingerprint256) !== pin) {
        return Object.assign(
          new Error('The server presented a certificate other than the pinned one'),
          {
            code: PIN_MISMATCH,
          },
        );
      }
      return undefined;
    },
  };
}

/** Destroys a connecting socket that is not up (TCP, and TLS for HTTPS) within `ms`. */
export function withConnectTimeout(socket: Duplex, ms: number, secure: boolean): Duplex {
  const timer = setTimeout(() => {
    socket.destroy(Object.assign(new Error('connect timeout'), { code: CONNECT_TIMEOUT }));
  }, ms);
  const clear = () => clearTimeout(timer);
  socket.once(secure ? 'secureConnect' : 'connect', clear);
  socket.once('close', clear);
  return socket;
}

/**
 * The connection pool of one server: keep-alive, a connect timeout, and for HTTPS the trust of
 * {@link secureOptions}. TLS sessions are not cached, so every new connection is fully verified
 * (a resumed session would skip `checkServerIdentity`).
 */
export function createAgent(
  origin: string,
  trust: TlsTrust,
  connectTimeoutMs: number,
): http.Agent | https.Agent {
  if (new URL(origin).protocol === 'http:') {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
    const create = agent.createConnection.bind(agent);
    agent.createConnection = (options, callback) =>
      withConnectTimeout(create(options, callback) as Duplex, connectTimeoutMs, false);
    return agent;
  }
  const agent = new https.Agent({
    keepAlive: true,
    maxSockets: 8,
    maxCachedSessions: 0,
    ...secureOptions(trust),
  });
  const create = agent.createConnection.bind(agent);
  agent.createConnection = (options, callback) =>
    withConnectTimeout(create(options, callback) as Duplex, connectTimeoutMs, true);
  return agent;
}

const tlsVerifyCodes = new Set([
  PIN_MISMATCH,
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'CERT_REVOKED',
  'CERT_SIGNATURE_FAILURE',
  'CERT_REJECTED',
  'INVALID_CA',
  'PATH_LENGTH_EXCEEDED',
  'INVALID_PURPOSE',
]);

/** True when an error code says the server's certificate was not trusted. */
export function isCertificateError(code: string | undefined): boolean {
  return code !== undefined && tlsVerifyCodes.has(code);
}
