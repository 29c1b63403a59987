import type { KeyView } from '../../../electron/contract/keys';

/** The longest description used as a key's name in labels and messages. */
const MAX_NAME = 60;

/**
 * A key's short name for buttons' accessible names, dialog titles and toasts: its description,
 * cut to a readable length (a server may send thousands of characters), or its access key.
 */
export function keyName(key: Pick<KeyView, 'id' | 'description'>): string {
  const text = key.description.trim();
  if (!text) return key.id;
  const chars = [...text];
  return chars.length > MAX_NAME ? `${chars.slice(0, MAX_NAME - 1).join('')}…` : text;
}
