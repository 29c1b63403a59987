import { z } from 'zod';
import {
  keysWhereUsedInputSchema,
  keysWhereUsedOutputSchema,
  plaintextAddFileOutputSchema,
  plaintextCancelInputSchema,
  plaintextFileInputSchema,
  plaintextImportInputSchema,
  plaintextImportOutputSchema,
  plaintextProgressSchema,
  plaintextRewriteOutputSchema,
  plaintextRewritePreviewSchema,
  plaintextScanInputSchema,
  plaintextScanOutputSchema,
  plaintextUndoInputSchema,
  plaintextUndoOutputSchema,
  plaintextUpdatePlacesInputSchema,
  plaintextUpdatePlacesOutputSchema,
} from './plaintext';

/** The Plaintext check's channels (registered in `ipc.ts`). */
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
  /** A dry run of `plaintext:rewrite`: what changes, what stays and why, and what stops working. */
  'plaintext:rewritePreview': {
    input: plaintextFileInputSchema,
    output: plaintextRewritePreviewSchema,
  },
  /** Backs the file up (0600, beside it), then writes it atomically; refuses if it changed. */
  'plaintext:rewrite': { input: plaintextFileInputSchema, output: plaintextRewriteOutputSchema },
  /** Puts the backup back (refuses if the file changed since the rewrite). */
  'plaintext:undo': { input: plaintextUndoInputSchema, output: plaintextUndoOutputSchema },
  /** Rewrites the kubeconfig users holding a key's secret to run rancher-keys for it (renew). */
  'plaintext:updatePlaces': {
    input: plaintextUpdatePlacesInputSchema,
    output: plaintextUpdatePlacesOutputSchema,
  },
  /** Where a held key is used: plaintext places found, and kubeconfigs that run rancher-keys for it. */
  'keys:whereUsed': { input: keysWhereUsedInputSchema, output: keysWhereUsedOutputSchema },
} as const;

export const plaintextEvents = {
  'plaintext:progress': plaintextProgressSchema,
} as const;
