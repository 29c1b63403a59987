import { randomBytes } from 'node:crypto';
import type { SimReply, SimRequest } from './http-types';
import { jsonReply, normanErrorBody, steveErrorReply } from './errors';

/** Norman and Steve treat any User-Agent containing `mozilla` as a browser (§1.3). */
export function isBrowser(req: SimRequest): boolean {
  const ua = req.headers['user-agent'];
  return req.browserTraps && typeof ua === 'string' && ua.toLowerCase().includes('mozilla');
}

/** Trap 1: a browser UA with `Accept` empty or containing `*\/*` gets the HTML API browser. */
export function wantsHtml(req: SimRequest): boolean {
  if (!isBrowser(req) || req.query.get('_format') === 'json') return false;
  const accept = req.headers.accept ?? '';
  return accept.trim() === '' || accept.includes('*/*');
}

/** Wraps a JSON reply in the API-browser page Norman/Steve serve to browsers (N:parse/browser.go). */
export function htmlApiPage(reply: SimReply, base: string): SimReply {
  const json = typeof reply.body === 'string' ? reply.body : reply.body.toString('utf8');
  const body = `<!DOCTYPE html>
<!-- If you are seeing this, the User-Agent says "Mozilla" and Accept allows */*. Send Accept: application/json. -->
<html lang="en">
<head>
<meta charset="utf-8">
<title>Rancher API</title>
<script>
var schemas = "${base}/v3/schemas";
var data = ${json.trim()};
</script>
<link rel="stylesheet" type="text/css" href="https://releases.rancher.com/api-ui/1.1.11/ui.min.css" />
<script src="https://releases.rancher.com/api-ui/1.1.11/ui.min.js"></script>
</head>
<body></body>
</html>
`;
  return { ...reply, headers: { ...reply.headers, 'Content-Type': 'text/html' }, body };
}

/**
 * Trap 2: CSRF (`CheckCSRF`, §1.3). For a browser UA every non-GET must send `X-API-CSRF` (or
 * `?CSRF=`) equal to the `CSRF` cookie; without the cookie one is set and the request still fails.
 * Returns the 422 reply, or `undefined` when the request may proceed.
 */
export function checkCsrf(req: SimRequest, flavour: 'norman' | 'steve'): SimReply | undefined {
  if (!isBrowser(req) || req.method === 'GET') return undefined;
  const cookie = req.cookies.CSRF;
  const sent = req.headers['x-api-csrf'] ?? req.query.get('CSRF') ?? undefined;
  if (cookie && sent === cookie) return undefined;
  const reply =
    flavour === 'norman'
      ? jsonReply(422, normanErrorBody(422, 'InvalidCSRFToken', 'Invalid CSRF token'))
      : steveErrorReply(422, 'InvalidCSRFToken', 'Invalid CSRF token');
  if (!cookie) {
    reply.headers['Set-Cookie'] =
      `CSRF=${randomBytes(16).toString('hex')}; Path=/; Secure; SameSite=Lax`;
  }
  return reply;
}
