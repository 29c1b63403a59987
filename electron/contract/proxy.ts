import { z } from 'zod';
import { builtOnFirstUse } from './built-on-first-use';

/**
 * How a server is reached: `none` (straight to it), `system` (the OS's settings, PAC included, in
 * the app; `HTTPS_PROXY` / `HTTP_PROXY` / `NO_PROXY` in the companion command), or `url` (one given
 * http:// or https:// proxy, with optional credentials kept in the keychain).
 */
export const proxyModeSchema = z.enum(['none', 'system', 'url']);
export type ProxyMode = z.infer<typeof proxyModeSchema>;

/** A server's proxy setting as the renderer sees it: never the password. */
export const serverProxySchema = z.object({
  mode: proxyModeSchema,
  /** For `url`: `http(s)://host:port`, without credentials; null otherwise. */
  url: z.string().nullable(),
  /** For `url`: the proxy user name, when credentials are set. */
  username: z.string().nullable(),
  /** A proxy password is in the keychain. */
  hasPassword: z.boolean(),
  /** The user agreed that a plain http:// server may be reached through a proxy (which sees all). */
  allowPlainHttp: z.boolean(),
});
export type ServerProxy = z.infer<typeof serverProxySchema>;

/**
 * A proxy setting sent by the renderer. `url` may carry `user:password@` (moved to the keychain).
 * `password`: a string sets it, null removes it, omitted keeps the stored one. Write-only.
 */
export const proxyInputSchema = builtOnFirstUse(() =>
  z.object({
    mode: proxyModeSchema,
    url: z.string().trim().max(2048).optional(),
    username: z.string().trim().max(256).optional(),
    password: z.string().max(1024).nullable().optional(),
    allowPlainHttp: z.boolean().optional(),
  }),
);
export type ProxyInput = z.infer<typeof proxyInputSchema>;

/**
 * The proxy input for a proxy URL as other tools write it (the Rancher CLI's `proxyUrl`,
 * `https://user:pass@proxy:3128`): an empty value means no proxy.
 */
export function proxyInputFromUrl(url: string): ProxyInput {
  const trimmed = url.trim();
  return trimmed ? { mode: 'url', url: trimmed } : { mode: 'none' };
}
