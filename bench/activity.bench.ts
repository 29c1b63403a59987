/**
 * The activity log with 100,000 entries: loading the file, the view's first render in Debian's
 * Chromium (core list + transport + React, from the click on "Activity" to the rows painted), a
 * scroll to the end, and CSV / JSON export time in the core.
 *
 *   npx tsx bench/activity.bench.ts
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { activityActions } from '../electron/contract/activity';
import { createActivityHandlers } from '../electron/core/activity/activity-handlers';
import { createActivityLog, type ActivityInput } from '../electron/core/activity/activity-log';
import { createMemoryLogger } from '../electron/core/log';
import { systemClock } from '../electron/core/ports';
import { startBridge } from '../test/bridge/server';
import { chromiumLaunchOptions } from '../test/support/chromium';
import { createFakeDispatch } from './renderer-fake-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ENTRIES = 100_000;
const RUNS = 3;

export interface ActivityFigures {
  entries: number;
  writeAllMs: number;
  loadMs: number;
  listAllMs: number;
  firstRenderMs: { median: number; max: number };
  scrollToEndMs: number;
  exportCsvMs: number;
  exportJsonMs: number;
  exportCsvMiB: number;
}

const median = (values: number[]) =>
  Math.round(([...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0) * 10) / 10;

export async function run(): Promise<ActivityFigures> {
  const dir = await mkdtemp(path.join(tmpdir(), 'activity-bench-'));
  const retention = () => ({ maxBytes: 500 * 1024 * 1024, maxAgeMs: 3650 * 86_400_000 });
  const deps = { dir, now: () => Date.now(), retention, log: createMemoryLogger() };
  try {
    const writer = createActivityLog(deps);
    await writer.load();
    let started = performance.now();
    // In batches of 1,000 (as a bulk revocation writes them), each appended and fsynced.
    for (let b = 0; b < ENTRIES / 1_000; b++) {
      const batch: ActivityInput[] = [];
      for (let i = 0; i < 1_000; i++) {
        const n = b * 1_000 + i;
        batch.push({
          serverId: `srv-${n % 5}`,
          serverName: `Server ${n % 5}`,
          keyId: `token-${n.toString(36).padStart(5, '0')}`,
          action: activityActions[n % activityActions.length]!,
          outcome: n % 17 === 0 ? 'failed' : 'ok',
          errorCode: n % 17 === 0 ? 'unreachable' : null,
          detail: n % 3 === 0 ? 'format bearer' : null,
        });
      }
      await writer.append(batch);
    }
    const writeAllMs = Math.round(performance.now() - started);
    await writer.close();

    const log = createActivityLog(deps);
    started = performance.now();
    await log.load();
    const loadMs = Math.round(performance.now() - started);
    const handlers = createActivityHandlers(log, systemClock);
    started = performance.now();
    await handlers['activity:list']({ limit: ENTRIES });
    const listAllMs = Math.round(performance.now() - started);
    started = performance.now();
    const csv = await handlers['activity:export']({ format: 'csv' });
    const exportCsvMs = Math.round(performance.now() - started);
    started = performance.now();
    await handlers['activity:export']({ format: 'json' });
    const exportJsonMs = Math.round(performance.now() - started);

    await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
    const fake = createFakeDispatch(10);
    const bridge = await startBridge({
      rendererDir: path.join(root, 'dist/renderer'),
      dispatch: async (channel, input) => {
        // The view asks for its newest page first, then "Show more" up to every entry: the bench
        // asks for all 100,000 at once, the worst case the contract allows.
        if (channel === 'activity:list') {
          return { ok: true, value: await handlers['activity:list']({ limit: ENTRIES }) };
        }
        return fake(channel, input);
      },
    });
    const browser = await chromium.launch({ ...chromiumLaunchOptions });
    const renders: number[] = [];
    let scrollToEndMs = 0;
    try {
      for (let i = 0; i < RUNS; i++) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
        const page = await context.newPage();
        await page.goto(bridge.url);
        await page.getByRole('button', { name: 'Activity' }).waitFor();
        // A string, not a function: tsx would wrap named helpers in a `__name` the page lacks.
        const ms = await page.evaluate<number>(`new Promise((resolve) => {
          const t0 = performance.now();
          [...document.querySelectorAll('button')].find((b) => b.textContent === 'Activity')?.click();
          (function poll() {
            if (document.querySelector('[data-testid="activity-row"]')) {
              requestAnimationFrame(() => resolve(performance.now() - t0));
            } else requestAnimationFrame(poll);
          })();
        })`);
        renders.push(ms);
        if (i === RUNS - 1) {
          scrollToEndMs = await page.evaluate<number>(`new Promise((resolve) => {
            const list = document.querySelector('.activity-scroll');
            const t0 = performance.now();
            list.scrollTop = list.scrollHeight;
            requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - t0)));
          })`);
        }
        await context.close();
      }
    } finally {
      await browser.close();
      await bridge.close();
    }
    return {
      entries: ENTRIES,
      writeAllMs,
      loadMs,
      listAllMs,
      firstRenderMs: { median: median(renders), max: Math.round(Math.max(...renders)) },
      scrollToEndMs: Math.round(scrollToEndMs * 10) / 10,
      exportCsvMs,
      exportJsonMs,
      exportCsvMiB: Math.round((csv.content.length / 1024 / 1024) * 10) / 10,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify(await run(), null, 2));
}
