import { generateKeyPair, privateDecrypt, randomInt, constants, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';
import { AppFailure } from '../app-failure';
import type { FlowEnv, StartedFlow } from './flow-types';
import { providerDisplayName } from './sign-in-methods';
import { browserUrl } from './url-policy';

const generateKeyPairAsync = promisify(generateKeyPair);

/** The CLI's request-id alphabet (A1): lowercase alphanumerics, fit for a Kubernetes name. */
const REQUEST_ID_ALPHABET = 'abcdfghjklmnpqrstvwxz12456789';

/** A 32-character request id (A1). */
export function newRequestId(): string {
  let id = '';
  for (let i = 0; i < 32; i++) id += REQUEST_ID_ALPHABET[randomInt(REQUEST_ID_ALPHABET.length)];
  return id;
}

/**
 * The `publicKey` parameter (A1): base64 of Go's `json.Marshal(rsa.PublicKey)`, i.e.
 * `{"N":<modulus as a bare decimal number>,"E":65537}`; Go rejects a quoted N.
 */
export function goPublicKeyParam(publicKey: KeyObject): string {
  const jwk = publicKey.export({ format: 'jwk' });
  const modulus = BigInt(`0x${Buffer.from(jwk.n ?? '', 'base64url').toString('hex')}`);
  const exponent = BigInt(`0x${Buffer.from(jwk.e ?? '', 'base64url').toString('hex')}`);
  return Buffer.from(`{"N":${modulus.toString()},"E":${exponent.toString()}}`).toString('base64');
}

/** Decrypts the relay token (A6): RSA-OAEP with SHA-256 and MGF1-SHA-256, empty label. */
export function decryptRelayToken(privateKey: KeyObject, base64: string): string {
  try {
    return privateDecrypt(
      { key: privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' },
      Buffer.from(base64, 'base64'),
    ).toString('utf8');
  } catch {
    throw new AppFailure(
      'server_error',
      'Rancher answered with a sign-in that was not made for this request (it could not be decrypted). Start again.',
    );
  }
}

/** `kubeconfig-user-abc12xyz:secret` and friends: the shape the relay must decrypt to. */
const relayBearer = /^[a-z0-9][a-z0-9.-]{0,252}:[A-Za-z0-9]{8,512}$/;

/**
 * Flow A, the SAML authToken relay (rancher-sso.md §2): a fresh RSA-2048 key pair and request id,
 * the system browser on the dashboard's CLI login page, then polling the authToken until Rancher
 * stores it (every 10 s, 15 minutes at most), decryption, and its deletion.
 */
export async function startSamlRelay(env: FlowEnv): Promise<StartedFlow> {
  const { publicKey, privateKey } = await generateKeyPairAsync('rsa', { modulusLength: 2048 });
  const requestId = newRequestId();
  const query = new URLSearchParams({
    cli: 'true',
    requestId,
    publicKey: goPublicKeyParam(publicKey),
    // 2.13+ dashboards refuse anything but exactly `kubeconfig` (A2).
    responseType: 'kubeconfig',
  });
  const page = browserUrl(`${env.origin}/dashboard/auth/login?${query.toString()}`, [
    new URL(env.origin).host,
  ]);
  if (!env.browser) {
    throw new AppFailure(
      'invalid_input',
      'This SAML sign-in needs a web browser, and none is available.',
    );
  }
  await env.browser.open(page);
  const startedAt = env.now();
  const deadline = startedAt + env.timing.samlDeadlineMs;
  const displayName = providerDisplayName(env.provider);
  return {
    prompt: {
      kind: 'saml_relay',
      requestId,
      displayName,
      browserOpened: true,
      deadline: new Date(deadline).toISOString(),
    },
    pageUrl: page,
    userCode: null,
    async complete(run) {
      run.progress('waiting');
      for (;;) {
        await env.timing.sleep(env.timing.samlIntervalMs, run.signal);
        let found;
        try {
          found = await env.client.sso.authToken(requestId, run.signal);
        } catch (error) {
          // A network blip during a quarter of an hour of polling is no reason to give up.
          if (!(error instanceof AppFailure) || !['unreachable', 'timeout'].includes(error.code)) {
            throw error;
          }
          found = null;
        }
        if (found) {
          run.progress('exchanging');
          const bearer = decryptRelayToken(privateKey, found.token);
          await env.client.sso.deleteAuthToken(requestId, run.signal).catch((error: unknown) =>
            env.log.info('sso: deleting the relay token failed (Rancher purges it)', {
              code: error instanceof AppFailure ? error.code : 'internal',
            }),
          );
          if (!relayBearer.test(bearer)) {
            throw new AppFailure(
              'server_error',
              'Rancher answered the SAML sign-in with something that is not a token.',
            );
          }
          return { bearer, expiresAt: found.expiresAt };
        }
        if (env.now() >= deadline) {
          throw new AppFailure(
            'timeout',
            `The ${displayName} sign-in was not completed in the browser within ${Math.round(env.timing.samlDeadlineMs / 60_000)} minutes (if the page showed another request id, or you took more than about 90 seconds at ${displayName}, start again).`,
          );
        }
      }
    },
  };
}
