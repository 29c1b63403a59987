import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect } from '@playwright/test';
import { ACTIVITY_FILE } from '../../electron/core/activity/activity-log';
import type { TestCore } from '../bridge/compose';
import type { RancherSim } from '../rancher-sim';
import { TOKEN_ALPHABET } from '../rancher-sim';

// Any run of 20+ characters of Rancher's secret alphabet (secrets are 54): a secret of a token the
// simulator has since deleted is caught by its shape.
const secretShape = new RegExp(`[${TOKEN_ALPHABET}]{20,}`);

/**
 * Fails the test when the activity log holds a secret: any token secret the simulator knows, any
 * user's password, or anything shaped like a Rancher secret (what a copy put on the clipboard too).
 */
export async function expectNoSecretInActivityLog(core: TestCore, sim: RancherSim): Promise<void> {
  let text: string;
  try {
    text = await readFile(path.join(core.dataDir, ACTIVITY_FILE), 'utf8');
  } catch {
    return; // the journey recorded nothing
  }
  const secrets = [
    ...[...sim.state.tokens.values()].map((t) => t.secret),
    ...[...sim.state.extTokens.values()].map((t) => t.secret),
    ...[...sim.state.users.values()].map((u) => u.password),
  ].filter((s) => s.length >= 8);
  const leaked = secrets.filter((s) => text.includes(s));
  expect(leaked, 'secrets in the activity log').toEqual([]);
  expect(secretShape.exec(text)?.[0] ?? null, 'secret-shaped text in the activity log').toBeNull();
}
