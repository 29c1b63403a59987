import type { Plugin } from 'esbuild';

/** Leaves zod's message locales out of a bundle (see zod-without-locales.mjs). */
export const zodWithoutLocales: Plugin;
