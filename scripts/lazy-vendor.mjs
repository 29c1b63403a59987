// Main's large dependencies that start does not use, bundled into files of their own beside main's
// bundle and loaded on first use (shared by scripts/build.mjs and bench/core-start.bench.ts).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * axios (with form-data and its MIME database), yaml and js-yaml are some 900 KB of the 1.7 MB
 * bundle, and V8 compiles every byte of a file it loads before running any of it: loading them
 * only when a request, a kubeconfig write or a plaintext scan first needs them took ~29 ms of CPU
 * off every start (bench/RESULTS.md, issue 14). Start itself uses none of them.
 */
export const lazyVendorPackages = ['axios', 'yaml', 'js-yaml'];

/** Where a package's own file sits, relative to the bundle that loads it. */
export const vendorFile = (name) => `./vendor/${name}.cjs`;

/** The names a package exports, as the bundle would import them (its ES module entry). */
async function exportNames(name) {
  return Object.keys(await import(name)).sort();
}

/**
 * The module a bundle gets in place of `target` (a package's own file, or a Node builtin): CommonJS
 * whose exports `names` (and `default`, the whole module, when `withDefault`) are getters that
 * require `target` on first read. esbuild compiles a named import to a property read at each use
 * (`(0, import_yaml.parseDocument)(text)`), so nothing is loaded before one of its functions is
 * actually called; classes and constants come through the same getters. Shared with
 * scripts/lazy-builtins.mjs.
 */
export function lazyFacade(target, names, withDefault = false) {
  return [
    `let loaded;`,
    `const load = () => (loaded ??= require(${JSON.stringify(target)}));`,
    `Object.defineProperty(exports, '__esModule', { value: true });`,
    ...(withDefault
      ? [`Object.defineProperty(exports, 'default', { enumerable: true, get: load });`]
      : []),
    `for (const name of ${JSON.stringify(names)})`,
    `  Object.defineProperty(exports, name, { enumerable: true, get: () => load()[name] });`,
  ].join('\n');
}

/** An esbuild plugin: each of `packages` becomes a facade that loads its own file on first use. */
export function lazyVendor(packages = lazyVendorPackages) {
  const pattern = new RegExp(`^(${packages.map((p) => p.replace(/[.-]/g, '\\$&')).join('|')})$`);
  return {
    name: 'lazy-vendor',
    setup(b) {
      b.onResolve({ filter: pattern }, (args) =>
        args.namespace === 'lazy-vendor'
          ? undefined
          : { path: args.path, namespace: 'lazy-vendor' },
      );
      b.onResolve({ filter: /^\.\/vendor\//, namespace: 'lazy-vendor' }, (args) => ({
        path: args.path,
        external: true,
      }));
      b.onLoad({ filter: /.*/, namespace: 'lazy-vendor' }, async (args) => ({
        contents: lazyFacade(vendorFile(args.path), await exportNames(args.path)),
        loader: 'js',
      }));
    },
  };
}

/**
 * Bundles each of `packages` into `<outdir>/vendor/<name>.cjs` (CommonJS, every export of the
 * package's ES module entry), for the facades of {@link lazyVendor} to load.
 */
export async function buildVendors(outdir, options, packages = lazyVendorPackages) {
  await Promise.all(
    packages.map(async (name) => {
      const names = await exportNames(name);
      await build({
        ...options,
        plugins: [],
        entryPoints: undefined,
        stdin: {
          contents: `export { ${names.join(', ')} } from ${JSON.stringify(name)};`,
          resolveDir: repo,
          loader: 'js',
        },
        outfile: path.join(outdir, vendorFile(name)),
      });
    }),
  );
}
