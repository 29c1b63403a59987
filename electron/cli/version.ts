/** The command's version: set by the build (scripts/build-cli.mjs); "dev" when run from source. */
export const CLI_VERSION: string = process.env.RANCHER_KEYS_BUILD_VERSION ?? 'dev';
