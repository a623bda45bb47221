package load

import (
	"fmt"
	"strings"

	"edition/edition"
)

// Dump writes b as an indented tree, one node a line: the metadata, then
// each section, turn, paragraph (with its ID and position) and inline node.
// Text is quoted with Go's %q, so that no-break spaces and other invisible
// characters show. It is meant for golden tests and for proofreading the
// model.
func Dump(b *edition.Book) string {
	var d dumper
	m := &b.Meta
	d.line(0, "metadata")
	d.line(1, "slug %q", m.Slug)
	d.line(1, "identifier %q", m.Identifier)
	d.line(1, "version %q", m.Version)
	d.line(1, "language %q original %q", m.Language, m.OriginalLanguage)
	d.line(1, "title %q", m.Title)
	d.line(1, "subtitle %q", m.Subtitle)
	d.line(1, "short title %q", m.ShortTitle)
	for _, p := range m.People {
		d.line(1, "person %q %q file-as %q given %q family %q speaker %q roles %v",
			p.Key, p.Name, p.FileAs, p.Given, p.Family, p.Speaker, p.Roles)
	}
	d.line(1, "interview date %q place %q reviewed %q", m.Interview.Date, m.Interview.Place, m.Interview.Reviewed)
	d.line(1, "translated %q", m.Translated)
	for _, s := range m.Sources {
		d.line(1, "source %q lang %q container %q volume %q url %q", s.Title, s.Lang, s.Container, s.Volume, s.URL)
	}
	d.line(1, "rights %q", m.Rights)
	d.line(1, "description %q", m.Description)
	d.line(1, "subjects %q", m.Subjects)
	d.line(1, "modified %s trim %q", m.Modified.Format("2006-01-02T15:04:05Z07:00"), m.Trim)
	d.line(0, "book modified %s", b.Modified.Format("2006-01-02T15:04:05Z07:00"))

	d.section(&b.Preface)
	for k := range b.Interviews {
		iv := &b.Interviews[k]
		d.line(0, "interview %s", iv.ID)
		d.inlines(1, "title", iv.Title)
		if b.Collection() {
			d.line(1, "date %q place %q reviewed %q participants %q", iv.Event.Date, iv.Event.Place, iv.Event.Reviewed, iv.Event.Participants)
		}
		for _, t := range iv.Turns {
			d.line(1, "turn %s direction %q @%s", t.Speaker, t.Direction, t.Pos)
			for i := range t.Paragraphs {
				d.paragraph(2, &t.Paragraphs[i])
			}
		}
	}
	d.section(&b.Colophon)
	d.line(0, "notes")
	d.inlines(1, "title", b.NotesTitle)
	for _, n := range b.Notes {
		d.line(1, "note %d [^%s] @%s", n.Number, n.Label, n.Pos)
		for i := range n.Paragraphs {
			d.paragraph(2, &n.Paragraphs[i])
		}
	}
	return d.String()
}

type dumper struct{ strings.Builder }

func (d *dumper) line(depth int, format string, args ...any) {
	d.WriteString(strings.Repeat("  ", depth))
	fmt.Fprintf(d, format, args...)
	d.WriteByte('\n')
}

func (d *dumper) section(s *edition.Section) {
	d.line(0, "section %s", s.ID)
	d.inlines(1, "title", s.Title)
	for i := range s.Paragraphs {
		d.paragraph(1, &s.Paragraphs[i])
	}
	if s.Signature != nil {
		d.line(1, "signature")
		d.paragraph(2, s.Signature)
	}
}

func (d *dumper) paragraph(depth int, p *edition.Paragraph) {
	kind := "p"
	if p.Quotation {
		kind = "quotation p"
	}
	d.inlines(depth, fmt.Sprintf("%s %s @%s", kind, p.ID, p.Pos), p.Content)
}

func (d *dumper) inlines(depth int, head string, content []edition.Inline) {
	d.line(depth, "%s", head)
	for _, in := range content {
		switch n := in.(type) {
		case *edition.Text:
			d.line(depth+1, "%q", n.Text)
		case *edition.Emphasis:
			d.inlines(depth+1, "emphasis", n.Content)
		case *edition.Quoted:
			kind := "double"
			if n.Kind == edition.SingleQuote {
				kind = "single"
			}
			d.inlines(depth+1, "quoted "+kind, n.Content)
		case *edition.Foreign:
			d.inlines(depth+1, "foreign "+n.Lang, n.Content)
		case *edition.Link:
			d.inlines(depth+1, "link "+n.URL, n.Content)
		case *edition.NoteRef:
			d.line(depth+1, "noteref %d [^%s] @%s", n.Number, n.Label, n.Pos)
		case *edition.Direction:
			d.inlines(depth+1, fmt.Sprintf("direction @%s", n.Pos), n.Content)
		default:
			d.line(depth+1, "%T", in)
		}
	}
}
