/**
 * `npm run bench`: every benchmark, one after another (they share two cores, so never in parallel),
 * printing each one's figures. Record them in bench/RESULTS.md (the simulator bench updates its own
 * section; the others print a line to copy there).
 */
import { run as activity } from './activity.bench';
import { run as copy } from './core-copy.bench';
import { run as refresh } from './core-refresh.bench';
import { run as scale } from './core-scale.bench';
import { run as start } from './core-start.bench';
import { run as hygiene } from './hygiene.bench';
import { run as plaintext } from './plaintext-scan.bench';
import { run as proxyRefresh } from './proxy-refresh.bench';
import { main as simulator } from './rancher-sim.bench';
import { run as renderer } from './renderer.bench';

const benches: Array<[string, () => Promise<unknown>]> = [
  ['rancher-sim', simulator],
  ['core-start', start],
  ['core-refresh', refresh],
  ['core-scale', () => scale()],
  ['core-copy', copy],
  ['proxy-refresh', proxyRefresh],
  ['renderer', renderer],
  ['hygiene', hygiene],
  ['activity', activity],
  ['plaintext', plaintext],
];

const only = process.argv.slice(2);
let failed = 0;
for (const [name, bench] of benches) {
  if (only.length && !only.includes(name)) continue;
  console.log(`\n=== ${name}`);
  const started = performance.now();
  try {
    const figures = await bench();
    console.log(
      `${name}: ${JSON.stringify(figures)} (${((performance.now() - started) / 1000).toFixed(1)} s)`,
    );
  } catch (error) {
    failed += 1;
    console.error(`${name} failed:`, error);
  }
}
process.exit(failed ? 1 : 0);
