/**
 * POSIX single-quote escaping: `'…'`, with each `'` written as `'\''`. Inside single quotes no
 * shell (bash, dash, zsh, ksh) expands anything, so the word is exactly the value, whatever it holds.
 * NUL cannot be carried by any shell word, so it is refused rather than silently cut.
 */
export function shellQuote(value: string): string {
  if (value.includes('\0')) throw new Error('a shell word cannot hold NUL');
  return `'${value.replaceAll("'", `'\\''`)}'`;
}
