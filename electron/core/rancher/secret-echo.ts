/**
 * Redaction by value: the secrets a request carried (bearer, its secret part, a password, the
 * `user:password` pair) in every encoding a server could echo them back in. Pattern redaction
 * (log.ts) only knows shapes; a server repeating a bare secret or a password passes it.
 */

/** Below this length a value cannot be told apart from ordinary words: its echo is not shown. */
const MIN_REDACTABLE = 4;

function encodings(value: string): string[] {
  const bytes = Buffer.from(value, 'utf8');
  const base64 = bytes.toString('base64');
  const base64url = bytes.toString('base64url');
  const uri = encodeURIComponent(value);
  return [
    value,
    base64,
    base64.replace(/=+$/, ''),
    base64url,
    `${base64url}${'='.repeat((4 - (base64url.length % 4)) % 4)}`,
    uri,
    uri.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase()),
    new URLSearchParams({ v: value }).toString().slice(2),
  ];
}

/**
 * `text` with every encoding of every value replaced by `[redacted]`, or null when a value is too
 * short to redact safely (the caller then shows nothing the server said).
 */
export function redactValues(text: string, values: readonly string[]): string | null {
  const present = values.filter((v) => v.length > 0);
  if (present.some((v) => v.length < MIN_REDACTABLE)) return null;
  const forms = [...new Set(present.flatMap(encodings))].sort((a, b) => b.length - a.length);
  let out = text;
  for (const form of forms) out = out.split(form).join('[redacted]');
  return out;
}

/** The values a request with this bearer carries: the bearer and its secret part. */
export function bearerValues(bearer: string | null | undefined): string[] {
  if (!bearer) return [];
  return [bearer, bearer.slice(bearer.lastIndexOf(':') + 1)];
}
