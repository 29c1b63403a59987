import { describe, expect, it } from 'vitest';
import {
  forbiddenDebugSwitch,
  refusalMessage,
} from '../../../electron/main/lifecycle/debug-switches';

const exe = '/opt/Rancher Keys/rancher-keys';

describe('debug switches in a packaged build', () => {
  it('finds the DevTools, inspector and V8 switches in any spelling', () => {
    for (const [arg, name] of [
      ['--remote-debugging-port=9222', '--remote-debugging-port'],
      ['--remote-debugging-port', '--remote-debugging-port'],
      ['--REMOTE-DEBUGGING-PIPE', '--remote-debugging-pipe'],
      ['--inspect', '--inspect'],
      ['--inspect-brk=0.0.0.0:9229', '--inspect-brk'],
      ['--inspect-wait', '--inspect-wait'],
      ['-inspect', '--inspect'],
      ['--js-flags=--allow-natives-syntax', '--js-flags'],
    ] as const) {
      expect(forbiddenDebugSwitch([exe, '--hidden', arg])).toBe(name);
    }
  });

  it('also refuses a switch that only Chromium parsed', () => {
    expect(forbiddenDebugSwitch([exe], (n) => n === 'remote-debugging-port')).toBe(
      '--remote-debugging-port',
    );
  });

  it('lets the ordinary arguments through', () => {
    expect(forbiddenDebugSwitch([exe])).toBeNull();
    expect(forbiddenDebugSwitch([exe, '--hidden', 'inspect', '--no-sandbox-x'])).toBeNull();
    // The executable's own path is not an argument.
    expect(forbiddenDebugSwitch(['--inspect'])).toBeNull();
  });

  it('says why in one sentence', () => {
    expect(refusalMessage('--inspect')).toMatch(
      /^Rancher Keys does not start with --inspect: [^.]*\.$/,
    );
  });
});
