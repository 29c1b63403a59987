import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lazyBuiltinModules } from '../../../scripts/lazy-builtins.mjs';
import { mainBundleHarness } from './main-bundle-harness';

/**
 * Main's bundle loads Node's tls, http, https, child_process, net and zlib on first use
 * (scripts/lazy-builtins.mjs) and leaves zod's compiler and JSON Schema reader out
 * (scripts/zod-without-locales.mjs). Each check runs the real bundle in a fresh Node process,
 * where `process.moduleLoadList` shows which builtins were loaded.
 */
const { bundle, run, runCore } = mainBundleHarness('rk-main-lean-');

const loadedBuiltins = `process.moduleLoadList
  .map((m) => m.replace(/^NativeModule /, ''))
  .filter((m) => ${JSON.stringify(lazyBuiltinModules)}.includes(m))
  .sort()`;

describe('main bundle: builtins on first use, zod without its tools', () => {
  it('loads each builtin only when first used, through every import form, and it works', async () => {
    const file = await bundle(
      'builtins',
      `import tls from 'node:tls';
       import * as https from 'node:https';
       import { STATUS_CODES } from 'node:http';
       import { execFileSync } from 'node:child_process';
       import net from 'node:net';
       import zlib from 'node:zlib';
       export const loaded = () => ${loadedBuiltins};
       export const useTls = () => tls.rootCertificates.length > 0 && typeof tls.connect === 'function';
       export const useHttp = () => STATUS_CODES[404] === 'Not Found';
       export const useHttps = () => new https.Agent({ keepAlive: false }) instanceof https.Agent;
       export const useChild = () =>
         execFileSync(process.execPath, ['-e', 'process.stdout.write("ok")'], { encoding: 'utf8' });
       export const useNet = () => net.isIP('::1') === 6 && new net.BlockList() instanceof net.BlockList;
       export const useZlib = () =>
         zlib.constants.Z_SYNC_FLUSH === 2 && zlib.gunzipSync(zlib.gzipSync('ok')).toString() === 'ok';`,
    );
    const result = run(`
      const m = require(${JSON.stringify(file)});
      const steps = { atLoad: m.loaded() };
      steps.net = m.useNet(); steps.afterNet = m.loaded();
      steps.tls = m.useTls(); steps.afterTls = m.loaded();
      steps.http = m.useHttp(); steps.https = m.useHttps();
      steps.child = m.useChild(); steps.beforeZlib = m.loaded();
      steps.zlib = m.useZlib(); steps.afterAll = m.loaded();
      console.log(JSON.stringify(steps));`);
    expect(result).toEqual({
      atLoad: [],
      net: true,
      afterNet: ['net'],
      tls: true,
      afterTls: ['net', 'tls'],
      http: true,
      https: true,
      child: 'ok',
      beforeZlib: ['child_process', 'http', 'https', 'net', 'tls'],
      zlib: true,
      afterAll: ['child_process', 'http', 'https', 'net', 'tls', 'zlib'],
    });
  }, 60_000);

  it('starts the core and lists without loading any of those builtins', async () => {
    const result = await runCore(`
      const servers = await core.dispatch('servers:list', {});
      const keys = await core.dispatch('keys:list', { serverId: 'srv-none' });
      return { ok: servers.ok, refused: keys.ok === false, loaded: ${loadedBuiltins} };`);
    expect(result).toEqual({ ok: true, refused: true, loaded: [] });
  }, 60_000);

  it("leaves zod's compiler and JSON Schema reader out; parsing and toJSONSchema still work", async () => {
    const file = await bundle(
      'zod',
      `import { z } from 'zod';
       const schema = z.object({ a: z.string().min(1), n: z.number().int().optional() });
       export const parses = () =>
         schema.safeParse({ a: 'x', n: 1, extra: 1 }).success && !schema.safeParse({ a: '' }).success;
       export const standard = () => schema['~standard'].validate({ a: 'x' });
       export const jsonSchema = () => z.toJSONSchema(schema).type;
       const attempt = (f: () => unknown) => { try { f(); return 'ran'; } catch (e) { return (e as Error).message; } };
       export const compile = () => attempt(() => z.compile(schema));
       export const fromJson = () => attempt(() => z.fromJSONSchema({ type: 'string' }));`,
    );
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain('z.compile does not support');
    const result = run(`
      const m = require(${JSON.stringify(file)});
      console.log(JSON.stringify({
        parses: m.parses(), standard: m.standard(), jsonSchema: m.jsonSchema(),
        compile: m.compile(), fromJson: m.fromJson(),
      }));`);
    expect(result).toEqual({
      parses: true,
      standard: { value: { a: 'x' } },
      jsonSchema: 'object',
      compile: 'zod: compile.js is left out of this bundle (scripts/zod-without-locales.mjs)',
      fromJson:
        'zod: from-json-schema.js is left out of this bundle (scripts/zod-without-locales.mjs)',
    });
  }, 60_000);
});
