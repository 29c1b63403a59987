import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AppFailure } from '../app-failure';
import { azureEndpoints } from './azure-device-code';
import { ENTRA_SCOPE, entraAnswerFailure, entraFailure, idTokenOf } from './entra';
import type { FlowEnv, StartedFlow } from './flow-types';
import { listenLoopback, type LoopbackListener } from './loopback-listener';
import { browserUrl } from './url-policy';

const DESCRIPTION = 'Rancher Keys sign-in';
/** The code is redeemed within this long of the callback (C: "exchange within 30 s"). */
const EXCHANGE_TIMEOUT_MS = 30_000;

/** The page the browser shows after the callback: fixed text, nothing of the request reflected. */
function page(ok: boolean): string {
  const text = ok
    ? 'Signed in. You can close this tab and return to Rancher Keys.'
    : 'The sign-in did not complete. You can close this tab; Rancher Keys says why.';
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Rancher Keys</title></head><body><p>${text}</p></body></html>`;
}

const base64url = (b: Buffer) => b.toString('base64url');

/** PKCE S256 pair (RFC 7636): a 32-byte verifier and its SHA-256 challenge. */
export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = base64url(randomBytes(32));
  return { verifier, challenge: base64url(createHash('sha256').update(verifier).digest()) };
}

/**
 * Flow C, Azure AD authorization code + PKCE on a loopback redirect (rancher-sso.md §4): a
 * listener on 127.0.0.1 and ::1 at one random port, `redirect_uri=http://localhost:<port>` as
 * Rancher's CLI registers it (whichever address the browser resolves `localhost` to), a 32-byte
 * `state`, S256; the first request on any path of either address wins and closes both; 5 minutes at most; the code is redeemed with the verifier (no secret) and its
 * `id_token` logs in.
 */
export async function startAzurePkce(env: FlowEnv): Promise<StartedFlow> {
  const { clientId, token, authorize } = azureEndpoints(env);
  if (!authorize) {
    throw new AppFailure(
      'server_error',
      'The server’s Azure AD settings name no authorize endpoint.',
    );
  }
  if (!env.browser) {
    throw new AppFailure(
      'invalid_input',
      'This Azure AD sign-in needs a web browser, and none is available.',
    );
  }
  const state = base64url(randomBytes(32));
  const { verifier, challenge } = pkcePair();
  let settle: { resolve(code: string): void; reject(error: AppFailure): void } | null = null;
  const callback = new Promise<string>((resolve, reject) => {
    settle = { resolve, reject };
  });
  callback.catch(() => undefined);
  const onCallback = (req: IncomingMessage, res: ServerResponse) => {
    const done = settle;
    settle = null;
    res.setHeader('Connection', 'close');
    res.setHeader('Content-Security-Policy', "default-src 'none'");
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    close();
    if (!done) {
      res.writeHead(410).end(page(false));
      return;
    }
    const query = new URL(req.url ?? '/', 'http://127.0.0.1').searchParams;
    const error = query.get('error');
    if (error) {
      res.writeHead(200).end(page(false));
      done.reject(entraFailure(/^[a-z_]{1,64}$/.test(error) ? error : 'unknown', 400));
    } else if (query.get('state') !== state) {
      res.writeHead(400).end(page(false));
      done.reject(
        new AppFailure(
          'server_error',
          'The browser came back with an answer for another sign-in (its state did not match). Start again.',
        ),
      );
    } else if (!query.get('code')) {
      res.writeHead(400).end(page(false));
      done.reject(
        new AppFailure(
          'server_error',
          'The browser came back from Microsoft without a sign-in code.',
        ),
      );
    } else {
      res.writeHead(200).end(page(true));
      done.resolve(query.get('code') ?? '');
    }
  };
  let listener: LoopbackListener | null = null;
  let closed = false;
  function close() {
    closed = true;
    listener?.close();
  }
  listener = await listenLoopback(onCallback);
  // A request that came while ::1 was still being bound already used the listener up.
  if (closed) listener.close();
  const redirectUri = `http://localhost:${listener.port}`;
  const url = new URL(authorize.href);
  url.searchParams.set('client_id', clientId);
  url.searchParams.set('code_challenge', challenge);
  url.searchParams.set('code_challenge_method', 'S256');
  url.searchParams.set('redirect_uri', redirectUri);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('scope', ENTRA_SCOPE);
  url.searchParams.set('state', state);
  let pageUrl: string;
  try {
    pageUrl = browserUrl(url.href, [authorize.host]);
    await env.browser.open(pageUrl);
  } catch (error) {
    close();
    throw error;
  }
  const deadline = env.now() + env.timing.pkceTimeoutMs;
  const timer = setTimeout(() => {
    const done = settle;
    settle = null;
    close();
    done?.reject(
      new AppFailure(
        'timeout',
        `The sign-in was not completed in the browser within ${Math.round(env.timing.pkceTimeoutMs / 60_000)} minutes.`,
      ),
    );
  }, env.timing.pkceTimeoutMs);
  timer.unref?.();
  return {
    prompt: { kind: 'azure_pkce', browserOpened: true, deadline: new Date(deadline).toISOString() },
    pageUrl,
    userCode: null,
    async complete(run) {
      run.progress('waiting');
      const aborted = new Promise<never>((_, reject) => {
        const onAbort = () => reject(run.signal.reason as Error);
        if (run.signal.aborted) onAbort();
        else run.signal.addEventListener('abort', onAbort, { once: true });
      });
      aborted.catch(() => undefined);
      const code = await Promise.race([callback, aborted]);
      run.progress('exchanging');
      const exchange = new AbortController();
      const stop = setTimeout(
        () =>
          exchange.abort(new AppFailure('timeout', 'Azure AD did not answer the sign-in in time.')),
        EXCHANGE_TIMEOUT_MS,
      );
      const onAbort = () => exchange.abort(run.signal.reason);
      run.signal.addEventListener('abort', onAbort, { once: true });
      try {
        const response = await env.idp.postForm(
          token.href,
          {
            grant_type: 'authorization_code',
            code,
            redirect_uri: redirectUri,
            code_verifier: verifier,
            client_id: clientId,
          },
          exchange.signal,
        );
        if (response.status !== 200) throw entraAnswerFailure(response);
        return await env.client.sso.idTokenLogin(
          env.provider.id,
          idTokenOf(response),
          DESCRIPTION,
          run.signal,
        );
      } finally {
        clearTimeout(stop);
        run.signal.removeEventListener('abort', onAbort);
      }
    },
    dispose() {
      clearTimeout(timer);
      close();
    },
  };
}
