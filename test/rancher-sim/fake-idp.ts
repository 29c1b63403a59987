import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import type { SimState } from './state';
import type { SimAssertion } from './sso-state';

/**
 * Fake identity providers on loopback for single sign-on tests (rancher-sso.md §7, rules 12–18):
 * a fake Microsoft Entra (discovery, JWKS, device code, authorize, token) under `/<tenant>/…` and
 * a fake SAML IdP under `/saml/sso`, with test hooks. One HTTP server, its own origin, like a
 * real IdP. Entra's timing is real time (its codes and id_tokens are checked against `Date.now`).
 */

/** One device authorization in flight (RFC 8628). */
interface DeviceGrant {
  deviceCode: string;
  userCode: string;
  clientId: string;
  expiresAtMs: number;
  lastPollMs: number | null;
  state: 'pending' | 'approved' | 'denied' | 'redeemed';
  oid: string | null;
}

interface AuthCode {
  code: string;
  clientId: string;
  redirectUri: string;
  challenge: string | null;
  oid: string;
  expiresAtMs: number;
}

/** How the authorize endpoint answers: sign the user in as `oid`, or deny. */
export type AuthorizeMode = { kind: 'approve'; oid: string } | { kind: 'deny' };

/** What the fake SAML IdP does with the next logins. */
export interface SamlIdpHooks {
  /** The NameID it asserts. */
  user: string;
  /** Asserts a denied login (the user is not allowed). */
  deny: boolean;
  /** The user takes longer than the 90 s cookie window: the IdP moves the simulator's clock on. */
  slow: boolean;
  /** Posts the previous assertion again instead of a fresh one. */
  replay: boolean;
}

export interface FakeIdpOptions {
  tenant?: string;
  /** Rancher's app registration (application id). */
  clientId?: string;
  /** Device code lifetime in seconds (default 900). */
  deviceExpiresIn?: number;
  /** The `interval` Entra names, in seconds (default 5). */
  interval?: number;
  /**
   * How soon after a poll the next one counts as too early (`slow_down`), in ms; default
   * `interval` seconds. Tests that shorten the client's waits shorten this alike.
   */
  minPollGapMs?: number;
  /**
   * Serve over HTTPS with this certificate (issued by a test CA, as Microsoft's are by a public
   * one); `caPem` is what Rancher's discovery trusts. Plain HTTP on loopback otherwise.
   */
  tls?: { certPem: string; keyPem: string; caPem: string };
}

export interface FakeIdp {
  readonly origin: string;
  readonly tenant: string;
  readonly clientId: string;
  /** `<origin>/<tenant>/v2.0`. */
  readonly issuer: string;
  readonly endpoints: { authorize: string; token: string; devicecode: string };
  /** The CA of its certificate when served over HTTPS, else null. */
  readonly caPem: string | null;
  /** Whether "Allow public client flows" is on (off: `invalid_client`, AADSTS7000218). */
  publicClientFlows: boolean;
  /** The `oid` the device-login page approves a code as (default `oid-alice`). */
  deviceUser: string;
  /**
   * Holds device-code requests without answering (a slow or stuck Entra) until set back to false;
   * `heldClosed` counts held requests whose client went away.
   */
  holdDeviceCode: boolean;
  readonly heldClosed: number;
  authorizeMode: AuthorizeMode;
  /** Redirect URIs registered besides loopback (any port on `http://localhost`/`127.0.0.1`). */
  readonly registeredRedirects: Set<string>;
  readonly saml: SamlIdpHooks;
  /** Approves a pending device code as the user with this `oid`. */
  approve(userCode: string, oid: string): void;
  deny(userCode: string): void;
  /** Makes a device code expire now. */
  expire(userCode: string): void;
  /** The next `count` device polls answer `slow_down` whatever their timing. */
  slowDown(count: number): void;
  /** Device codes issued so far, newest last. */
  readonly userCodes: string[];
  /** Every request the IdP received (method and path with query). */
  readonly requests: string[];
  /** Every id_token issued (secrets the app must never log or show). */
  readonly idTokens: string[];
  /** Sets where the slow hook moves time (the simulator's clock). */
  onSlow(advance: (ms: number) => void): void;
  close(): Promise<void>;
}

const b64url = (v: Buffer | string) => Buffer.from(v).toString('base64url');

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= 64 * 1024) chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  res.end(JSON.stringify(body));
}

const oauthError = (res: ServerResponse, error: string, description = error) =>
  json(res, 400, { error, error_description: description });

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function isLoopbackRedirect(uri: string): boolean {
  try {
    const u = new URL(uri);
    return u.protocol === 'http:' && (u.hostname === 'localhost' || u.hostname === '127.0.0.1');
  } catch {
    return false;
  }
}

/** Starts the fake IdPs on 127.0.0.1 with a free port. */
export async function startFakeIdp(options: FakeIdpOptions = {}): Promise<FakeIdp> {
  const tenant = options.tenant ?? 'tenant-0000';
  const clientId = options.clientId ?? 'rancher-app-registration';
  const interval = options.interval ?? 5;
  const minPollGapMs = options.minPollGapMs ?? interval * 1000;
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = randomBytes(6).toString('hex');
  const devices = new Map<string, DeviceGrant>();
  const codes = new Map<string, AuthCode>();
  const userCodes: string[] = [];
  const requests: string[] = [];
  const idTokens: string[] = [];
  let slowDownLeft = 0;
  let advance: (ms: number) => void = () => undefined;
  let lastAssertion: { response: string; acs: string } | null = null;
  const sockets = new Set<Socket>();

  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  };
  const server: Server = options.tls
    ? createTlsServer({ cert: options.tls.certPem, key: options.tls.keyPem }, onRequest)
    : createServer(onRequest);
  let heldClosed = 0;
  server.on(options.tls ? 'secureConnection' : 'connection', (s: Socket) => {
    sockets.add(s);
    s.once('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `${options.tls ? 'https' : 'http'}://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const issuer = `${origin}/${tenant}/v2.0`;
  const endpoints = {
    authorize: `${origin}/${tenant}/oauth2/v2.0/authorize`,
    token: `${origin}/${tenant}/oauth2/v2.0/token`,
    devicecode: `${origin}/${tenant}/oauth2/v2.0/devicecode`,
  };

  function idToken(oid: string, key: KeyObject = privateKey): string {
    const now = Math.floor(Date.now() / 1000);
    const header = b64url(JSON.stringify({ alg: 'RS256', kid, typ: 'JWT' }));
    const payload = b64url(
      JSON.stringify({
        iss: issuer,
        aud: clientId,
        exp: now + 3600,
        iat: now,
        nbf: now,
        oid,
        tid: tenant,
        name: oid,
      }),
    );
    const signature = sign('RSA-SHA256', Buffer.from(`${header}.${payload}`), key);
    return `${header}.${payload}.${b64url(signature)}`;
  }

  function tokenAnswer(res: ServerResponse, oid: string) {
    const issued = idToken(oid);
    idTokens.push(issued);
    json(res, 200, {
      token_type: 'Bearer',
      scope: 'openid profile email',
      expires_in: 3600,
      access_token: randomBytes(24).toString('hex'),
      id_token: issued,
    });
  }

  function clientOf(req: IncomingMessage, form: URLSearchParams): string | null {
    const basic = /^Basic (.+)$/i.exec(req.headers.authorization ?? '');
    if (basic?.[1])
      return decodeURIComponent(
        Buffer.from(basic[1], 'base64').toString('utf8').split(':')[0] ?? '',
      );
    return form.get('client_id');
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', origin);
    const method = req.method ?? 'GET';
    requests.push(`${method} ${url.pathname}${url.search}`);
    const base = `/${tenant}`;
    if (method === 'GET' && url.pathname === `${base}/v2.0/.well-known/openid-configuration`) {
      return json(res, 200, {
        issuer,
        jwks_uri: `${origin}${base}/discovery/v2.0/keys`,
        authorization_endpoint: endpoints.authorize,
        token_endpoint: endpoints.token,
        device_authorization_endpoint: endpoints.devicecode,
        id_token_signing_alg_values_supported: ['RS256'],
      });
    }
    if (method === 'GET' && url.pathname === `${base}/discovery/v2.0/keys`) {
      return json(res, 200, {
        keys: [{ ...publicKey.export({ format: 'jwk' }), kid, use: 'sig', alg: 'RS256' }],
      });
    }
    if (method === 'POST' && url.pathname === `${base}/oauth2/v2.0/devicecode`) {
      const form = new URLSearchParams(await readBody(req));
      if (fake.holdDeviceCode) {
        res.once('close', () => {
          if (!res.writableEnded) heldClosed += 1;
        });
        while (fake.holdDeviceCode && !res.destroyed) await new Promise((r) => setTimeout(r, 10));
        if (res.destroyed) return;
      }
      if (form.get('client_id') !== clientId)
        return oauthError(res, 'invalid_client', 'AADSTS700016: unknown application');
      if (!fake.publicClientFlows) {
        return oauthError(
          res,
          'invalid_client',
          'AADSTS7000218: The request body must contain client_assertion or client_secret.',
        );
      }
      const userCode = randomBytes(4).toString('hex').toUpperCase();
      const grant: DeviceGrant = {
        deviceCode: randomBytes(24).toString('base64url'),
        userCode,
        clientId,
        expiresAtMs: Date.now() + (options.deviceExpiresIn ?? 900) * 1000,
        lastPollMs: null,
        state: 'pending',
        oid: null,
      };
      devices.set(grant.deviceCode, grant);
      userCodes.push(userCode);
      return json(res, 200, {
        device_code: grant.deviceCode,
        user_code: userCode,
        verification_uri: `${origin}/devicelogin`,
        expires_in: options.deviceExpiresIn ?? 900,
        interval,
        message: `To sign in, use a web browser to open the page ${origin}/devicelogin and enter the code ${userCode} to authenticate.`,
      });
    }
    if (method === 'POST' && url.pathname === `${base}/oauth2/v2.0/token`) {
      const form = new URLSearchParams(await readBody(req));
      const client = clientOf(req, form);
      if (client !== clientId) return oauthError(res, 'invalid_client');
      if (!fake.publicClientFlows) return oauthError(res, 'invalid_client', 'AADSTS7000218');
      const grantType = form.get('grant_type');
      if (grantType === 'urn:ietf:params:oauth:grant-type:device_code') {
        const grant = devices.get(form.get('device_code') ?? '');
        if (!grant || grant.state === 'redeemed') return oauthError(res, 'invalid_grant');
        const now = Date.now();
        if (now >= grant.expiresAtMs) return oauthError(res, 'expired_token');
        if (grant.state === 'denied') return oauthError(res, 'access_denied');
        const early = grant.lastPollMs !== null && now - grant.lastPollMs < minPollGapMs;
        grant.lastPollMs = now;
        if (slowDownLeft > 0 || early) {
          slowDownLeft = Math.max(0, slowDownLeft - 1);
          return oauthError(res, 'slow_down');
        }
        if (grant.state === 'pending' || !grant.oid)
          return oauthError(res, 'authorization_pending');
        grant.state = 'redeemed';
        return tokenAnswer(res, grant.oid);
      }
      if (grantType === 'authorization_code') {
        const code = codes.get(form.get('code') ?? '');
        codes.delete(form.get('code') ?? '');
        if (!code || code.expiresAtMs < Date.now() || code.clientId !== client)
          return oauthError(res, 'invalid_grant');
        if (form.get('redirect_uri') !== code.redirectUri)
          return oauthError(res, 'invalid_grant', 'redirect_uri mismatch');
        if (code.challenge !== null) {
          const verifier = form.get('code_verifier') ?? '';
          if (b64url(createHash('sha256').update(verifier).digest()) !== code.challenge) {
            return oauthError(res, 'invalid_grant', 'PKCE verification failed');
          }
        }
        return tokenAnswer(res, code.oid);
      }
      return oauthError(res, 'unsupported_grant_type');
    }
    if (method === 'GET' && url.pathname === `${base}/oauth2/v2.0/authorize`) {
      const q = url.searchParams;
      const redirectUri = q.get('redirect_uri') ?? '';
      if (q.get('client_id') !== clientId) return oauthError(res, 'invalid_client');
      if (!isLoopbackRedirect(redirectUri) && !fake.registeredRedirects.has(redirectUri)) {
        return oauthError(res, 'invalid_request', 'AADSTS50011: redirect URI mismatch');
      }
      const target = new URL(redirectUri);
      const state = q.get('state');
      if (state) target.searchParams.set('state', state);
      if (fake.authorizeMode.kind === 'deny') {
        target.searchParams.set('error', 'access_denied');
        target.searchParams.set('error_description', 'AADSTS65004: User declined to consent.');
      } else {
        const code = randomBytes(24).toString('base64url');
        const challenge = q.get('code_challenge');
        if (challenge && q.get('code_challenge_method') !== 'S256')
          return oauthError(res, 'invalid_request');
        codes.set(code, {
          code,
          clientId,
          redirectUri,
          challenge,
          oid: fake.authorizeMode.oid,
          expiresAtMs: Date.now() + 600_000,
        });
        target.searchParams.set('code', code);
      }
      res.writeHead(302, { Location: target.href });
      return void res.end();
    }
    if (method === 'GET' && url.pathname === '/saml/sso') return samlSso(url, res);
    if (url.pathname === '/devicelogin') return deviceLogin(req, res);
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    res.end('not found');
  }

  /**
   * The verification page a device code names (Microsoft's "Enter code"): a form for the user code,
   * then Continue (approves as `deviceUser`) or Decline. For people trying the demo in a browser;
   * tests use the approve/deny hooks.
   */
  async function deviceLogin(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const page = (body: string) => {
      res.writeHead(200, {
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Security-Policy': "default-src 'none'; form-action 'self'",
      });
      res.end(
        `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Fake Entra: enter code</title></head><body>${body}</body></html>`,
      );
    };
    if (req.method === 'POST') {
      const form = new URLSearchParams(await readBody(req));
      const code = (form.get('user_code') ?? '').trim().toUpperCase();
      const known = [...devices.values()].some((g) => g.userCode === code && g.state === 'pending');
      if (!known)
        return page(
          '<p>That code is not valid or was used already.</p><p><a href="/devicelogin">Try again</a></p>',
        );
      if (form.get('decision') === 'decline') fake.deny(code);
      else fake.approve(code, fake.deviceUser);
      return page('<p>Done. You can close this tab and return to Rancher Keys.</p>');
    }
    page(
      `<h1>Enter code</h1><form method="post" action="/devicelogin">` +
        `<label>Code <input name="user_code" autocomplete="off" autofocus></label> ` +
        `<button name="decision" value="approve">Continue as ${escapeHtml(fake.deviceUser)}</button> ` +
        `<button name="decision" value="decline">Decline</button></form>`,
    );
  }

  /** Rule 18: an auto-submitting form that posts the assertion to the ACS. */
  function samlSso(url: URL, res: ServerResponse): void {
    let request: { id: string; acs: string };
    try {
      request = JSON.parse(
        Buffer.from(url.searchParams.get('SAMLRequest') ?? '', 'base64').toString('utf8'),
      ) as {
        id: string;
        acs: string;
      };
    } catch {
      res.writeHead(400);
      return void res.end('bad SAMLRequest');
    }
    if (fake.saml.slow) advance(91_000);
    let response: string;
    let acs = request.acs;
    if (fake.saml.replay && lastAssertion) {
      ({ response, acs } = lastAssertion);
    } else {
      const assertion: SimAssertion = {
        id: `a-${randomBytes(8).toString('hex')}`,
        inResponseTo: request.id,
        nameId: fake.saml.user,
        status: fake.saml.deny ? 'denied' : 'success',
        notOnOrAfterMs: Number.MAX_SAFE_INTEGER,
      };
      response = signer.encode(assertion);
      lastAssertion = { response, acs };
    }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(
      `<!DOCTYPE html><html lang="en"><head><title>Fake IdP</title></head><body>` +
        `<form method="post" action="${escapeHtml(acs)}" data-auto-submit>` +
        `<input type="hidden" name="SAMLResponse" value="${escapeHtml(response)}">` +
        `<input type="hidden" name="RelayState" value="${escapeHtml(url.searchParams.get('RelayState') ?? '')}">` +
        `<button type="submit">Continue</button></form>` +
        `<script>document.forms[0].submit()</script></body></html>`,
    );
  }

  // The signer is shared with the simulator it is connected to (see connectSamlProvider).
  let signer = { encode: (_: SimAssertion): string => '' };

  const fake: FakeIdp & { useSigner(s: { encode(a: SimAssertion): string }): void } = {
    origin,
    tenant,
    clientId,
    issuer,
    endpoints,
    caPem: options.tls?.caPem ?? null,
    publicClientFlows: true,
    deviceUser: 'oid-alice',
    holdDeviceCode: false,
    get heldClosed() {
      return heldClosed;
    },
    authorizeMode: { kind: 'approve', oid: 'oid-alice' },
    registeredRedirects: new Set(),
    saml: { user: 'alice', deny: false, slow: false, replay: false },
    approve(userCode, oid) {
      for (const g of devices.values())
        if (g.userCode === userCode) Object.assign(g, { state: 'approved', oid });
    },
    deny(userCode) {
      for (const g of devices.values()) if (g.userCode === userCode) g.state = 'denied';
    },
    expire(userCode) {
      for (const g of devices.values()) if (g.userCode === userCode) g.expiresAtMs = 0;
    },
    slowDown(count) {
      slowDownLeft = count;
    },
    userCodes,
    requests,
    idTokens,
    onSlow(fn) {
      advance = fn;
    },
    useSigner(s) {
      signer = s;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
  return fake;
}

/** Enables a SAML provider on the simulator, its IdP this fake, and links NameIDs to users. */
export function connectSamlProvider(
  state: SimState,
  idp: FakeIdp,
  provider: { id: string; type: string },
  users: Record<string, string>,
): void {
  state.sso.providers.set(provider.id, {
    id: provider.id,
    type: provider.type,
    fields: { redirectUrl: '' },
  });
  state.sso.samlIdpUrls.set(provider.id, `${idp.origin}/saml/sso`);
  (idp as FakeIdp & { useSigner(s: { encode(a: SimAssertion): string }): void }).useSigner(
    state.sso.signer,
  );
  idp.onSlow((ms) => state.clock.advance(ms));
  for (const [nameId, userId] of Object.entries(users)) state.sso.link(provider.id, nameId, userId);
}

/** Enables Azure AD on the simulator with this fake Entra (B1 fields), linking `oid`s to users. */
export function connectAzureProvider(
  state: SimState,
  idp: FakeIdp,
  users: Record<string, string>,
  opts: { deviceCode?: boolean } = {},
): void {
  state.sso.providers.set('azuread', {
    id: 'azuread',
    type: 'azureADProvider',
    fields: {
      clientId: idp.clientId,
      tenantId: idp.tenant,
      scopes: ['openid', 'profile', 'email'],
      authUrl: idp.endpoints.authorize,
      tokenUrl: idp.endpoints.token,
      // Before 2.8.6 the provider names no device endpoint (§6).
      ...(opts.deviceCode === false ? {} : { deviceAuthUrl: idp.endpoints.devicecode }),
      redirectUrl: `${idp.endpoints.authorize}?client_id=${idp.clientId}`,
    },
  });
  state.sso.entra = {
    issuer: idp.issuer,
    clientId: idp.clientId,
    ...(idp.caPem ? { caPem: idp.caPem } : {}),
  };
  for (const [oid, userId] of Object.entries(users)) state.sso.link('azuread', oid, userId);
}
