import type { Handlers } from '../dispatch';
import type { Clock } from '../ports';
import { exportFileName, toCsv, toJson } from './activity-export';
import type { ActivityLog } from './activity-log';

/** `activity:*` channels: the view's filtered list and the CSV / JSON export. */
export function createActivityHandlers(
  activity: ActivityLog,
  clock: Clock,
): Pick<Handlers, 'activity:list' | 'activity:export'> {
  return {
    'activity:list': async ({ limit, ...filter }) => activity.list(filter, limit),
    'activity:export': async ({ format, ...filter }) => {
      const entries = activity.matching(filter);
      return {
        fileName: exportFileName(format, clock.now()),
        mimeType: format === 'csv' ? 'text/csv' : 'application/json',
        content: format === 'csv' ? toCsv(entries) : toJson(entries),
        count: entries.length,
      };
    },
  };
}
