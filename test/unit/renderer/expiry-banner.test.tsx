import { cleanup, render, screen } from './testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../renderer/src/App';
import { createAppStores } from '../../../renderer/src/app-stores';
import { createTick } from '../../../renderer/src/ui/tick';
import { createFakeApi, makeServer, worldHandlers } from './fake-api';

afterEach(cleanup);

// The fake api stands in for main's IPC: the summary is what main's expiry rule counted.
async function bannerFor(expiringCount: number, expiredCount: number) {
  const fake = createFakeApi({
    ...worldHandlers([makeServer({ id: 'a', name: 'Alpha', active: true })], []),
    'expiry:summary': () => ({ expiringCount, expiredCount, next: null, perServer: {} }),
  });
  render(<App api={fake.api} stores={createAppStores(fake.api, createTick(1_000))} />);
  return screen.findByTestId('expiry-banner');
}

describe('the expiry banner', () => {
  it('says "expiring soon", as the tray does, not "within <threshold>" (keys count in their own window)', async () => {
    const banner = await bannerFor(2, 0);
    expect(banner.textContent).toContain('2 keys expiring soon.');
    expect(banner.textContent).not.toMatch(/within/);
  });

  it('names one key in the singular and adds the expired ones', async () => {
    const banner = await bannerFor(1, 3);
    expect(banner.textContent).toContain('1 key expiring soon; 3 have expired.');
  });
});
