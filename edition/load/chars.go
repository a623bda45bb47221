package load

import (
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// charProblem says why the character r may not stand in the manuscript, in
// a Markdown file or a metadata value alike, or returns "" when it may.
// These are the one set of character rules of the source:
//
//   - control characters (C0 and C1) other than tab, line feed and carriage
//     return, which no edition can show (NUL, ESC, BEL …);
//   - the Unicode line and paragraph separators U+2028 and U+2029, which
//     YAML and goldmark would count as line ends;
//   - the byte order mark U+FEFF (as a character, anywhere);
//   - the bidirectional formatting controls (U+061C, U+200E, U+200F,
//     U+202A to U+202E, U+2066 to U+2069), which reorder the text a reader
//     sees without showing themselves;
//   - the noncharacters (U+FDD0 to U+FDEF and the last two code points of
//     every plane), which XML does not allow or which no font has.
//
// A carriage return is reported by the callers, as it is allowed in a
// Markdown file only before a line feed.
func charProblem(r rune) string {
	switch {
	case r < 0x20 && r != '\t' && r != '\n' && r != '\r', r >= 0x7f && r < 0xa0:
		return "control character " + uplus(r) + " is not allowed"
	case r == '\u2028' || r == '\u2029':
		return uplus(r) + " line or paragraph separator is not allowed"
	case r == '\uFEFF':
		return "byte order mark (U+FEFF) is not allowed"
	case r == '\u061C' || r == '\u200E' || r == '\u200F' ||
		r >= '\u202A' && r <= '\u202E' || r >= '\u2066' && r <= '\u2069':
		return "bidirectional control " + uplus(r) + " is not allowed"
	case r >= 0xFDD0 && r <= 0xFDEF, r&0xFFFE == 0xFFFE:
		return "noncharacter " + uplus(r) + " is not allowed"
	}
	return ""
}

// checkChars reports the first invalid UTF-8 byte of f and every character
// charProblem rejects. A lone carriage return is reported too: goldmark
// and YAML would count it as a line end, and positions would no longer
// agree on the line.
func (l *loader) checkChars(f *srcFile) {
	badUTF8 := false
	src := f.src
	for i := 0; i < len(src); {
		// Printable ASCII, tabs and line feeds, most of a manuscript,
		// are allowed without decoding.
		if c := src[i]; c >= ' ' && c < 0x7f || c == '\t' || c == '\n' {
			i++
			continue
		}
		r, size := utf8.DecodeRune(src[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			if !badUTF8 {
				l.errs.Add(f.pos(i), "invalid UTF-8")
				badUTF8 = true
			}
		case r == '\r' && (i+1 == len(src) || src[i+1] != '\n'):
			l.errs.Add(f.pos(i), "carriage return without line feed is not allowed: end lines with LF or CR LF")
		default:
			if msg := charProblem(r); msg != "" {
				l.errs.Add(f.pos(i), msg)
			}
		}
		i += size
	}
}

// checkYAMLEscapes reports the characters that charProblem rejects, and
// carriage returns, written as escapes in the double-quoted scalars of the
// YAML tree under n ("A\x00B", "\e[31m", "\u202E"), at the position of the
// escape. A character typed as itself is reported by checkChars, so every
// character of every metadata value passes the same rules as Markdown.
func (d *metaDecoder) checkYAMLEscapes(n *yaml.Node) {
	if n.Kind == yaml.ScalarNode && n.Style&yaml.DoubleQuotedStyle != 0 {
		d.scanEscapes(n)
	}
	for _, ch := range n.Content {
		d.checkYAMLEscapes(ch)
	}
}

// scanEscapes reads the double-quoted scalar n in the source and reports
// each escape that stands for a character not allowed.
func (d *metaDecoder) scanEscapes(n *yaml.Node) {
	f := d.f
	if n.Line < 1 || n.Line > len(f.lines) {
		return
	}
	off := f.lines[n.Line-1]
	for col := 1; col < n.Column && off < len(f.src) && f.src[off] != '\n'; col++ {
		_, size := utf8.DecodeRune(f.src[off:])
		off += size
	}
	// The node's position may be that of a tag before the quote.
	for off < len(f.src) && f.src[off] != '"' && f.src[off] != '\n' {
		off++
	}
	if off >= len(f.src) || f.src[off] != '"' {
		return
	}
	for i := off + 1; i < len(f.src); i++ {
		switch f.src[i] {
		case '"':
			return
		case '\\':
			if i+1 >= len(f.src) {
				return
			}
			r, size := yamlEscape(f.src[i+1:])
			if r >= 0 {
				msg := charProblem(r)
				if r == '\r' {
					msg = "carriage return (U+000D) is not allowed"
				}
				if msg != "" {
					d.l.errs.Add(f.pos(i), msg+" (written as the escape "+string(f.src[i:i+1+size])+")")
				}
			}
			i += size
		}
	}
}

// yamlEscape decodes the YAML escape whose letter starts e (the text after
// the backslash). It returns the character, or -1 for an escaped line break
// or an escape YAML would have rejected, and the length of the escape
// after the backslash.
func yamlEscape(e []byte) (rune, int) {
	hex := 0
	switch e[0] {
	case '0':
		return 0, 1
	case 'a':
		return 7, 1
	case 'b':
		return 8, 1
	case 't', '\t':
		return 9, 1
	case 'n':
		return 10, 1
	case 'v':
		return 11, 1
	case 'f':
		return 12, 1
	case 'r':
		return 13, 1
	case 'e':
		return 0x1b, 1
	case 'N':
		return 0x85, 1
	case '_':
		return 0xa0, 1
	case 'L':
		return 0x2028, 1
	case 'P':
		return 0x2029, 1
	case 'x':
		hex = 2
	case 'u':
		hex = 4
	case 'U':
		hex = 8
	default:
		return -1, 1
	}
	if len(e) < 1+hex {
		return -1, 1
	}
	var r rune
	for _, c := range e[1 : 1+hex] {
		switch {
		case c >= '0' && c <= '9':
			r = r<<4 | rune(c-'0')
		case c >= 'a' && c <= 'f':
			r = r<<4 | rune(c-'a'+10)
		case c >= 'A' && c <= 'F':
			r = r<<4 | rune(c-'A'+10)
		default:
			return -1, 1
		}
	}
	return r, 1 + hex
}

// uplus formats r as U+XXXX.
func uplus(r rune) string {
	const hex = "0123456789ABCDEF"
	buf := []byte("U+")
	digits := 4
	if r > 0xffff {
		digits = 6
	}
	for i := digits - 1; i >= 0; i-- {
		buf = append(buf, hex[(r>>(4*uint(i)))&0xf])
	}
	return string(buf)
}
