import { z } from 'zod';
import { serverSchema } from './servers';
import {
  authMethodsInputSchema,
  authMethodsOutputSchema,
  ssoCancelInputSchema,
  ssoFlowInputSchema,
  ssoProgressSchema,
  ssoStartInputSchema,
  ssoStartOutputSchema,
} from './sign-in';

/** Single sign-on's channels (registered in `ipc.ts`); `auth:signIn` keeps the key and password. */
export const signInChannels = {
  /** The ways this server can be signed in to, from its provider list; the pasted key always. */
  'auth:methods': { input: authMethodsInputSchema, output: authMethodsOutputSchema },
  /**
   * Starts a flow (one per server: a new one cancels the previous) and answers what the window
   * shows. SAML and PKCE open the system browser at once.
   */
  'auth:ssoStart': { input: ssoStartInputSchema, output: ssoStartOutputSchema },
  /** Opens the flow's page in the system browser again (the device-code verification page). */
  'auth:ssoOpenBrowser': { input: ssoFlowInputSchema, output: z.object({ opened: z.boolean() }) },
  /** Copies the device code's user code to the clipboard (main writes it). */
  'auth:ssoCopyCode': { input: ssoFlowInputSchema, output: z.object({ copied: z.boolean() }) },
  /**
   * Resolves with the signed-in server when the flow succeeds; fails with the one-sentence reason
   * (timed out, denied, cancelled…) otherwise.
   */
  'auth:ssoWait': { input: ssoFlowInputSchema, output: z.object({ server: serverSchema }) },
  /**
   * Stops the flow (or the server's flow, also while it starts) at once: no further request, one
   * in flight aborted. False when none was running.
   */
  'auth:ssoCancel': { input: ssoCancelInputSchema, output: z.object({ cancelled: z.boolean() }) },
} as const;

export const signInEvents = {
  'auth:ssoProgress': ssoProgressSchema,
} as const;
