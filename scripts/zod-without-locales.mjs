// An esbuild plugin shared by the main bundle (scripts/build.mjs) and the command's
// (scripts/build-cli.mjs).
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * zod re-exports every message locale (`z.locales`), some 250 KB that nothing here uses (zod
 * loads English itself, in `v4/classic/schemas.js`): every process would parse them on
 * every start. The locales' index becomes an empty module; a `z.locales.xx()` call would fail
 * loudly at run time, and none is made.
 */
export const zodWithoutLocales = {
  name: 'zod-without-locales',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      args.importer.includes(`${path.sep}zod${path.sep}`)
        ? { path: 'zod-locales', namespace: 'zod-without-locales' }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'zod-without-locales' }, () => ({
      contents: 'export {};',
      loader: 'js',
    }));
  },
};

/** zod's modules that only its tools need: nothing here calls them, and none of zod's parsing does. */
const zodTools =
  /[\\/]zod[\\/]v4[\\/](core[\\/](compile|json-schema-generator)|classic[\\/]from-json-schema)\.js$/;

/**
 * zod also carries its schema compiler (`z.compile`, 59 KB) and its JSON Schema reader
 * (`z.fromJSONSchema`) and generator class, some 90 KB that only those tools use: V8 pre-parses
 * them on every start (~2 ms of CPU, bench/RESULTS.md "Start, fourth pass"). Each becomes a module
 * with the same export names whose every export throws, loudly, if a tool is ever called.
 * (`toJSONSchema` stays: zod's schema classes refer to it.)
 */
export const zodWithoutTools = {
  name: 'zod-without-tools',
  setup(build) {
    build.onLoad({ filter: zodTools }, async (args) => {
      const names = Object.keys(await import(pathToFileURL(args.path).href));
      const message = `zod: ${path.basename(args.path)} is left out of this bundle (scripts/zod-without-locales.mjs)`;
      return {
        contents: [
          `const leftOut = () => { throw new Error(${JSON.stringify(message)}); };`,
          ...names.map((name) => `export { leftOut as ${name} };`),
        ].join('\n'),
        loader: 'js',
      };
    });
  },
};
