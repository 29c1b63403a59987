import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { defaultShell, exportLine } from '../../../electron/cli/shell-exports';

const hostile = `it's $(touch /tmp/pwned) \`id\` "q" \\ ; & | \n newline`;

describe('exportLine', () => {
  it.each(['bash', 'sh'] as const)(
    'round-trips any value through %s without running it',
    (shell) => {
      const script = `${exportLine(shell, 'V', hostile)}\nprintf %s "$V"`;
      expect(
        execFileSync(shell === 'sh' ? '/bin/sh' : '/bin/bash', ['-c', script], {
          encoding: 'utf8',
        }),
      ).toBe(hostile);
    },
  );

  it('quotes for fish and PowerShell by their rules', () => {
    expect(exportLine('fish', 'V', `a'b\\c`)).toBe(`set -gx V 'a\\'b\\\\c';`);
    expect(exportLine('powershell', 'V', `a'b`)).toBe(`$env:V = 'a''b'`);
  });

  it('picks the shell from $SHELL, PowerShell on Windows, bash otherwise', () => {
    expect(defaultShell('linux', '/usr/bin/fish')).toBe('fish');
    expect(defaultShell('darwin', '/bin/zsh')).toBe('zsh');
    expect(defaultShell('linux', '/bin/tcsh')).toBe('bash');
    expect(defaultShell('win32', undefined)).toBe('powershell');
  });
});
