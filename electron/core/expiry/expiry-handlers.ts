import type { Handlers } from '../dispatch';
import type { ExpiryScheduler } from './expiry-scheduler';

/** `expiry:summary` and `keys:expiring`: what the tray and the banner show. */
export function createExpiryHandlers(
  scheduler: ExpiryScheduler,
): Pick<Handlers, 'expiry:summary' | 'keys:expiring'> {
  return {
    'expiry:summary': async () => scheduler.summary(),
    'keys:expiring': async () => ({ items: scheduler.expiring() }),
  };
}
