// Bidi controls (embeddings, overrides, isolates, marks, the Arabic letter mark) reorder what
// follows them: `token-\u202Eevil` reads as another name and a message can reverse our own
// advice. Other C0/C1 controls and line separators break a one-line label.
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const BREAKS = /[\r\n\t\u2028\u2029]+/g;

/** A C0 or C1 control character, or DEL. */
export function isControl(code: number): boolean {
  return code < 0x20 || (code >= 0x7f && code <= 0x9f);
}

/**
 * Server text made safe to show on one line: bidi controls and other control characters become
 * U+FFFD (visible, so the oddity is not hidden), line breaks and tabs a space.
 */
export function displayText(text: string): string {
  const flat = text.replace(BREAKS, ' ').replace(BIDI, '\ufffd');
  let out = '';
  for (const c of flat) out += isControl(c.codePointAt(0) ?? 0) ? '\ufffd' : c;
  return out;
}

/** Text for a body that is markup (Linux notification servers read `<b>`, `&amp;`…). */
export function escapeMarkup(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
