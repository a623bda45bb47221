// Package typography applies the book's character typography to the model,
// once, for every edition: curly quotation marks and apostrophes, em and en
// dashes with one spacing convention, ellipses, no-break spaces where a line
// must not break, and single spaces. Matched quotation marks become
// *edition.Quoted nodes, so that each renderer writes the marks itself.
//
// The rules are those of source/README.md ("Characters"). Apply is
// idempotent: applying it to its own output changes nothing. It writes real
// characters only, never HTML entities, and it never touches a URL or the
// text of a link that shows its own URL.
package typography

import (
	"strings"
	"unicode"

	"edition/edition"
	"edition/internal/parallel"
)

// Apply rewrites the inline content of b in place: section and interview
// titles, paragraphs, signatures, the turns' paragraphs and stage
// directions, the notes, and the metadata strings that editions print
// (title, subtitle, short title, description, rights and the sources'
// titles and containers). Names of people and speaker labels are left as
// they are, since the source refers to them by exact spelling.
//
// Paragraphs are independent of one another, so they are done on every
// core: a long interview's typography is on the path of every command.
func Apply(b *edition.Book) {
	m := &b.Meta
	m.Title = String(m.Title)
	m.Subtitle = String(m.Subtitle)
	m.ShortTitle = String(m.ShortTitle)
	m.Description = String(m.Description)
	m.Rights = String(m.Rights)
	for i := range m.Sources {
		m.Sources[i].Title = String(m.Sources[i].Title)
		m.Sources[i].Container = String(m.Sources[i].Container)
	}

	var w work
	w.section(&b.Preface)
	for k := range b.Interviews {
		iv := &b.Interviews[k]
		w.inlines(&iv.Title)
		for t := range iv.Turns {
			turn := &iv.Turns[t]
			turn.Direction = String(turn.Direction)
			w.paragraphs(turn.Paragraphs)
		}
	}
	w.section(&b.Colophon)
	for n := range b.Notes {
		w.paragraphs(b.Notes[n].Paragraphs)
	}
	w.run()
}

// work is the inline lists of a book to apply the typography to, each
// on its own.
type work []*[]edition.Inline

func (w *work) inlines(content *[]edition.Inline) { *w = append(*w, content) }

func (w *work) section(s *edition.Section) {
	w.inlines(&s.Title)
	w.paragraphs(s.Paragraphs)
	if s.Signature != nil {
		w.inlines(&s.Signature.Content)
	}
}

func (w *work) paragraphs(ps []edition.Paragraph) {
	for i := range ps {
		w.inlines(&ps[i].Content)
	}
}

// run applies Inlines to every list of w, on as many goroutines as there
// are cores, each taking the next list not yet taken. Each list's Text
// nodes are its own, so the result does not depend on the order.
func (w work) run() {
	parallel.Each(len(w), func() func(int) {
		var f flattener
		return func(k int) { *w[k] = f.inlines(*w[k]) }
	})
}

// Inlines applies the typography to one paragraph's inline content and
// returns the new content. The Text nodes of content are changed in place;
// Text nodes that end up empty are dropped, and Text nodes holding a matched
// pair of quotation marks are split around a new *edition.Quoted. A
// quotation is recognised only when both its marks lie in the same inline
// list.
func Inlines(content []edition.Inline) []edition.Inline {
	var f flattener
	return f.inlines(content)
}

// inlines is Inlines with the memory of f.
func (f *flattener) inlines(content []edition.Inline) []edition.Inline {
	f.apply(content)
	return structure(content)
}

// String applies the character typography to a plain string, such as a
// metadata field: the same characters as in a paragraph, but no structure.
func String(s string) string {
	if s == "" {
		return s
	}
	t := &edition.Text{Text: s}
	var f flattener
	f.apply([]edition.Inline{t})
	return t.Text
}

// isURLLink reports whether l shows its own URL (a bare or angle-bracket
// URL in the source). Such a link is left exactly as it is.
func isURLLink(l *edition.Link) bool {
	if l.URL == "" || len(l.Content) != 1 {
		return false
	}
	t, ok := l.Content[0].(*edition.Text)
	if !ok {
		return false
	}
	s := t.Text
	switch {
	case s == "" || strings.ContainsFunc(s, unicode.IsSpace):
		return false
	case s == l.URL, "mailto:"+s == l.URL:
		return true
	}
	return strings.Contains(s, "://") || strings.HasPrefix(s, "www.")
}

// entities are the HTML entities a Markdown typographer (goldmark's among
// them) writes as text. They are turned back into characters so that none
// reaches an edition.
var entities = strings.NewReplacer(
	"&lsquo;", "‘", "&rsquo;", "’",
	"&ldquo;", "“", "&rdquo;", "”",
	"&ndash;", "–", "&mdash;", "—",
	"&hellip;", "…",
	"&laquo;", "«", "&raquo;", "»",
)

func decodeEntities(s string) string {
	if !strings.Contains(s, "&") {
		return s
	}
	return entities.Replace(s)
}
