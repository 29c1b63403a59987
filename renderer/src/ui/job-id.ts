/**
 * A random job id: the renderer names a long job (bulk revocation, import) so it can follow its
 * progress events and cancel it.
 */
export function newJobId(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return `job-${[...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}
