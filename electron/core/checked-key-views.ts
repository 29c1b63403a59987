import { keysListOutputSchema, keyViewSchema, type KeyView } from '../contract/keys';

/**
 * The dispatcher's output check of `keys:list`, done once per key view rather than on every list.
 *
 * The core reuses a view object until its record changes (keys/key-view-cache.ts), so the same
 * 1,000 views went through `keyViewSchema` on every `keys:list` (each refresh makes the window list
 * again). A view that passes the schema and carries no field beyond it is frozen (with its labels)
 * and remembered by identity: it cannot change afterwards, so it needs no second check. Anything
 * else (an unknown field, a view not seen before) gets the full parse, which strips what the
 * contract does not declare, exactly as before.
 */
const checked = new WeakSet<object>();
const declared = new Set(Object.keys(keyViewSchema.shape));
const envelopeSchema = keysListOutputSchema.omit({ keys: true });

function onlyDeclaredFields(value: object): boolean {
  for (const field in value) if (!declared.has(field)) return false;
  return true;
}

/** `value` as the contract's KeyView, checked (or known to be checked already). */
function checkedKeyView(value: unknown): KeyView {
  if (typeof value === 'object' && value !== null && checked.has(value)) return value as KeyView;
  const parsed = keyViewSchema.parse(value);
  const view = value as KeyView;
  if (!onlyDeclaredFields(view)) return parsed;
  Object.freeze(view.labels);
  Object.freeze(view);
  checked.add(view);
  return view;
}

/** `keys:list`'s output check: the envelope by its schema, each view by {@link checkedKeyView}. */
export function checkKeysListOutput(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return keysListOutputSchema.parse(value);
  const { keys, ...envelope } = value as { keys?: unknown };
  if (!Array.isArray(keys)) return keysListOutputSchema.parse(value);
  return { ...envelopeSchema.parse(envelope), keys: keys.map(checkedKeyView) };
}
