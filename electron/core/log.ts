/** A structured logger. Core code logs through this only, so that redaction cannot be bypassed. */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

// Rancher secrets are 54 characters from this alphabet (rancher-api.md §2.2); also redact any
// `name:secret` pair and Authorization / Cookie header values, whatever their shape.
const patterns: RegExp[] = [
  /\b((?:ext\/)?[a-z0-9][a-z0-9.-]*):[bcdfghjklmnpqrstvwxz2456789]{20,}\b/g,
  /\b(authorization|cookie|set-cookie|x-api-csrf)(["']?\s*[:=]\s*["']?)[^"'\n,}]+/gi,
  /\b(bearer|basic)\s+[A-Za-z0-9._~+/:=-]+/gi,
  /(R_SESS=)[^;\s"']+/g,
  // A JWT (an id_token from single sign-on): header and payload are base64url JSON, `eyJ…`.
  /\beyJ[A-Za-z0-9_-]{4,}\.eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g,
];

/** Removes anything that looks like a credential from a string. */
export function redact(text: string): string {
  return text
    .replace(patterns[0]!, '$1:[redacted]')
    .replace(patterns[1]!, '$1$2[redacted]')
    .replace(patterns[2]!, '$1 [redacted]')
    .replace(patterns[3]!, '$1[redacted]')
    .replace(patterns[4]!, '[redacted-jwt]');
}

function serialise(message: string, fields?: Record<string, unknown>): string {
  if (!fields) return redact(message);
  let rest: string;
  try {
    rest = JSON.stringify(fields);
  } catch {
    rest = '[unserialisable fields]';
  }
  return redact(`${message} ${rest}`);
}

/** A logger writing redacted lines to a sink (stderr by default). */
export function createLogger(
  sink: (line: string) => void = (l) => process.stderr.write(`${l}\n`),
): Logger {
  const write = (level: string, message: string, fields?: Record<string, unknown>) =>
    sink(`${new Date().toISOString()} ${level} ${serialise(message, fields)}`);
  return {
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
  };
}

/** A logger that keeps lines in memory, for tests that assert what was (not) logged. */
export function createMemoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return Object.assign(
    createLogger((l) => lines.push(l)),
    { lines },
  );
}
