#!/usr/bin/env node
// The one test command: typecheck, lint, format, the CI workflow's schema, build, the Go helper's
// tests, vitest (unit, integration, packaging),
// Playwright in Chromium (e2e) and the Electron suite. Prints one closing line
// `N passed, N failed[, N skipped]` summing every suite, and exits non-zero when anything failed
// or when no test ran. Meant to run inside scripts/with-keyring.mjs (npm test does that).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const artifacts = '.artifacts';
mkdirSync(artifacts, { recursive: true });
const bin = (name) => path.join('node_modules', '.bin', name);
const totals = { passed: 0, failed: 0, skipped: 0 };
const rows = [];

function exec(cmd, args, env = {}) {
  const started = Date.now();
  const result = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return { code: result.status ?? 1, seconds: ((Date.now() - started) / 1000).toFixed(1) };
}

function record(name, counts, seconds) {
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  totals.skipped += counts.skipped;
  rows.push(
    `${name.padEnd(12)} ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped (${seconds} s)`,
  );
}

/** A stage that is one check: it passes or fails as a whole. */
function check(name, cmd, args) {
  console.log(`\n=== ${name}: ${[cmd, ...args].join(' ')}`);
  const { code, seconds } = exec(cmd, args);
  record(name, { passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, skipped: 0 }, seconds);
  return code === 0;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

function vitestStage() {
  const out = path.join(artifacts, 'vitest.json');
  rmSync(out, { force: true });
  console.log('\n=== vitest: unit, integration, package');
  const { code, seconds } = exec(bin('vitest'), [
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${out}`,
  ]);
  const report = readJson(out);
  const counts = report
    ? {
        passed: report.numPassedTests,
        failed: report.numFailedTests,
        skipped: report.numPendingTests + report.numTodoTests,
      }
    : { passed: 0, failed: 0, skipped: 0 };
  // A file that fails to load counts no test: count the run as a failure all the same.
  if (code !== 0 && counts.failed === 0) counts.failed = 1;
  record('vitest', counts, seconds);
}

function playwrightStage(name, config, out) {
  rmSync(out, { force: true });
  console.log(`\n=== ${name}: playwright test -c ${config}`);
  const { code, seconds } = exec(bin('playwright'), ['test', '-c', config], {
    PLAYWRIGHT_JSON_OUTPUT_FILE: out,
  });
  const report = readJson(out);
  const stats = report?.stats;
  const counts = stats
    ? { passed: stats.expected + stats.flaky, failed: stats.unexpected, skipped: stats.skipped }
    : { passed: 0, failed: 0, skipped: 0 };
  if (code !== 0 && counts.failed === 0) counts.failed = 1;
  record(name, counts, seconds);
  if (report?.errors?.length && counts.failed === 0) console.log(report.errors);
}

check('typecheck', bin('tsc'), ['-b']);
check('lint', bin('eslint'), ['.', '--max-warnings', '0']);
check('format', bin('prettier'), ['--check', '.', '--log-level', 'warn']);
// The GitHub Actions workflow against GitHub's schema, offline (a WebAssembly validator).
check('workflow', bin('action-validator'), ['.github/workflows/ci.yml']);
const built = check('build', 'node', ['scripts/build.mjs']);
// The native kubectl credential helper's Go tests (go vet, go test); without Go this fails naming
// the fix (`npm run setup` installs it).
check('go', 'node', ['scripts/build-native.mjs', '--test']);
vitestStage();
if (built) {
  playwrightStage('e2e', 'test/e2e/playwright.config.ts', path.join(artifacts, 'e2e.json'));
} else {
  record('e2e', { passed: 0, failed: 1, skipped: 0 }, '0.0');
}
playwrightStage(
  'electron',
  'test/electron/playwright.config.ts',
  path.join(artifacts, 'electron.json'),
);
if (existsSync(path.join(artifacts, 'electron-skipped.txt'))) {
  console.log(`\n${readFileSync(path.join(artifacts, 'electron-skipped.txt'), 'utf8').trim()}`);
}

console.log('\n' + rows.join('\n'));
const skipped = totals.skipped ? `, ${totals.skipped} skipped` : '';
console.log(`${totals.passed} passed, ${totals.failed} failed${skipped}`);
process.exit(totals.failed > 0 || totals.passed === 0 ? 1 : 0);
