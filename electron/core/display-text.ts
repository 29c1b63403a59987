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
  // The same string back when nothing needs changing: a list of 100,000 keys then shares its
  // names and descriptions with the records instead of holding a copy of each (and is built in
  // a fraction of the time), bench/RESULTS.md Scale.
  if (!needsChange(text)) return text;
  const flat = text.replace(BREAKS, ' ').replace(BIDI, '\ufffd');
  let out = '';
  for (const c of flat) out += isControl(c.codePointAt(0) ?? 0) ? '\ufffd' : c;
  return out;
}

/** Whether `text` holds any character {@link displayText} changes (most text has none). */
function needsChange(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (
      isControl(c) ||
      c === 0x61c ||
      c === 0x200e ||
      c === 0x200f ||
      (c >= 0x202a && c <= 0x202e) ||
      (c >= 0x2066 && c <= 0x2069) ||
      c === 0x2028 ||
      c === 0x2029
    ) {
      return true;
    }
  }
  return false;
}

/** Text for a body that is markup (Linux notification servers read `<b>`, `&amp;`…). */
export function escapeMarkup(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
