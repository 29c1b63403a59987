import { z } from 'zod';
import { AppFailure } from '../app-failure';
import { ENTRA_SCOPE, entraAnswerFailure, entraError, idTokenOf } from './entra';
import type { FlowEnv, StartedFlow } from './flow-types';
import { parseSignInUrl } from './url-policy';

/** The device authorization answer (B2); the user code is bounded and printable. */
const deviceAnswerSchema = z.looseObject({
  device_code: z.string().min(1).max(4096),
  user_code: z.string().regex(/^[A-Za-z0-9-]{1,32}$/),
  verification_uri: z.string().max(2048),
  expires_in: z.number().int().positive().max(86_400),
  interval: z.number().int().nonnegative().max(600).nullish(),
});

const DESCRIPTION = 'Rancher Keys sign-in';

/** The Azure endpoints and client id a provider object names, checked (B1). */
export function azureEndpoints(env: FlowEnv) {
  const p = env.provider;
  const device = parseSignInUrl(p.deviceAuthUrl);
  const token = parseSignInUrl(p.tokenUrl);
  const authorize = parseSignInUrl(p.authUrl);
  if (!p.clientId || !token) {
    throw new AppFailure(
      'server_error',
      'The server’s Azure AD settings name no usable client id or token endpoint.',
    );
  }
  return { clientId: p.clientId, device, token, authorize };
}

/**
 * Flow B, Azure AD's device authorization grant (rancher-sso.md §3, RFC 8628): the user code is
 * shown, the verification page opened on request; the token endpoint is polled at Entra's interval
 * (+5 s for good at each `slow_down`) until `expires_in`; `authorization_pending` continues,
 * `access_denied`, `expired_token` and anything else end the flow; the `id_token` logs in.
 */
export async function startAzureDeviceCode(env: FlowEnv): Promise<StartedFlow> {
  const { clientId, device, token } = azureEndpoints(env);
  if (!device) {
    throw new AppFailure(
      'invalid_input',
      'This server’s Azure AD has no device sign-in (Rancher 2.8.6 or later has it).',
    );
  }
  const response = await env.idp.postForm(
    device.href,
    { client_id: clientId, scope: ENTRA_SCOPE },
    env.signal,
  );
  if (response.status !== 200) throw entraAnswerFailure(response);
  const answer = deviceAnswerSchema.safeParse(response.body);
  const verification = answer.success ? parseSignInUrl(answer.data.verification_uri) : null;
  if (!answer.success || !verification) {
    throw new AppFailure(
      'server_error',
      'Azure AD answered the device sign-in with something unexpected.',
    );
  }
  const { device_code: deviceCode, user_code: userCode } = answer.data;
  const deadline = env.now() + answer.data.expires_in * 1000;
  const minutes = Math.max(1, Math.round(answer.data.expires_in / 60));
  return {
    prompt: {
      kind: 'azure_device_code',
      userCode,
      verificationUri: verification.href,
      browserOpened: false,
      deadline: new Date(deadline).toISOString(),
    },
    pageUrl: verification.href,
    userCode,
    async complete(run) {
      let interval = answer.data.interval
        ? answer.data.interval * 1000
        : env.timing.deviceIntervalMs;
      run.progress('waiting');
      for (;;) {
        await env.timing.sleep(interval, run.signal);
        if (env.now() >= deadline) {
          throw new AppFailure(
            'timeout',
            `The code was not entered within ${minutes} minutes. Start again.`,
          );
        }
        let polled;
        try {
          polled = await env.idp.postForm(
            token.href,
            {
              grant_type: 'urn:ietf:params:oauth:grant-type:device_code',
              client_id: clientId,
              device_code: deviceCode,
              scope: ENTRA_SCOPE,
            },
            run.signal,
          );
        } catch (error) {
          // A blip is retried at the next interval; a proxy that refuses is not a blip.
          if (
            error instanceof AppFailure &&
            !error.proxy &&
            ['unreachable', 'timeout'].includes(error.code)
          )
            continue;
          throw error;
        }
        if (polled.status === 200) {
          const idToken = idTokenOf(polled);
          run.progress('exchanging');
          return env.client.sso.idTokenLogin(env.provider.id, idToken, DESCRIPTION, run.signal);
        }
        const error = entraError(polled);
        if (error === 'authorization_pending') continue;
        if (error === 'slow_down') {
          interval += env.timing.deviceSlowDownMs;
          run.progress('slowed_down');
          continue;
        }
        throw entraAnswerFailure(polled);
      }
    },
  };
}
