import type { BuildOptions, Plugin } from 'esbuild';

/** The packages main loads from their own files on first use (see lazy-vendor.mjs). */
export const lazyVendorPackages: readonly string[];
/** A package's own file, relative to the bundle that loads it. */
export function vendorFile(name: string): string;
/** An esbuild plugin: each package becomes a facade that loads its own file on first use. */
export function lazyVendor(packages?: readonly string[]): Plugin;
/** Bundles each package into `<outdir>/vendor/<name>.cjs`. */
export function buildVendors(
  outdir: string,
  options: BuildOptions,
  packages?: readonly string[],
): Promise<void>;
/** The CommonJS source of a module whose exports load `target` on first read (see lazy-vendor.mjs). */
export function lazyFacade(target: string, names: readonly string[], withDefault?: boolean): string;
