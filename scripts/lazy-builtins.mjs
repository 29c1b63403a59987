// Node's network, process and compression modules, loaded by main's bundle on first use
// (scripts/build.mjs).
import { builtinModules, createRequire } from 'node:module';
import { lazyFacade } from './lazy-vendor.mjs';

const require = createRequire(import.meta.url);

/**
 * Start reads files and lists keys: it opens no connection and runs no process, yet loading
 * `node:tls`, `node:http`, `node:https` and `node:child_process` (Node compiles each on first
 * require) cost every start ~2 ms of CPU (bench/RESULTS.md, "Start, fourth pass"), `node:net`
 * (first used when the background refresh dials) ~0.8 ms more ("Start, sixth pass"), and
 * `node:zlib` (first used for a compressed answer) ~1 ms ("Start, seventh pass").
 */
export const lazyBuiltinModules = ['tls', 'http', 'https', 'child_process', 'net', 'zlib'];

/**
 * The module the bundle gets in a builtin's place: CommonJS whose exports (every name the builtin
 * has, and `default`, the builtin itself) are getters that require the builtin when first read.
 * esbuild compiles `tls.connect(…)` and `execFile(…)` to a property read at each use, so the
 * builtin loads when a function of it is first called, as scripts/lazy-vendor.mjs does for
 * packages.
 */
function facade(specifier) {
  const names = Object.keys(require(specifier)).filter((name) => name !== 'default');
  return lazyFacade(specifier, names, true);
}

/** An esbuild plugin: each of `modules` (as `node:name`) becomes a facade that loads it on first use. */
export function lazyBuiltins(modules = lazyBuiltinModules) {
  for (const name of modules)
    if (!builtinModules.includes(name)) throw new Error(`not a Node builtin: ${name}`);
  const pattern = new RegExp(`^node:(${modules.join('|')})$`);
  return {
    name: 'lazy-builtins',
    setup(b) {
      b.onResolve({ filter: pattern }, (args) =>
        args.namespace === 'lazy-builtin'
          ? undefined
          : { path: args.path, namespace: 'lazy-builtin' },
      );
      b.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, (args) => ({
        contents: facade(args.path),
        loader: 'js',
      }));
    },
  };
}
