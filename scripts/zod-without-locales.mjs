// An esbuild plugin shared by the main bundle (scripts/build.mjs) and the command's
// (scripts/build-cli.mjs).
import path from 'node:path';

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
