package main

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// The string helpers below behave as their JavaScript counterparts in electron/cli, so that the
// helper's messages are the TypeScript command's, character for character.

// utf16Len is a JavaScript string's length: zod's max() and the CLI's size checks count UTF-16 units.
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		// Bytes that are not UTF-8 come as U+FFFD: one unit, as Node reads them.
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// printable is electron/cli/args.ts printable(): control and bidi characters as '?', at most max code points.
func printable(text string, max int) string {
	var b strings.Builder
	count := 0
	for _, r := range text {
		if count == max {
			b.WriteString("…")
			return b.String()
		}
		if isControl(r) {
			r = '?'
		}
		b.WriteRune(r)
		count++
	}
	return b.String()
}

// isControl is electron/cli/args.ts isControl(): C0/C1 controls and the bidi controls that
// reorder a line (ALM, LRM, RLM, LRE..RLO, LRI..PDI).
func isControl(r rune) bool {
	return r < 0x20 || (r >= 0x7f && r <= 0x9f) || r == 0x061c || r == 0x200e || r == 0x200f ||
		(r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069)
}

// isJsSpace is what String.prototype.trim() removes (WhiteSpace and LineTerminator).
func isJsSpace(r rune) bool {
	switch r {
	case '\t', '\n', '\v', '\f', '\r', ' ', 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff:
		return true
	}
	return r >= 0x2000 && r <= 0x200a
}

func jsTrim(s string) string { return strings.TrimFunc(s, isJsSpace) }

// jsonQuote is JSON.stringify for a string: no HTML escaping, U+2028/2029 kept as they are.
func jsonQuote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\b':
			b.WriteString(`\b`)
		case '\f':
			b.WriteString(`\f`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		default:
			if r < 0x20 {
				b.WriteString(`\u00`)
				if r < 0x10 {
					b.WriteByte('0')
				}
				b.WriteString(strconv.FormatInt(int64(r), 16))
			} else {
				b.WriteRune(r) // an invalid byte is written as U+FFFD, as Node decodes it
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}
