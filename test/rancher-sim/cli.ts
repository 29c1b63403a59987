import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { SeedFixture } from './index';
import { startRancherSim } from './index';
import { isRancherVersion } from './profiles';
import { cachedTlsMaterial } from './tls-cache';

const USAGE = `Usage: npm run rancher-sim -- [--port 9443] [--host 127.0.0.1] [--tls]
       [--version 2.8|2.12|2.13|2.14|2.15] [--seed demo|empty|<fixture.json>] [--no-browser-traps]`;

function isLoopback(host: string): boolean {
  return host === '127.0.0.1' || host === 'localhost' || host === '::1';
}

/** Starts a simulator from the command line and prints how to reach it. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      host: { type: 'string', default: '127.0.0.1' },
      tls: { type: 'boolean', default: false },
      version: { type: 'string', default: '2.13' },
      seed: { type: 'string', default: 'demo' },
      'no-browser-traps': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (!isRancherVersion(values.version))
    throw new Error(`unknown --version ${values.version}\n${USAGE}`);
  const seed: 'demo' | 'empty' | SeedFixture =
    values.seed === 'demo' || values.seed === 'empty'
      ? values.seed
      : (JSON.parse(readFileSync(values.seed, 'utf8')) as SeedFixture);
  const sim = await startRancherSim({
    port: Number(values.port),
    host: values.host,
    tls: values.tls,
    // The cached certificate names the loopback addresses only.
    ...(values.tls && isLoopback(values.host) ? { tlsMaterial: await cachedTlsMaterial() } : {}),
    version: values.version,
    seed,
    browserTraps: !values['no-browser-traps'],
  });

  const lines = [
    `Rancher simulator ${sim.profile.versionString} listening on ${sim.url}`,
    `  admin      ${sim.admin.username} / ${sim.admin.password}`,
    `  admin key  ${sim.admin.token}`,
  ];
  if (sim.caPem) {
    const caPath = join(mkdtempSync(join(tmpdir(), 'rancher-sim-')), 'ca.pem');
    writeFileSync(caPath, sim.caPem);
    lines.push(`  CA file    ${caPath}`, `  SHA-256    ${sim.fingerprint256 ?? ''}`);
  }
  for (const u of sim.state.users.values()) {
    if (u.id !== sim.admin.id)
      lines.push(`  user       ${u.username} / ${u.password} (${u.provider})`);
  }
  for (const [label, t] of Object.entries(sim.seeded))
    lines.push(`  ${label.padEnd(14)} ${t.bearer}`);
  lines.push(
    '',
    `Try: curl ${sim.caPem ? '--cacert <CA file> ' : ''}-u '${sim.admin.token}' -H 'Accept: application/json' ${sim.url}/v3/tokens`,
    'Ctrl-C to stop.',
  );
  console.log(lines.join('\n'));

  const stop = (): void => {
    void sim.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
