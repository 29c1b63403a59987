/** dist/cli/rancher-keys.cjs. */
export const cliBundle: string;
/** dist/cli/rancher-keys (rancher-keys.exe on Windows). */
export const cliExecutable: string;
export const cliSourceDirs: string[];
/** Bundles the command into one CommonJS file (keytar external); resolves to its path. */
export function bundleCli(outfile?: string): Promise<string>;
/** Builds the Node single executable; resolves to its path. */
export function buildCliExecutable(output?: string): Promise<string>;
