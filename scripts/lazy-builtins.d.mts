import type { Plugin } from 'esbuild';

/** Node's builtins main loads on first use (see lazy-builtins.mjs). */
export const lazyBuiltinModules: readonly string[];
/** An esbuild plugin: each builtin (as `node:name`) becomes a facade that loads it on first use. */
export function lazyBuiltins(modules?: readonly string[]): Plugin;
