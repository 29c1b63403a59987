import type { Handlers } from '../dispatch';
import type { HygieneService } from './hygiene-service';

type HygieneChannel =
  'hygiene:scan' | 'hygiene:members' | 'hygiene:preview' | 'hygiene:revoke' | 'hygiene:cancel';

/** `hygiene:*` channels over the clean-up service. */
export function createHygieneHandlers(hygiene: HygieneService): Pick<Handlers, HygieneChannel> {
  return {
    'hygiene:scan': (input) => hygiene.scan(input),
    'hygiene:members': (input) => hygiene.members(input),
    'hygiene:preview': (input) => hygiene.preview(input),
    'hygiene:revoke': (input) => hygiene.revoke(input),
    'hygiene:cancel': async ({ jobId }) => ({ cancelled: hygiene.cancel(jobId) }),
  };
}
