import { describe, expect, it } from 'vitest';
import type { ExpiryWarning } from '../../../electron/contract/app';
import { createWarningToasts } from '../../../renderer/src/expiry/warning-toasts';
import { createUiStore } from '../../../renderer/src/ui/ui-store';

const warning = (description: string, thresholdMs = 86_400_000): ExpiryWarning => ({
  serverId: 's1',
  serverName: 'Prod',
  keyId: `token-${description.slice(0, 5)}`,
  description,
  expiresAt: '2030-01-01T00:00:00Z',
  thresholdMs,
  subject: 'key',
});

describe('expiry warning toasts', () => {
  it('coalesces a burst of warnings into one toast that counts them', () => {
    const ui = createUiStore();
    let now = 1_000;
    const toasts = createWarningToasts(ui, () => now);
    for (const d of ['alpha', 'bravo', 'charlie', 'delta']) {
      toasts.add(warning(d));
      now += 500;
    }
    const shown = ui.store.getState().toasts;
    expect(shown).toHaveLength(1);
    expect(shown[0]?.text).toBe(
      '4 expiry warnings: "delta" on Prod expires soon. See Expiring for all of them.',
    );
  });

  it('starts a new toast after a quiet spell, and names a lone key in full words', () => {
    const ui = createUiStore();
    let now = 1_000;
    const toasts = createWarningToasts(ui, () => now);
    toasts.add(warning('alpha'));
    now += 60_000;
    toasts.add(warning('bravo', 0));
    const shown = ui.store.getState().toasts;
    expect(shown).toHaveLength(1);
    expect(shown[0]?.text).toBe('"bravo" on Prod has expired.');
  });

  it('keeps a huge description to a readable name', () => {
    const ui = createUiStore();
    createWarningToasts(ui).add(warning('x'.repeat(10_000)));
    expect(ui.store.getState().toasts[0]!.text.length).toBeLessThan(120);
  });
});
