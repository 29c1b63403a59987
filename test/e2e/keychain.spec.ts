import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from './fixtures';

const here = path.dirname(fileURLToPath(import.meta.url));

/** A core + bridge in a child process whose Secret Service is unreachable (a dead bus). */
async function startWithoutKeychain(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'serve-core.ts')], {
    env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.setEncoding('utf8');
  while (!out.includes('\n')) {
    const [chunk] = (await once(child.stdout, 'data')) as [string];
    out += chunk;
  }
  return { url: (JSON.parse(out.split('\n')[0]!) as { url: string }).url, child };
}

test.describe('keychain unavailable', () => {
  test('says so with the reason and the fix, in a banner and in Settings', async ({
    page,
    app,
  }) => {
    const { url, child } = await startWithoutKeychain();
    try {
      await page.goto(url);
      await expect(app.keychainBanner).toBeVisible({ timeout: 15_000 });
      await expect(app.keychainBanner).toContainText('Keychain unavailable');
      await app.openSettings();
      await expect(page.getByTestId('keychain-status')).toContainText('unavailable');
      await expect(page.getByTestId('keychain-fix')).not.toBeEmpty();
      await app.expectAccessible('settings with keychain unavailable');
    } finally {
      child.kill('SIGTERM');
    }
  });
});
