import type { V3TokenKind } from './model';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Json } from './json';

/** SAML provider types (rancher-sso.md §1). */
export const SAML_TYPES = [
  'pingProvider',
  'adfsProvider',
  'keyCloakProvider',
  'oktaProvider',
  'shibbolethProvider',
] as const;

/** An enabled single sign-on provider: its list fields beyond id and type (§7 rule 2). */
export interface SimSsoProvider {
  id: string;
  type: string;
  fields: Record<string, Json>;
}

/** The SAML relay's stored, encrypted token (A4): `SamlToken{name: requestId, token, expiresAt}`. */
export interface RelayToken {
  token: string;
  expiresAt: string;
  createdMs: number;
}

/** A SAML login in flight: what the five `saml_Rancher_*` cookies carry, and when they were set. */
export interface SamlPending {
  providerId: string;
  finalRedirectUrl: string;
  requestId: string;
  publicKey: string;
  responseType: string;
  issuedMs: number;
}

/**
 * The assertion the fake SAML IdP posts to the ACS: JSON, base64, with an HMAC the simulator
 * checks (standing in for the XML signature a real IdP makes with its certificate).
 */
export interface SimAssertion {
  id: string;
  inResponseTo: string;
  nameId: string;
  status: 'success' | 'denied';
  notOnOrAfterMs: number;
}

/** Signs and checks {@link SimAssertion}s with a key shared by the simulator and its fake IdP. */
export class AssertionSigner {
  constructor(readonly key: Buffer = randomBytes(32)) {}

  encode(assertion: SimAssertion): string {
    const body = Buffer.from(JSON.stringify(assertion)).toString('base64url');
    const mac = createHmac('sha256', this.key).update(body).digest('base64url');
    return Buffer.from(`${body}.${mac}`).toString('base64');
  }

  decode(samlResponse: string): SimAssertion | null {
    const [body, mac] = Buffer.from(samlResponse, 'base64').toString('utf8').split('.');
    if (!body || !mac) return null;
    const expected = createHmac('sha256', this.key).update(body).digest();
    const given = Buffer.from(mac, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    try {
      return JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as SimAssertion;
    } catch {
      return null;
    }
  }
}

/** Where id_tokens come from: the fake Entra's issuer and Rancher's app registration. */
export interface SimEntraLink {
  /** `<base>/<tenant>/v2.0` (go-oidc discovery at `<issuer>/.well-known/openid-configuration`). */
  issuer: string;
  clientId: string;
  /** The CA Rancher trusts for the IdP when it is served over HTTPS with a test certificate. */
  caPem?: string;
}

/** OAuth and OIDC provider types, whose login is a `code` Rancher redeems (§1, flow D). */
export const OAUTH_TYPES = [
  'githubProvider',
  'githubAppProvider',
  'googleOAuthProvider',
  'oidcProvider',
  'keyCloakOIDCProvider',
  'genericOIDCProvider',
  'cognitoProvider',
] as const;

/** How Rancher redeems an OAuth provider's code (§7 rule 8): its app registration at the IdP. */
export interface SimOAuthLink {
  clientId: string;
  clientSecret: string;
  /** The IdP's authorize, token and user-info endpoints. */
  authorizeUrl: string;
  tokenUrl: string;
  userinfoUrl: string;
  /** `redirect_uri` Rancher redeems with (`<server>/verify-auth`); null for GitHub (none sent). */
  redirectUri: string | null;
  /** Server-side PKCE through `/v1-oidc/<id>` and `R_PKCE_VERIFIER` (2.14+, `pkceMethod: S256`). */
  pkce: boolean;
  scopes: string[];
  /** The CA Rancher trusts the IdP with (the fake IdP's is the simulator's test CA). */
  caPem: string;
}

/** Test hooks on the simulated Rancher's side of single sign-on. */
export interface SsoHooks {
  /** The ACS stores the relay token under another request id (the page was another request's). */
  relayUnderOtherRequestId: boolean;
  /**
   * `POST /v3/tokens` refuses callers authenticated with a token of these kinds, with this status
   * (a server setting or admission policy forbidding keys made from sign-in tokens; what a real
   * server answers then is not known, so the message is the simulator's own).
   */
  refuseKeyCreation: { status: 403 | 422; kinds: readonly V3TokenKind[] } | null;
}

/** Single sign-on state of a simulated Rancher (rancher-sso.md §7, rules 1–11). */
export class SimSso {
  readonly providers = new Map<string, SimSsoProvider>();
  readonly relayTokens = new Map<string, RelayToken>();
  /** SAML AuthnRequest id → the login it belongs to (InResponseTo check). */
  readonly pendingSaml = new Map<string, SamlPending>();
  /** Assertion ids already consumed (replay check). */
  readonly usedAssertions = new Set<string>();
  /** `<provider>:<principal>` (SAML NameID, Entra `oid`) → simulated user id. */
  readonly principals = new Map<string, string>();
  readonly signer = new AssertionSigner();
  /** The fake SAML IdP's `/sso` URL, per SAML provider id. */
  readonly samlIdpUrls = new Map<string, string>();
  entra: SimEntraLink | null = null;
  /** OAuth/OIDC providers' registrations at their IdP, per provider id. */
  readonly oauth = new Map<string, SimOAuthLink>();
  readonly hooks: SsoHooks = { relayUnderOtherRequestId: false, refuseKeyCreation: null };

  /** Maps an IdP principal of a provider to a simulated user. */
  link(providerId: string, principal: string, userId: string): void {
    this.principals.set(`${providerId}:${principal}`, userId);
  }

  userOf(providerId: string, principal: string): string | undefined {
    return this.principals.get(`${providerId}:${principal}`);
  }
}
