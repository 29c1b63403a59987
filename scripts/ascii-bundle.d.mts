import type { Plugin } from 'esbuild';

/** Makes a bundle's JavaScript output ASCII only (see ascii-bundle.mjs). */
export const asciiBundle: Plugin;
