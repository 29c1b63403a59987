import { z } from 'zod';
import {
  hygieneCancelInputSchema,
  hygieneMembersInputSchema,
  hygieneMembersOutputSchema,
  hygienePreviewInputSchema,
  hygienePreviewOutputSchema,
  hygieneProgressSchema,
  hygieneRevokeInputSchema,
  hygieneRevokeOutputSchema,
  hygieneScanInputSchema,
  hygieneScanOutputSchema,
} from './hygiene';

/** The clean-up view's channels (registered in `ipc.ts`). */
export const hygieneChannels = {
  'hygiene:scan': { input: hygieneScanInputSchema, output: hygieneScanOutputSchema },
  'hygiene:members': { input: hygieneMembersInputSchema, output: hygieneMembersOutputSchema },
  'hygiene:preview': { input: hygienePreviewInputSchema, output: hygienePreviewOutputSchema },
  /** Resolves when the job ends (done or cancelled); `hygiene:progress` reports on the way. */
  'hygiene:revoke': { input: hygieneRevokeInputSchema, output: hygieneRevokeOutputSchema },
  'hygiene:cancel': {
    input: hygieneCancelInputSchema,
    output: z.object({ cancelled: z.boolean() }),
  },
} as const;

export const hygieneEvents = {
  'hygiene:progress': hygieneProgressSchema,
} as const;
