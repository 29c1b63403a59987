/** Debian packages the app's build and tests need. */
export const debianPackages: readonly string[];
/** Debian's kubectl package, installed when no kubectl is on PATH. */
export const kubectlPackage: string;
/** The oldest Node for developing and testing, as [major, minor]. */
export const nodeMinimum: readonly [number, number];
/** Where setup records what `npm ci` installed from. */
export const stampFile: string;
/** What setup has to do about system packages on a machine. */
export function planSystemPackages(machine: {
  platform: NodeJS.Platform;
  hasApt: boolean;
  isRoot: boolean;
  hasSudo: boolean;
  installed: ReadonlySet<string>;
  hasKubectl: boolean;
}):
  | { kind: 'none' }
  | { kind: 'apt'; missing: string[]; command: string[] }
  | { kind: 'manual'; missing: string[]; command: string[] }
  | { kind: 'unsupported' };
/** Whether a Node version is older than [major, minor]. */
export function isOlderThan(version: string, minimum: readonly number[]): boolean;
/** One sentence when this Node is too old for developing and testing, or null. */
export function nodeTooOld(version: string): string | null;
/** True when the module at this URL is the script node was started with. */
export function isMain(moduleUrl: string): boolean;
/** What `npm ci` installed from: lockfile hash and Node ABI. */
export function installStamp(lockfile: string, modules: string): string;
