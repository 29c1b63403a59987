import type { BuildOptions } from 'esbuild';

/** How main is bundled (see build.mjs). */
export const mainBuildOptions: BuildOptions;
/** Builds the files main's bundle loads its large dependencies from, into `<outdir>/vendor`. */
export function buildMainVendors(outdir: string): Promise<void>;
/** How the preload is bundled (see build.mjs). */
export const preloadBuildOptions: BuildOptions;
/** Builds main, preload and (unless `renderer: false`) the renderer into dist/. */
export function buildAll(options?: { renderer?: boolean }): Promise<void>;
