import { describe, expect, it } from 'vitest';
import { parseArgs, printable, type OptionSpec } from '../../../electron/cli/args';
import { UsageError } from '../../../electron/cli/io';

const specs: OptionSpec[] = [
  { name: 'server', value: 'S', help: '' },
  { name: 'output', short: 'o', value: 'FILE', help: '' },
  { name: 'json', help: '' },
];

describe('parseArgs', () => {
  it('reads long, inline, short and flag options with positionals', () => {
    const parsed = parseArgs(['--server', 'prod', '-o', 'f.yaml', '--json', 'KEY'], specs, {
      maxPositionals: 1,
      rest: false,
    });
    expect(Object.fromEntries(parsed.options)).toEqual({
      server: 'prod',
      output: 'f.yaml',
      json: true,
    });
    expect(parsed.positionals).toEqual(['KEY']);
    expect(
      parseArgs(['--server=a=b'], specs, { maxPositionals: 0, rest: false }).options.get('server'),
    ).toBe('a=b');
  });

  it('keeps everything after -- verbatim when the command takes a command', () => {
    const parsed = parseArgs(['k', '--', 'sh', '-c', '--json'], specs, {
      maxPositionals: 1,
      rest: true,
    });
    expect(parsed.rest).toEqual(['sh', '-c', '--json']);
    expect(parsed.options.has('json')).toBe(false);
  });

  it.each([
    [['--nope'], /Unknown option --nope/],
    [['--server'], /needs a value/],
    [['--server', '--json'], /needs a value/],
    [['--json=1'], /takes no value/],
    [['a', 'b'], /Unexpected argument "b"/],
    [['--', 'x'], /no command after/],
  ])('rejects %j with a usage error', (argv, message) => {
    expect(() => parseArgs(argv, specs, { maxPositionals: 1, rest: false })).toThrow(UsageError);
    expect(() => parseArgs(argv, specs, { maxPositionals: 1, rest: false })).toThrow(message);
  });

  it('shows control characters of outside text as ? and bounds its length', () => {
    expect(printable('a\u001b[31mb\n')).toBe('a?[31mb?');
    expect(printable('x'.repeat(100), 10)).toBe(`${'x'.repeat(10)}…`);
  });
});
