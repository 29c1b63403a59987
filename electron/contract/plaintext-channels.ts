import { z } from 'zod';
import {
  keysWhereUsedInputSchema,
  keysWhereUsedOutputSchema,
  plaintextAddFileOutputSchema,
  plaintextScanInputSchema,
  plaintextScanOutputSchema,
} from './plaintext';

/**
 * The Plaintext check's channels (registered in `ipc.ts`). `plaintext:import`, `plaintext:cancel`,
 * `plaintext:rewritePreview`, `plaintext:rewrite`, `plaintext:undo` and the `plaintext:progress`
 * event join this map, with the schemas already in `plaintext.ts`, as their handlers land.
 */
export const plaintextChannels = {
  /** Reads the known places (and added files); returns findings without secrets. */
  'plaintext:scan': { input: plaintextScanInputSchema, output: plaintextScanOutputSchema },
  /** Main shows the OS file dialog; the chosen file is included in scans that name its id. */
  'plaintext:addFile': { input: z.object({}).strict(), output: plaintextAddFileOutputSchema },
  /** Where a held key is used: plaintext places found, and kubeconfigs that run rancher-keys for it. */
  'keys:whereUsed': { input: keysWhereUsedInputSchema, output: keysWhereUsedOutputSchema },
} as const;

export const plaintextEvents = {} as const;
