import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { AppFailure } from '../app-failure';
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

const MAX_BODY = 256 * 1024;

/** The real one, over Node's http/https with the given timeout. */
export function createIdpHttp(options: { timeoutMs: number; userAgent: string }): IdpHttp {
  return {
    postForm(raw, form, signal) {
      const url = parseSignInUrl(raw);
      if (!url) {
        return Promise.reject(
          new AppFailure('server_error', 'The identity provider address is not an https address.'),
        );
      }
      // A cancelled flow sends nothing more (Node would still open the connection).
      if (signal.aborted) return Promise.reject(signal.reason as Error);
      const payload = new URLSearchParams(form).toString();
      const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
      return new Promise<IdpResponse>((resolve, reject) => {
        const req = send(
          url,
          {
            method: 'POST',
            signal,
            timeout: options.timeoutMs,
            headers: {
              'Content-Type': 'application/x-www-form-urlencoded',
              'Content-Length': Buffer.byteLength(payload),
              Accept: 'application/json',
              'User-Agent': options.userAgent,
            },
          },
          (res) => {
            const chunks: Buffer[] = [];
            let size = 0;
            res.on('data', (chunk: Buffer) => {
              size += chunk.length;
              if (size > MAX_BODY) res.destroy(new Error('too large'));
              else chunks.push(chunk);
            });
            res.on('error', () =>
              reject(
                new AppFailure(
                  'server_error',
                  'The identity provider sent an answer too large or broken to read.',
                ),
              ),
            );
            res.on('end', () => {
              let body: unknown;
              try {
                body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
              } catch {
                body = null;
              }
              resolve({ status: res.statusCode ?? 0, body });
            });
          },
        );
        req.on('timeout', () => req.destroy(new Error('timeout')));
        req.on('error', (error) => {
          if (signal.aborted) reject(signal.reason as Error);
          else
            reject(
              new AppFailure(
                error.message === 'timeout' ? 'timeout' : 'unreachable',
                `The identity provider at ${url.host} could not be reached.`,
              ),
            );
        });
        req.end(payload);
      });
    },
  };
}
