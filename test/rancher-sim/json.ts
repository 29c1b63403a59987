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
  // Fast path: most bodies hold none of these; a regex callback per match is slow on big bodies.
  if (!/[<>&\u2028\u2029]/.test(json)) return json;
  let out = json;
  for (const [c, esc] of Object.entries(GO_ESCAPES)) out = out.replaceAll(c, esc);
  return out;
}

/**
 * Returns `value` with every object's keys in sorted order. Objects already sorted (renderers build
 * most of them that way) are reused as they are, so the native `JSON.stringify` does the work.
 */
function sortedDeep(value: Json | undefined): Json | undefined {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const arr = value as readonly Json[];
    let copy: Json[] | undefined;
    for (let i = 0; i < arr.length; i++) {
      const item = arr[i] as Json;
      const s = sortedDeep(item) as Json;
      if (s !== item) {
        copy ??= arr.slice();
        copy[i] = s;
      }
    }
    return copy ?? arr;
  }
  const obj = value as { readonly [key: string]: Json | undefined };
  const keys = Object.keys(obj);
  let sorted = true;
  for (let i = 1; i < keys.length; i++) {
    if ((keys[i - 1] as string) > (keys[i] as string)) {
      sorted = false;
      break;
    }
  }
  let out: Record<string, Json | undefined> | undefined;
  if (!sorted) {
    out = {};
    for (const k of [...keys].sort()) out[k] = obj[k];
  }
  for (const k of keys) {
    const v = obj[k];
    const s = sortedDeep(v);
    if (s !== v) {
      out ??= { ...obj };
      out[k] = s;
    }
  }
  return out ?? obj;
}

/**
 * Encodes like Norman's `json.Encoder` over Go maps: keys sorted, `<>&` escaped, trailing newline.
 */
export function goMapJson(value: Json): string {
  return escapeGo(JSON.stringify(sortedDeep(value))) + '\n';
}

/** Encodes like Go over structs: declaration (insertion) order, `<>&` escaped, trailing newline. */
export function goStructJson(value: Json): string {
  return escapeGo(JSON.stringify(value)) + '\n';
}
