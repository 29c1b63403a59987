import { createPublicKey, verify } from 'node:crypto';
import { get } from 'node:https';
import { z } from 'zod';
import type { SimEntraLink } from './sso-state';

const discoverySchema = z.looseObject({ issuer: z.string(), jwks_uri: z.string() });
const jwksSchema = z.looseObject({
  keys: z.array(z.looseObject({ kid: z.string(), kty: z.string(), n: z.string(), e: z.string() })),
});
const headerSchema = z.looseObject({ alg: z.literal('RS256'), kid: z.string() });
const claimsSchema = z.looseObject({
  iss: z.string(),
  aud: z.string(),
  exp: z.number(),
  oid: z.string().min(1),
});

const part = (s: string | undefined) =>
  JSON.parse(Buffer.from(s ?? '', 'base64url').toString('utf8')) as unknown;

/** A JSON GET; over HTTPS trusting `caPem` when given (a test IdP's own CA). */
async function getJson(url: string, caPem: string | undefined): Promise<unknown> {
  if (!url.startsWith('https:')) return (await fetch(url)).json();
  return new Promise((resolve, reject) => {
    get(url, { ...(caPem ? { ca: caPem } : {}) }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        try {
          resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      });
      res.on('error', reject);
    }).on('error', reject);
  });
}

/**
 * Rancher's check of an Azure AD `id_token` (B5, §7 rule 7): go-oidc discovery at the issuer, the
 * signature against its JWKS (RS256), `iss`, `aud` = the app registration, `exp`, a non-empty
 * `oid`. Fetched over HTTP from the fake Entra, as Rancher does. Null when any check fails.
 */
export async function verifyEntraIdToken(
  idToken: string,
  link: SimEntraLink,
): Promise<{ oid: string } | null> {
  try {
    const [h, p, sig] = idToken.split('.');
    if (!h || !p || !sig) return null;
    const header = headerSchema.parse(part(h));
    const claims = claimsSchema.parse(part(p));
    const discovery = discoverySchema.parse(
      await getJson(`${link.issuer}/.well-known/openid-configuration`, link.caPem),
    );
    if (discovery.issuer !== link.issuer) return null;
    const jwks = jwksSchema.parse(await getJson(discovery.jwks_uri, link.caPem));
    const jwk = jwks.keys.find((k) => k.kid === header.kid);
    if (!jwk) return null;
    const key = createPublicKey({ format: 'jwk', key: jwk });
    const ok = verify('RSA-SHA256', Buffer.from(`${h}.${p}`), key, Buffer.from(sig, 'base64url'));
    if (!ok || claims.iss !== link.issuer || claims.aud !== link.clientId) return null;
    if (claims.exp * 1000 <= Date.now()) return null;
    return { oid: claims.oid };
  } catch {
    return null;
  }
}
