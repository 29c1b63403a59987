import type { SimRequest } from './http-types';
import type { ExtToken, SimUser, V3Token } from './model';
import type { VersionProfile } from './profiles';
import type { SimState } from './state';
import type { TtlRule } from './ttl';

/** Who a request authenticated as, and with which token (§2.3). */
export type Caller =
  | { family: 'v3'; user: SimUser; token: V3Token }
  | { family: 'ext'; user: SimUser; token: ExtToken };

/** Everything a route handler needs. */
export interface RouteContext {
  req: SimRequest;
  state: SimState;
  profile: VersionProfile;
  ttlRule: TtlRule;
  /** Set on protected routes once authentication succeeded. */
  caller: Caller | undefined;
  /** Lets tests model the token controller's delay before `expiresAt` is filled (§4.6, §11.9). */
  expiresAtDelayMs: number;
}

/** Narrows to an authenticated context (routes behind the auth filter). */
export function requireCaller(ctx: RouteContext): Caller {
  if (!ctx.caller) throw new Error('rancher-sim: route reached without authentication');
  return ctx.caller;
}
