import { z } from 'zod';
import {
  keysWhereUsedInputSchema,
  keysWhereUsedOutputSchema,
  plaintextAddFileOutputSchema,
  plaintextCancelInputSchema,
  plaintextImportInputSchema,
  plaintextImportOutputSchema,
  plaintextProgressSchema,
  plaintextScanInputSchema,
  plaintextScanOutputSchema,
} from './plaintext';

/**
 * The Plaintext check's channels (registered in `ipc.ts`). `plaintext:rewritePreview`,
 * `plaintext:rewrite` and `plaintext:undo` join this map, with the schemas already in `plaintext.ts`, as their handlers land.
 */
export const plaintextChannels = {
  /** Reads the known places (and added files); returns findings without secrets. */
  'plaintext:scan': { input: plaintextScanInputSchema, output: plaintextScanOutputSchema },
  /** Main shows the OS file dialog; the chosen file is included in scans that name its id. */
  'plaintext:addFile': { input: z.object({}).strict(), output: plaintextAddFileOutputSchema },
  /** Resolves when the job ends (done or cancelled); `plaintext:progress` reports on the way. */
  'plaintext:import': { input: plaintextImportInputSchema, output: plaintextImportOutputSchema },
  'plaintext:cancel': {
    input: plaintextCancelInputSchema,
    output: z.object({ cancelled: z.boolean() }),
  },
  /** Where a held key is used: plaintext places found, and kubeconfigs that run rancher-keys for it. */
  'keys:whereUsed': { input: keysWhereUsedInputSchema, output: keysWhereUsedOutputSchema },
} as const;

export const plaintextEvents = {
  'plaintext:progress': plaintextProgressSchema,
} as const;
