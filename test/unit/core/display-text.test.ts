import { describe, expect, it } from 'vitest';
import { displayText, escapeMarkup } from '../../../electron/core/display-text';

describe('displayText', () => {
  it('gives back the very same string when nothing in it needs changing', () => {
    const name = ['token', 'abc12', 'ünïcödé', '東京'].join('-');
    expect(displayText(name)).toBe(name);
    // Every character below U+3000 outside the changed sets passes untouched, one by one.
    for (let code = 0; code < 0x3000; code++) {
      const c = String.fromCodePoint(code);
      const changed =
        code < 0x20 ||
        (code >= 0x7f && code <= 0x9f) ||
        [0x61c, 0x200e, 0x200f, 0x2028, 0x2029].includes(code) ||
        (code >= 0x202a && code <= 0x202e) ||
        (code >= 0x2066 && code <= 0x2069);
      expect(displayText(`a${c}b`) !== `a${c}b`, `U+${code.toString(16)}`).toBe(changed);
    }
  });

  it('turns every bidi control into a visible replacement character', () => {
    for (const c of [
      '\u202a',
      '\u202b',
      '\u202c',
      '\u202d',
      '\u202e',
      '\u2066',
      '\u2067',
      '\u2068',
      '\u2069',
      '\u200e',
      '\u200f',
      '\u061c',
    ]) {
      expect(displayText(`token-${c}evil`)).toBe('token-\ufffdevil');
    }
  });

  it('replaces other controls and flattens line breaks, keeping ordinary text', () => {
    expect(displayText('a\u0000b\u001b[31mc\u0085d')).toBe('a\ufffdb\ufffd[31mc\ufffdd');
    expect(displayText('one\r\ntwo\tthree\u2028four')).toBe('one two three four');
    expect(displayText('Prod — café ✓ 𝕏 <b>&')).toBe('Prod — café ✓ 𝕏 <b>&');
  });
});

describe('escapeMarkup', () => {
  it('escapes what a markup body would read as tags or entities', () => {
    expect(escapeMarkup('<b>x</b> & <a href="y">')).toBe(
      '&lt;b&gt;x&lt;/b&gt; &amp; &lt;a href="y"&gt;',
    );
  });
});
