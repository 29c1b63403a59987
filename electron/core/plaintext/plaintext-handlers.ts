import type { Handlers } from '../dispatch';
import type { PlaintextService } from './plaintext-service';

type PlaintextChannel =
  | 'plaintext:scan'
  | 'plaintext:addFile'
  | 'plaintext:import'
  | 'plaintext:cancel'
  | 'plaintext:rewritePreview'
  | 'plaintext:rewrite'
  | 'plaintext:undo'
  | 'plaintext:updatePlaces'
  | 'keys:whereUsed';

/** `plaintext:*` channels and `keys:whereUsed` over the Plaintext check. */
export function createPlaintextHandlers(
  plaintext: PlaintextService,
): Pick<Handlers, PlaintextChannel> {
  return {
    'plaintext:scan': (input) => plaintext.scan(input),
    'plaintext:addFile': () => plaintext.addFile(),
    'plaintext:import': (input) => plaintext.import(input),
    'plaintext:cancel': async ({ jobId }) => ({ cancelled: plaintext.cancel(jobId) }),
    'plaintext:rewritePreview': (input) => plaintext.rewritePreview(input),
    'plaintext:rewrite': (input) => plaintext.rewrite(input),
    'plaintext:undo': (input) => plaintext.undo(input),
    'plaintext:updatePlaces': (input) => plaintext.updatePlaces(input),
    'keys:whereUsed': (input) => plaintext.whereUsed(input),
  };
}
