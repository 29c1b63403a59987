/** native/credential: the Go module of the kubectl credential helper. */
export const helperSource: string;
/** dist/cli/rancher-keys-credential (rancher-keys-credential.exe on Windows). */
export const helperExecutable: string;
/** The one sentence for a machine without Go. */
export const noGoMessage: string;
/** Whether `go` runs on this machine. */
export function goAvailable(): boolean;
/** The newest modification time (ms) of the helper's sources. */
export function helperSourcesTime(): number;
/** Compiles the helper (for another GOOS/GOARCH when given); resolves to its path. */
export function buildCredentialHelper(
  output?: string,
  target?: { goos?: string; goarch?: string },
): Promise<string>;
