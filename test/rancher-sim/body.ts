import type { z } from 'zod';
import { goJsonTypeName } from './errors';
import type { SimRequest } from './http-types';

/** A decoded body, or the message Go's `encoding/json` would have produced. */
export type Decoded<T> = { ok: true; value: T } | { ok: false; message: string };

/** Parses JSON; error texts imitate Go's decoder (`EOF`, `invalid character …`). */
export function parseJson(req: SimRequest): Decoded<unknown> {
  if (req.bodyTooLarge) return { ok: false, message: 'http: request body too large' };
  const text = req.body.toString('utf8');
  if (text.trim() === '') return { ok: false, message: 'EOF' };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    const bad = text.trim()[0] ?? '';
    return {
      ok: false,
      message: /[[{"\d\-tfn]/.test(bad)
        ? 'unexpected EOF'
        : `invalid character '${bad}' looking for beginning of value`,
    };
  }
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let cur = root;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return cur;
}

/**
 * Validates a parsed body with zod and, on failure, words the error as Go's decoder would for the
 * struct `goStruct` (`json: cannot unmarshal string into Go struct field Token.ttl of type int64`),
 * so that clients see Rancher's message rather than zod's.
 */
export function decodeAs<T>(
  raw: unknown,
  schema: z.ZodType<T>,
  goStruct: string,
  goTypes: Record<string, string>,
): Decoded<T> {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return {
      ok: false,
      message: `json: cannot unmarshal ${goJsonTypeName(raw)} into Go value of type ${goStruct}`,
    };
  }
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, value: result.data };
  const issue = result.error.issues[0];
  const path = issue?.path ?? [];
  const field = path.map(String).join('.');
  const value = valueAt(raw, path);
  const goType = goTypes[field] ?? 'string';
  const shown =
    typeof value === 'number' && goType.startsWith('int')
      ? `number ${String(value)}`
      : goJsonTypeName(value);
  return {
    ok: false,
    message: `json: cannot unmarshal ${shown} into Go struct field ${goStruct.split('.').pop() ?? goStruct}.${field} of type ${goType}`,
  };
}
