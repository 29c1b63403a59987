import type { Plugin } from 'esbuild';

/** Leaves zod's message locales out of a bundle (see zod-without-locales.mjs). */
export const zodWithoutLocales: Plugin;
/** zod's compiler and JSON Schema reader as modules whose exports throw (see zod-without-locales.mjs). */
export const zodWithoutTools: Plugin;
