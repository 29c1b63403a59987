import type { ExpiryWarning } from '../../contract/app';
import { displayText, escapeMarkup } from '../../core/display-text';
import { formatTimeLeft } from './time-left';

/** A native notification to show, and where a click on it leads. */
export interface NotificationContent {
  title: string;
  body: string;
  /** The key to open on click; null opens the window where it was. */
  target: { serverId: string; keyId: string | null } | null;
}

/** The key as a user recognises it: its description, else its access key. */
export function keyLabel(warning: Pick<ExpiryWarning, 'description' | 'keyId'>): string {
  const description = warning.description.trim();
  return description !== '' ? description : (warning.keyId ?? 'API key');
}

function msLeft(warning: ExpiryWarning, now: number): number {
  const at = Date.parse(warning.expiresAt);
  return Number.isNaN(at) ? warning.thresholdMs : at - now;
}

/** One warning as a notification naming the server, the key and the time left. */
export function notificationFor(warning: ExpiryWarning, now: number): NotificationContent {
  const left = formatTimeLeft(msLeft(warning, now));
  if (warning.subject === 'session') {
    return {
      title: `Your sign-in to ${warning.serverName} ${left}`,
      body: 'Sign in again to keep managing its keys.',
      target: { serverId: warning.serverId, keyId: null },
    };
  }
  const label = keyLabel(warning);
  const access = warning.keyId && warning.keyId !== label ? ` (${warning.keyId})` : '';
  return {
    title: `API key ${left}`,
    body: `${label}${access} on ${warning.serverName} ${left}.`,
    target: { serverId: warning.serverId, keyId: warning.keyId },
  };
}

/** Several warnings at once, as one notification: "4 keys expire soon". */
export function digestFor(warnings: readonly ExpiryWarning[], now: number): NotificationContent {
  const expired = warnings.filter((w) => msLeft(w, now) <= 0).length;
  const title =
    expired === warnings.length
      ? `${warnings.length} keys have expired`
      : `${warnings.length} keys expire soon`;
  const named = warnings.slice(0, 3).map((w) => `${keyLabel(w)} (${w.serverName})`);
  const more = warnings.length > 3 ? `, and ${warnings.length - 3} more` : '';
  const servers = new Set(warnings.map((w) => w.serverId));
  const only = servers.size === 1 ? [...servers][0]! : null;
  return {
    title,
    body: `${named.join(', ')}${more}. Open Rancher Keys to renew them.`,
    target: only ? { serverId: only, keyId: null } : null,
  };
}

/** More than this many warnings together become one digest. */
export const digestThreshold = 3;

/** What to show for warnings that fell due together: each one, or one digest when over three. */
export function planNotifications(
  warnings: readonly ExpiryWarning[],
  now: number,
): NotificationContent[] {
  const planned =
    warnings.length > digestThreshold
      ? [digestFor(warnings, now)]
      : warnings.map((w) => notificationFor(w, now));
  // Titles and bodies carry server text (names, descriptions): never a bidi or control character.
  return planned.map((c) => ({ ...c, title: displayText(c.title), body: displayText(c.body) }));
}

/** The body as the platform reads it: Linux notification servers read markup, so it is escaped. */
export function platformBody(body: string, platform: NodeJS.Platform): string {
  return platform === 'linux' ? escapeMarkup(body) : body;
}
