import type { ActivityEntry } from '../../contract/activity';

const columns = [
  'at',
  'serverId',
  'serverName',
  'keyId',
  'action',
  'outcome',
  'errorCode',
  'detail',
] as const satisfies ReadonlyArray<keyof ActivityEntry>;

/**
 * One CSV cell. A cell a spreadsheet would read as a formula (starting with `=`, `+`, `-`, `@`,
 * or a tab or carriage return that some strip first) is prefixed with `'` so it stays text (OWASP
 * "CSV injection"); cells with quotes, commas or line breaks are quoted.
 */
export function csvCell(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The entries as CSV (RFC 4180 line ends), a header row first. */
export function toCsv(entries: readonly ActivityEntry[]): string {
  const lines = [columns.join(',')];
  for (const entry of entries) lines.push(columns.map((c) => csvCell(entry[c])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** The entries as a JSON array, one entry per line. */
export function toJson(entries: readonly ActivityEntry[]): string {
  return `[\n${entries.map((e) => JSON.stringify(e)).join(',\n')}\n]\n`;
}

/** `rancher-keys-activity-2026-11-30.csv` */
export function exportFileName(format: 'csv' | 'json', now: number): string {
  return `rancher-keys-activity-${new Date(now).toISOString().slice(0, 10)}.${format}`;
}
