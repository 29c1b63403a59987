import { z } from 'zod';
import {
  activityExportInputSchema,
  activityExportOutputSchema,
  activityListInputSchema,
  activityListOutputSchema,
} from './activity';

/** The activity log's channels (registered in `ipc.ts`). */
export const activityChannels = {
  'activity:list': { input: activityListInputSchema, output: activityListOutputSchema },
  'activity:export': { input: activityExportInputSchema, output: activityExportOutputSchema },
} as const;

export const activityEvents = {
  /** New entries were written (or retention dropped old ones). */
  'activity:changed': z.object({}),
} as const;
