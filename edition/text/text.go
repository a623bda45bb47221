// Package text renders the plain-text edition: UTF-8, wrapped at a readable
// width, with a title block, the preface, the interview with its speakers
// marked, the note on the text, the numbered notes and how to cite the
// edition. It is also the proofreading copy of the book.
package text

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"edition/edition"
	"edition/edition/cite"
)

// Renderer writes the plain-text edition.
type Renderer struct {
	// Width is the measure in characters; 0 means 72.
	Width int
}

var _ edition.Renderer = (*Renderer)(nil)

// Render writes the text edition of b to w.
func (r *Renderer) Render(w io.Writer, b *edition.Book) error {
	width := r.Width
	if width <= 0 {
		width = 72
	}
	bw := bufio.NewWriter(w)
	t := &writer{w: bw, width: width}
	t.titleBlock(b)
	if !b.Preface.Absent() {
		t.section(b.Preface.Title, b.Preface.Paragraphs)
		if s := b.Preface.Signature; s != nil {
			t.right(inlineText(s.Content))
		}
	}
	t.interview(b)
	if !b.Colophon.Absent() {
		t.section(b.Colophon.Title, b.Colophon.Paragraphs)
	}
	t.notes(b)
	t.heading("How to cite this edition")
	t.wrap("", cite.Of(b).Text())
	if t.err != nil {
		return fmt.Errorf("render text: %w", t.err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("render text: %w", err)
	}
	return nil
}

// writer wraps and writes lines, keeping the first write error.
type writer struct {
	w     *bufio.Writer
	width int
	err   error
}

func (t *writer) line(s string) {
	if t.err == nil {
		_, t.err = t.w.WriteString(strings.TrimRight(s, " ") + "\n")
	}
}

func (t *writer) blank() { t.line("") }

func (t *writer) centre(s string) {
	pad := (t.width - utf8.RuneCountInString(s)) / 2
	t.line(strings.Repeat(" ", max(pad, 0)) + s)
}

// centreWrapped centres s, broken into lines of at most two thirds of the
// measure so that a long credit reads as a balanced block.
func (t *writer) centreWrapped(s string) {
	var line string
	for _, word := range strings.Fields(s) {
		if line != "" && utf8.RuneCountInString(line)+1+utf8.RuneCountInString(word) > t.width*2/3 {
			t.centre(line)
			line = ""
		}
		if line != "" {
			line += " "
		}
		line += word
	}
	if line != "" {
		t.centre(line)
	}
}

func (t *writer) right(s string) {
	pad := t.width - utf8.RuneCountInString(s)
	t.line(strings.Repeat(" ", max(pad, 0)) + s)
	t.blank()
}

func (t *writer) titleBlock(b *edition.Book) {
	m := &b.Meta
	rule := strings.Repeat("=", t.width)
	t.line(rule)
	t.blank()
	t.centre(strings.ToUpper(m.Title))
	if m.Subtitle != "" {
		t.centre(m.Subtitle)
	}
	t.blank()
	c := cite.Of(b)
	for _, n := range c.Creators {
		t.centre(n.Display + ", " + strings.ToLower(n.RoleSummary()))
	}
	if credit := c.TranslationCredit(); credit != "" {
		t.blank()
		t.centreWrapped(credit)
	}
	// Other contributors with their parts; those who only speak after
	// "with".
	var others []string
	for _, n := range c.Contributors {
		if !n.Has(edition.Translator) && len(n.Roles) > 0 {
			others = append(others, n.Display+", "+strings.ToLower(n.RoleSummary()))
		}
	}
	if with := c.WithLine(); with != "" {
		others = append(others, with)
	}
	if len(others) > 0 {
		t.blank()
		for _, s := range others {
			t.centreWrapped(s)
		}
	}
	var pub []string
	for _, s := range []string{c.EditionStatement, c.SeriesStatement(), c.Imprint()} {
		if s != "" {
			pub = append(pub, s)
		}
	}
	if len(pub) > 0 {
		t.blank()
		for _, s := range pub {
			t.centreWrapped(s)
		}
	}
	t.blank()
	t.centre("Edition " + m.Version)
	if c.ISBN != "" {
		t.centre("ISBN " + c.ISBN)
	}
	if !strings.HasPrefix(m.Identifier, "urn:isbn:") {
		t.centre(m.Identifier)
	}
	t.blank()
	t.line(rule)
	t.blank()
	t.wrap("", m.Rights)
	t.blank()
}

// heading writes a section title underlined, after two blank lines.
func (t *writer) heading(title string) {
	t.blank()
	t.blank()
	t.line(strings.ToUpper(title))
	t.line(strings.Repeat("-", utf8.RuneCountInString(title)))
	t.blank()
}

func (t *writer) section(title []edition.Inline, paras []edition.Paragraph) {
	t.heading(inlineText(title))
	for _, p := range paras {
		t.wrap("", inlineText(p.Content))
		t.blank()
	}
}

// interview writes each interview under its own heading; in a collection,
// the participants, place and date follow the heading. A quotation a
// speaker reads out is indented by four spaces.
func (t *writer) interview(b *edition.Book) {
	for k := range b.Interviews {
		iv := &b.Interviews[k]
		t.heading(inlineText(iv.Title))
		if b.Collection() {
			if line := cite.Chapter(b, iv); line != "" {
				t.wrap("", line)
				t.blank()
			}
		}
		for _, turn := range iv.Turns {
			label := strings.ToUpper(turn.Speaker)
			if p, ok := b.Meta.Person(turn.Speaker); ok {
				label = strings.ToUpper(p.Speaker)
			}
			if turn.Direction != "" {
				label += " (" + turn.Direction + ")"
			}
			for i, p := range turn.Paragraphs {
				prefix := ""
				if i == 0 {
					prefix = label + ": "
				}
				indent := ""
				if p.Quotation {
					indent = quoteIndent
				}
				t.hanging(indent+prefix, indent, inlineText(p.Content))
				t.blank()
			}
		}
	}
}

// quoteIndent sets off a quotation read out within a turn.
const quoteIndent = "    "

func (t *writer) notes(b *edition.Book) {
	if len(b.Notes) == 0 {
		return
	}
	title := inlineText(b.NotesTitle)
	if title == "" {
		title = "Notes"
	}
	t.heading(title)
	for _, n := range b.Notes {
		mark := fmt.Sprintf("[%d]", n.Number)
		indent := strings.Repeat(" ", utf8.RuneCountInString(mark)+1)
		for i, p := range n.Paragraphs {
			text := inlineText(p.Content)
			if i == 0 {
				t.hanging(mark+" ", indent, text)
			} else {
				t.wrap(indent, text)
			}
			t.blank()
		}
	}
}

// wrap writes s filled to the measure, each line starting with indent.
func (t *writer) wrap(indent, s string) { t.hanging(indent, indent, s) }

// hanging writes s filled to the measure, the first line starting with first
// and the others with rest. Lines break only at ordinary spaces, never at
// no-break spaces; a word longer than the measure (a URL) stands alone.
func (t *writer) hanging(first, rest, s string) {
	var line strings.Builder
	line.WriteString(first)
	n := utf8.RuneCountInString(first)
	empty := true
	for _, word := range strings.Split(s, " ") {
		if word == "" {
			continue
		}
		wn := utf8.RuneCountInString(word)
		if !empty && n+1+wn > t.width {
			t.line(line.String())
			line.Reset()
			line.WriteString(rest)
			n = utf8.RuneCountInString(rest)
			empty = true
		}
		if !empty {
			line.WriteByte(' ')
			n++
		}
		line.WriteString(word)
		n += wn
		empty = false
	}
	if !empty {
		t.line(line.String())
	}
}

// inlineText renders inline content as plain text: emphasis between
// underscores, quotations with their marks, note marks as [n], and a link's
// URL after its text when the two differ.
func inlineText(content []edition.Inline) string {
	var b strings.Builder
	writeInline(&b, content)
	return b.String()
}

func writeInline(b *strings.Builder, content []edition.Inline) {
	for _, in := range content {
		switch n := in.(type) {
		case *edition.Text:
			b.WriteString(n.Text)
		case *edition.Emphasis:
			b.WriteByte('_')
			writeInline(b, n.Content)
			b.WriteByte('_')
		case *edition.Quoted:
			open, close := n.Marks()
			b.WriteString(open)
			writeInline(b, n.Content)
			b.WriteString(close)
		case *edition.Direction:
			open, close := n.Marks()
			b.WriteString(open)
			writeInline(b, n.Content)
			b.WriteString(close)
		case *edition.NoteRef:
			fmt.Fprintf(b, "[%d]", n.Number)
		case *edition.Link:
			text := edition.PlainText(n.Content)
			writeInline(b, n.Content)
			if text != n.URL {
				b.WriteString(" <" + n.URL + ">")
			}
		default:
			writeInline(b, edition.Children(in))
		}
	}
}
