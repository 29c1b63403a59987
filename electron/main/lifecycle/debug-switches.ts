/**
 * Command-line switches that would let another program drive or read the packaged app: a DevTools
 * endpoint (`--remote-debugging-port`/`-pipe`, which no fuse covers), Node's inspector (`--inspect*`,
 * also off by fuse) and V8 flags (`--js-flags`, which can e.g. expose natives or disable
 * mitigations). A packaged build refuses to start with any of them.
 */
export const forbiddenSwitches: readonly string[] = [
  'remote-debugging-port',
  'remote-debugging-pipe',
  'remote-debugging-address',
  'inspect',
  'inspect-brk',
  'inspect-port',
  'inspect-brk-node',
  'inspect-publish-uid',
  'js-flags',
];

/**
 * The first forbidden switch in `argv` (with `--`/`-` prefix, with or without `=value`, any case),
 * or one Chromium parsed (`hasSwitch`), or null. `argv` includes the executable; every element is
 * checked, since Chromium also reads switches after other arguments.
 */
export function forbiddenDebugSwitch(
  argv: readonly string[],
  hasSwitch: (name: string) => boolean = () => false,
): string | null {
  for (const arg of argv.slice(1)) {
    const match = /^--?([a-z-]+)(?:=|$)/i.exec(arg);
    const name = match?.[1]?.toLowerCase();
    if (name && (forbiddenSwitches.includes(name) || name.startsWith('inspect')))
      return `--${name}`;
  }
  const parsed = forbiddenSwitches.find((name) => hasSwitch(name));
  return parsed ? `--${parsed}` : null;
}

/** The one sentence a refused start prints. */
export function refusalMessage(switchName: string): string {
  return `Rancher Keys does not start with ${switchName}: debugging switches would expose your stored keys to other programs.`;
}
