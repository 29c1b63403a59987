// Renderer benchmark: bundle size, first render of 10,000 keys, time per search keystroke and JS
// heap, measured in Debian's Chromium against a stand-in for main that returns 10,000 keys
// (bench/renderer-fake-core.ts), with the renderer's own performance marks.
//
//   npx tsx bench/renderer.bench.ts
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { startBridge } from '../test/bridge/server';
import { createFakeDispatch } from './renderer-fake-core';
import { chromiumLaunchOptions } from '../test/support/chromium';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const rendererDir = path.join(root, 'dist/renderer');
const KEYS = 10_000;
const RUNS = 5;
const QUERY = 'platform 12';

export interface RendererFigures {
  bundleGzipKiB: number;
  bundleRawKiB: number;
  firstRenderMs: { median: number; max: number };
  navigationToRowsMs: { median: number; max: number };
  /** Navigation → the frame that shows the first rows has been painted (`rk:keys-painted`). */
  navigationToPaintMs: { median: number; max: number };
  /** The whole list: its last part received → all 10,000 rows committed. */
  wholeRenderMs: { median: number; max: number };
  /** Navigation → every key of the list in the table (after the first screen). */
  navigationToWholeListMs: { median: number; max: number };
  searchKeystrokeMs: { median: number; p95: number; max: number };
  heapMiB: number;
  /** Quick copy over the same 10,000 keys spread over 20 servers: keystroke → results. */
  paletteKeystrokeMs: { median: number; p95: number; max: number };
}

const PALETTE_SERVERS = 20;

/**
 * Presses Ctrl+K until quick copy is open and loaded. The window's shortcuts are attached in an
 * effect, which runs after the first paint; a press in the frame between the rows' commit
 * (`rk:keys-rendered`) and that effect is lost, as it would be for a user that fast. One run of
 * four on 2026-11-30 waited 30 s for the palette; a press lost that way is the likely cause (not
 * seen again in the runs after it). A palette that never loads still fails after five presses.
 */
async function openPalette(page: Page): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    await page.keyboard.press('Control+k');
    try {
      await page.waitForFunction(
        () => performance.getEntriesByName('rk:palette-ready').length > 0,
        undefined,
        { timeout: 2_000 },
      );
      return;
    } catch (error) {
      if (attempt >= 4) throw error;
    }
  }
}

/** Opens quick copy (Ctrl+K) `RUNS` times and types `QUERY`; each keystroke's input → results. */
async function measurePalette(browser: Browser): Promise<number[]> {
  const bridge = await startBridge({
    dispatch: createFakeDispatch(KEYS, PALETTE_SERVERS),
    rendererDir,
  });
  const out: number[] = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      const page = await context.newPage();
      await page.goto(bridge.url);
      await page.waitForFunction(() => performance.getEntriesByName('rk:keys-rendered').length > 0);
      await openPalette(page);
      await page.waitForTimeout(300);
      for (const ch of QUERY) await page.keyboard.type(ch);
      await page.getByTestId('quick-copy-input').fill('');
      out.push(
        ...(await page.evaluate(() =>
          performance.getEntriesByName('rk:palette').map((m) => m.duration),
        )),
      );
      await context.close();
    }
  } finally {
    await bridge.close();
  }
  return out;
}

function stats(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { median: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] ?? 0 };
}

const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;

/** Runs the benchmark and returns its figures (also printed by the CLI entry). */
export async function run(): Promise<RendererFigures> {
  await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
  const assets = path.join(rendererDir, 'assets');
  let raw = 0;
  let gz = 0;
  for (const file of readdirSync(assets)) {
    if (!/\.(js|css)$/.test(file)) continue;
    const body = readFileSync(path.join(assets, file));
    raw += body.length;
    gz += gzipSync(body, { level: 9 }).length;
  }

  const bridge = await startBridge({ dispatch: createFakeDispatch(KEYS), rendererDir });
  const browser = await chromium.launch({
    ...chromiumLaunchOptions,
  });
  const firstRender: number[] = [];
  const navToRows: number[] = [];
  const navToPaint: number[] = [];
  const wholeRender: number[] = [];
  const navToWhole: number[] = [];
  const keystrokes: number[] = [];
  let heap = 0;
  let palette: number[];
  try {
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      const page = await context.newPage();
      await page.goto(bridge.url);
      await page.waitForFunction(() => performance.getEntriesByName('rk:keys-painted').length > 0);
      // (No named functions inside: tsx would wrap them in a helper the page does not have.)
      const timing = await page.evaluate(() => {
        const [loaded, rendered, painted] = [
          'rk:keys-loaded',
          'rk:keys-rendered',
          'rk:keys-painted',
        ].map((name) => performance.getEntriesByName(name)[0]!.startTime);
        return { render: rendered! - loaded!, nav: rendered!, paint: painted! };
      });
      firstRender.push(timing.render);
      navToRows.push(timing.nav);
      navToPaint.push(timing.paint);
      // A long list comes in two parts (its first screen, then the rest): the whole of it.
      await page.waitForFunction(
        () => performance.getEntriesByName('rk:keys-all-rendered').length > 0,
      );
      const whole = await page.evaluate(() => {
        const complete = performance.getEntriesByName('rk:keys-complete')[0]!.startTime;
        const rendered = performance.getEntriesByName('rk:keys-all-rendered')[0]!.startTime;
        return { render: rendered - complete, nav: rendered };
      });
      wholeRender.push(whole.render);
      navToWhole.push(whole.nav);

      // A person looks at the list before typing; the window warms its search index when idle.
      await page.waitForTimeout(500);
      const search = page.getByTestId('search');
      await search.click();
      for (const ch of QUERY) {
        await page.keyboard.type(ch);
      }
      await search.fill('');
      const measures = await page.evaluate(() =>
        performance.getEntriesByName('rk:search').map((m) => m.duration),
      );
      keystrokes.push(...measures);
      if (process.env.BENCH_VERBOSE) console.log(measures.map((m) => m.toFixed(1)).join(' '));

      if (i === RUNS - 1) {
        const cdp = await context.newCDPSession(page);
        await cdp.send('HeapProfiler.collectGarbage');
        const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
        heap = usage.usedSize;
      }
      await context.close();
    }
    palette = await measurePalette(browser);
  } finally {
    await browser.close();
    await bridge.close();
  }
  const pk = stats(palette);
  const fr = stats(firstRender);
  const nav = stats(navToRows);
  const paint = stats(navToPaint);
  const wr = stats(wholeRender);
  const nw = stats(navToWhole);
  const ks = stats(keystrokes);
  return {
    bundleGzipKiB: round(gz / 1024),
    bundleRawKiB: round(raw / 1024),
    firstRenderMs: { median: round(fr.median), max: round(fr.max) },
    navigationToRowsMs: { median: round(nav.median), max: round(nav.max) },
    navigationToPaintMs: { median: round(paint.median), max: round(paint.max) },
    wholeRenderMs: { median: round(wr.median), max: round(wr.max) },
    navigationToWholeListMs: { median: round(nw.median), max: round(nw.max) },
    searchKeystrokeMs: {
      median: round(ks.median, 2),
      p95: round(ks.p95, 2),
      max: round(ks.max, 2),
    },
    heapMiB: round(heap / 1024 / 1024),
    paletteKeystrokeMs: {
      median: round(pk.median, 2),
      p95: round(pk.p95, 2),
      max: round(pk.max, 2),
    },
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (!existsSync('/usr/bin/chromium') && !process.env.CHROMIUM_PATH) {
    console.error('renderer bench: needs Chromium at /usr/bin/chromium (or CHROMIUM_PATH)');
    process.exit(1);
  }
  const f = await run();
  console.log(
    `renderer bundle (JS+CSS)        ${f.bundleGzipKiB} KiB gzip (${f.bundleRawKiB} KiB raw)  target <= 250 KB`,
  );
  console.log(
    `first render of ${KEYS} keys    median ${f.firstRenderMs.median} ms, max ${f.firstRenderMs.max} ms over ${RUNS} loads  target <= 200 ms`,
  );
  console.log(
    `navigation to rows              median ${f.navigationToRowsMs.median} ms, max ${f.navigationToRowsMs.max} ms`,
  );
  console.log(
    `navigation to rows painted      median ${f.navigationToPaintMs.median} ms, max ${f.navigationToPaintMs.max} ms`,
  );
  console.log(
    `whole list render (${KEYS})      median ${f.wholeRenderMs.median} ms, max ${f.wholeRenderMs.max} ms (last part received → all rows committed)`,
  );
  console.log(
    `navigation to whole list        median ${f.navigationToWholeListMs.median} ms, max ${f.navigationToWholeListMs.max} ms`,
  );
  console.log(
    `search keystroke (${KEYS} keys)  median ${f.searchKeystrokeMs.median} ms, p95 ${f.searchKeystrokeMs.p95} ms, max ${f.searchKeystrokeMs.max} ms  target <= 16 ms`,
  );
  console.log(`JS heap after loading ${KEYS}    ${f.heapMiB} MiB  target <= 60 MB`);
  console.log(
    `quick copy keystroke (${KEYS} keys, ${PALETTE_SERVERS} servers)  median ${f.paletteKeystrokeMs.median} ms, p95 ${f.paletteKeystrokeMs.p95} ms, max ${f.paletteKeystrokeMs.max} ms  target <= 16 ms`,
  );
}
