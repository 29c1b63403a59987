import { displayText } from '../display-text';

/** One attribute of a certificate subject or issuer, e.g. `{ name: 'O', value: 'DigiCert Inc' }`. */
export interface DnField {
  name: string;
  value: string;
}

// RFC 4514 escapes of one character; `\HH` hex escapes (controls, per OpenSSL) stay as written.
const SPECIAL = new Set([',', '+', '"', '\\', '<', '>', ';', '=', '#', ' ']);

/** Splits `text` at `separator` where it is not escaped by a backslash. */
function splitUnescaped(text: string, separator: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i += 1) {
    if (text[i] === '\\' && i + 1 < text.length) {
      current += text.slice(i, i + 2);
      i += 1;
    } else if (text.startsWith(separator, i)) {
      parts.push(current);
      current = '';
      i += separator.length - 1;
    } else {
      current += text[i];
    }
  }
  parts.push(current);
  return parts;
}

function unescape(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i += 1) {
    const next = value[i + 1];
    if (value[i] === '\\' && next !== undefined && SPECIAL.has(next)) {
      out += next;
      i += 1;
    } else {
      out += value[i];
    }
  }
  return out;
}

/**
 * The fields of a distinguished name as Node's `X509Certificate#subject`/`#issuer` prints it: one
 * RDN per line, multi-valued RDNs joined by ` + `, special characters backslash-escaped (RFC 4514).
 * So `O=Evil\, O=DigiCert Inc` is ONE field whose value is `Evil, O=DigiCert Inc`. Values are
 * neutralised for display (bidi and control characters).
 */
export function parseDistinguishedName(text: string): DnField[] {
  const fields: DnField[] = [];
  for (const rdn of text.split('\n')) {
    if (!rdn) continue;
    for (const ava of splitUnescaped(rdn, ' + ')) {
      const eq = ava.indexOf('=');
      if (eq <= 0) {
        fields.push({ name: '', value: displayText(unescape(ava)) });
        continue;
      }
      fields.push({
        name: displayText(ava.slice(0, eq)),
        value: displayText(unescape(ava.slice(eq + 1))),
      });
    }
  }
  return fields;
}

/** A distinguished name on one line, for places with room for one string. */
export function formatDistinguishedName(fields: readonly DnField[]): string {
  return fields.map((f) => (f.name ? `${f.name}=${f.value}` : f.value)).join(', ');
}
