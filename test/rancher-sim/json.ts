/** JSON values the encoders accept. `undefined` members are skipped, as Go's `omitempty` would. */
export type Json =
  null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json | undefined };

// Go's encoder escapes these for HTML safety (N:types/encoder.go, rancher-api.md §1.2).
const GO_ESCAPES: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

function escapeGo(json: string): string {
  return json.replace(/[<>&\u2028\u2029]/g, (c) => GO_ESCAPES[c] ?? c);
}

function encodeSorted(value: Json | undefined): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) {
    return '[' + (value as readonly Json[]).map((v) => encodeSorted(v)).join(',') + ']';
  }
  const obj = value as { readonly [key: string]: Json | undefined };
  const keys = Object.keys(obj).sort();
  const parts: string[] = [];
  for (const k of keys) {
    const v = obj[k];
    if (v !== undefined) parts.push(JSON.stringify(k) + ':' + encodeSorted(v));
  }
  return '{' + parts.join(',') + '}';
}

/**
 * Encodes like Norman's `json.Encoder` over Go maps: keys sorted, `<>&` escaped, trailing newline.
 */
export function goMapJson(value: Json): string {
  return escapeGo(encodeSorted(value)) + '\n';
}

/** Encodes like Go over structs: declaration (insertion) order, `<>&` escaped, trailing newline. */
export function goStructJson(value: Json): string {
  return escapeGo(JSON.stringify(value)) + '\n';
}
