import { describe, expect, it } from 'vitest';
import { displayText, escapeMarkup } from '../../../electron/core/display-text';

describe('displayText', () => {
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
