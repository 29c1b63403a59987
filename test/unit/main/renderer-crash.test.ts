import { describe, expect, it } from 'vitest';
import { createCrashPolicy } from '../../../electron/main/window/renderer-crash';

describe('renderer crash policy', () => {
  it('ignores a clean exit', () => {
    expect(createCrashPolicy().decide('clean-exit', 0)).toBe('ignore');
  });

  it('reloads the first crash and explains a second within a minute', () => {
    const policy = createCrashPolicy();
    expect(policy.decide('crashed', 1_000)).toBe('reload');
    expect(policy.decide('oom', 30_000)).toBe('explain');
  });

  it('reloads again once the minute has passed', () => {
    const policy = createCrashPolicy();
    expect(policy.decide('crashed', 0)).toBe('reload');
    expect(policy.decide('crashed', 61_000)).toBe('reload');
  });
});
