/** The oldest Node version `npm run dist` accepts, as [major, minor]. */
export const distNodeMinimum: [number, number];
/** One sentence when this Node is too old to package, or null when it will do. */
export function nodeTooOld(version: string): string | null;
/** electron-builder arguments choosing ad-hoc signing on macOS when no Developer ID is configured. */
export function macSigningArgs(
  platform: NodeJS.Platform,
  env: Record<string, string | undefined>,
): string[];
