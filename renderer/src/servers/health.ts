import type { ServerHealth } from '../../../electron/contract/servers';
import './health.css';

/** The words for a server's health in the switcher. */
export const healthLabels: Record<ServerHealth, string> = {
  ok: 'Signed in',
  session_expiring: 'Session expiring',
  sign_in_needed: 'Sign-in needed',
  unreachable: 'Unreachable',
  certificate_problem: 'Certificate problem',
  unknown: 'Not checked yet',
};
