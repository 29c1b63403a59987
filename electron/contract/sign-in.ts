import { z } from 'zod';
import { appErrorSchema } from './errors';

/**
 * Single sign-on (issue 15, shared/rancher-sso.md). The window asks which methods a server offers,
 * starts one, shows what the flow needs the user to see (the SAML request id, the Azure user code),
 * listens to `auth:ssoProgress`, and awaits `auth:ssoWait` for the outcome. Nothing here carries a
 * secret: the token the flow obtains stays in main, which creates the sign-in key from it.
 */

/** The flows that run outside the app's own form (the pasted key and the password are not here). */
export const ssoKinds = ['saml_relay', 'azure_device_code', 'azure_pkce', 'embedded'] as const;
export const ssoKindSchema = z.enum(ssoKinds);
export type SsoKind = z.infer<typeof ssoKindSchema>;

const providerId = z.string().min(1).max(64);
const displayName = z.string().max(100);

/**
 * One way to sign in to a server, as its provider list allows. `api_key` (paste a key) is always
 * offered; `password` per username/password provider; `saml_relay` per SAML provider (names the
 * IdP); `azure_device_code` and `azure_pkce` for Azure AD; `embedded` for providers that only work
 * inside a window of the app (GitHub, Google, OIDC, Keycloak OIDC, Cognito): opt-in, to be labelled
 * "sign in inside Rancher Keys".
 */
export const signInMethodSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('api_key') }),
  z.object({ kind: z.literal('password'), provider: providerId, displayName }),
  z.object({ kind: z.literal('saml_relay'), provider: providerId, displayName }),
  z.object({ kind: z.literal('azure_device_code'), provider: providerId, displayName }),
  z.object({ kind: z.literal('azure_pkce'), provider: providerId, displayName }),
  z.object({ kind: z.literal('embedded'), provider: providerId, displayName }),
]);
export type SignInMethod = z.infer<typeof signInMethodSchema>;

export const authMethodsInputSchema = z.object({ serverId: z.string().min(1) });
export const authMethodsOutputSchema = z.object({ methods: z.array(signInMethodSchema) });

export const ssoStartInputSchema = z.object({
  serverId: z.string().min(1),
  kind: ssoKindSchema,
  /** The provider id from the method (`okta`, `azuread`, `github`…). */
  provider: providerId,
});
export type SsoStartInput = z.infer<typeof ssoStartInputSchema>;

/** An RFC 3339 instant after which the flow gives up by itself. */
const deadline = z.string();

/**
 * What the window shows while a flow runs. `browserOpened` says whether the system browser was
 * opened at start (SAML, PKCE); the device-code page is opened only on request
 * (`auth:ssoOpenBrowser`).
 */
export const ssoPromptSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('saml_relay'),
    /** The id the browser page shows too: the user checks that they match. */
    requestId: z.string(),
    /** The IdP's name, e.g. `Okta`. */
    displayName,
    browserOpened: z.boolean(),
    deadline,
  }),
  z.object({
    kind: z.literal('azure_device_code'),
    /** Shown large, with a copy button (`auth:ssoCopyCode`). Not a secret on its own. */
    userCode: z.string(),
    /** Where the code is entered (an `https:` URL from Microsoft). */
    verificationUri: z.string(),
    browserOpened: z.boolean(),
    deadline,
  }),
  z.object({ kind: z.literal('azure_pkce'), browserOpened: z.boolean(), deadline }),
  z.object({
    kind: z.literal('embedded'),
    /** The host the window starts on (the Rancher server), for the label. */
    host: z.string(),
    deadline,
  }),
]);
export type SsoPrompt = z.infer<typeof ssoPromptSchema>;

export const ssoStartOutputSchema = z.object({ flowId: z.string(), prompt: ssoPromptSchema });
export const ssoFlowInputSchema = z.object({ flowId: z.string().min(1).max(64) });
/**
 * What `auth:ssoCancel` stops: one flow, or the server's flow, also one still starting (its first
 * requests under way, so the window has no flow id yet).
 */
export const ssoCancelInputSchema = z.union([
  ssoFlowInputSchema,
  z.object({ serverId: z.string().min(1).max(300) }),
]);

/**
 * Where a flow is. `waiting` for the user in the browser or window; `slowed_down` when the IdP asked
 * to poll less often; `exchanging` the IdP's answer for a Rancher token; `creating_key` the sign-in
 * key; then one of the three ends.
 */
export const ssoStateSchema = z.enum([
  'waiting',
  'slowed_down',
  'exchanging',
  'creating_key',
  'signed_in',
  'failed',
  'cancelled',
]);
export type SsoState = z.infer<typeof ssoStateSchema>;

/** `auth:ssoProgress`: one flow's state changed. `error` is set when it `failed`. */
export const ssoProgressSchema = z.object({
  flowId: z.string(),
  serverId: z.string(),
  state: ssoStateSchema,
  error: appErrorSchema.nullable(),
});
export type SsoProgress = z.infer<typeof ssoProgressSchema>;
