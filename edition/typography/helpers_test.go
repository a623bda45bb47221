package typography

import (
	"strings"

	"edition/edition"
)

// parse builds inline content from a small test notation:
//
//	*…*        Emphasis
//	{fr:…}     Foreign in the language before the colon
//	[^label]   NoteRef
//	<url>      Link showing its own URL
//	(=url=…)   Link to url with the text …
//	|          a boundary between two Text nodes
//
// Unclosed constructs are closed at the end, and stray closers are text, so
// any string parses (the fuzz target relies on it).
func parse(s string) []edition.Inline {
	p := parser{s: s}
	return p.list("")
}

type parser struct {
	s   string
	i   int
	buf strings.Builder
	out *[]edition.Inline
}

func (p *parser) flush() {
	if p.buf.Len() > 0 {
		*p.out = append(*p.out, &edition.Text{Text: p.buf.String()})
		p.buf.Reset()
	}
}

// list parses until the closer end (or the end of the input).
func (p *parser) list(end string) []edition.Inline {
	var out []edition.Inline
	saved := p.out
	p.out = &out
	defer func() { p.out = saved }()
	for p.i < len(p.s) {
		rest := p.s[p.i:]
		switch {
		case end != "" && strings.HasPrefix(rest, end):
			p.i += len(end)
			p.flush()
			return out
		case rest[0] == '|':
			p.i++
			p.flush()
		case rest[0] == '*':
			p.i++
			p.flush()
			c := p.list("*")
			out = append(out, &edition.Emphasis{Content: c})
		case strings.HasPrefix(rest, "{") && strings.Contains(rest, ":"):
			colon := strings.IndexByte(rest, ':')
			p.i += colon + 1
			p.flush()
			c := p.list("}")
			out = append(out, &edition.Foreign{Lang: rest[1:colon], Content: c})
		case strings.HasPrefix(rest, "(="):
			eq := strings.IndexByte(rest[2:], '=')
			if eq < 0 {
				p.buf.WriteByte(rest[0])
				p.i++
				continue
			}
			p.i += 2 + eq + 1
			p.flush()
			c := p.list(")")
			out = append(out, &edition.Link{URL: rest[2 : 2+eq], Content: c})
		case strings.HasPrefix(rest, "[^") && strings.Contains(rest, "]"):
			close := strings.IndexByte(rest, ']')
			p.flush()
			out = append(out, &edition.NoteRef{Label: rest[2:close]})
			p.i += close + 1
		case rest[0] == '<' && strings.Contains(rest, ">"):
			close := strings.IndexByte(rest, '>')
			url := strings.Map(func(r rune) rune {
				if isSpace(r) {
					return '_'
				}
				return r
			}, rest[1:close])
			p.flush()
			out = append(out, &edition.Link{URL: url, Content: []edition.Inline{&edition.Text{Text: url}}})
			p.i += close + 1
		default:
			p.buf.WriteByte(rest[0])
			p.i++
		}
	}
	p.flush()
	return out
}

// dump writes content in a notation close to parse's, with quotations
// shown as «…» (double) and ‹…› (single) so that they cannot be mistaken
// for quotation marks left as characters.
func dump(content []edition.Inline) string {
	var b strings.Builder
	dumpTo(&b, content)
	return b.String()
}

func dumpTo(b *strings.Builder, content []edition.Inline) {
	prevText := false
	for _, in := range content {
		_, isText := in.(*edition.Text)
		if isText && prevText {
			b.WriteByte('|')
		}
		prevText = isText
		switch n := in.(type) {
		case *edition.Text:
			b.WriteString(n.Text)
		case *edition.Emphasis:
			b.WriteByte('*')
			dumpTo(b, n.Content)
			b.WriteByte('*')
		case *edition.Quoted:
			if n.Kind == edition.SingleQuote {
				b.WriteString("‹")
				dumpTo(b, n.Content)
				b.WriteString("›")
			} else {
				b.WriteString("«")
				dumpTo(b, n.Content)
				b.WriteString("»")
			}
		case *edition.Foreign:
			b.WriteString("{" + n.Lang + ":")
			dumpTo(b, n.Content)
			b.WriteString("}")
		case *edition.Link:
			if isURLLink(n) {
				b.WriteString("<" + n.URL + ">")
			} else {
				b.WriteString("(=" + n.URL + "=")
				dumpTo(b, n.Content)
				b.WriteString(")")
			}
		case *edition.NoteRef:
			b.WriteString("[^" + n.Label + "]")
		}
	}
}
