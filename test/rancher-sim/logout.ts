import type { Caller } from './context';
import type { SimReply } from './http-types';
import { emptyReply } from './norman';
import type { SimState } from './state';

const EXPIRED = 'Expires=Wed, 10 Feb 1982 23:00:00 GMT; Max-Age=0';

/**
 * Logout (R:pkg/auth/logout/handler.go, rancher-api.md §3.4): deletes the token that authenticated
 * the request, whatever it is (an API key too), expires the auth cookies, answers 200 with no body.
 */
export function logout(state: SimState, caller: Caller): SimReply {
  if (caller.family === 'v3') state.tokens.delete(caller.token.name);
  else state.extTokens.delete(caller.token.name);
  const cookies = ['R_SESS', 'CSRF', 'R_OIDC_ID', 'R_AZURE_ID_TOKEN'].map(
    (name) => `${name}=; Path=/; ${EXPIRED}; HttpOnly; Secure`,
  );
  return emptyReply(200, { 'Set-Cookie': cookies });
}
