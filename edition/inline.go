package edition

import "strings"

// Inline is a piece of running text, kept by what it means rather than by how
// it looks. The concrete kinds are Text, Emphasis, Quoted, Foreign, Link,
// NoteRef and Direction.
type Inline interface {
	inline()
}

// Text is a run of characters. After typography it holds the final
// characters of every edition: curly quotes and apostrophes, dashes,
// ellipses and no-break spaces (U+00A0) where a line must not break.
type Text struct {
	Text string
	// Pos is where the run starts in the source.
	Pos Pos
}

// Emphasis is text set apart, such as the title of a book or a stressed word.
// Renderers show it in italics.
type Emphasis struct {
	Content []Inline
}

// QuoteKind tells a primary quotation from a quotation inside one.
type QuoteKind int

const (
	// DoubleQuote is a primary quotation: “…”.
	DoubleQuote QuoteKind = iota
	// SingleQuote is a quotation inside a quotation, or a title quoted so:
	// ‘…’.
	SingleQuote
)

// Quoted is a quotation. The quotation marks are not part of Content: each
// renderer writes them (see Quoted.Marks).
type Quoted struct {
	Kind    QuoteKind
	Content []Inline
}

// Marks returns the opening and closing quotation marks for q in English.
func (q *Quoted) Marks() (open, close string) {
	if q.Kind == SingleQuote {
		return "‘", "’"
	}
	return "“", "”"
}

// Foreign is text in another language than the book's, such as a French
// title. Lang is a BCP 47 tag ("fr").
type Foreign struct {
	Lang    string
	Content []Inline
}

// Link is a hyperlink. For a bare URL in the text, Content is the URL itself
// as a single Text, untouched by typography.
type Link struct {
	URL     string
	Content []Inline
}

// NoteRef is the mark of a note in the text.
type NoteRef struct {
	// Label is the note's name in the source.
	Label string
	// Number is the note's number (Book.Notes[Number-1]).
	Number int
	// Pos is where the mark stands in the source.
	Pos Pos
}

// Direction is a stage direction within a speaker's turn ("laughs",
// "reads"): not spoken, set apart from the speech. Like Quoted, its
// parentheses are not part of Content: each renderer writes them (see
// Direction.Marks).
type Direction struct {
	Content []Inline
	// Pos is where the direction stands in the source.
	Pos Pos
}

// Marks returns the parentheses that enclose a direction in every edition.
func (*Direction) Marks() (open, close string) { return "(", ")" }

func (*Direction) inline() {}
func (*Text) inline()      {}
func (*Emphasis) inline()  {}
func (*Quoted) inline()    {}
func (*Foreign) inline()   {}
func (*Link) inline()      {}
func (*NoteRef) inline()   {}

// Children returns the inline content nested in in, or nil for a leaf (Text,
// NoteRef).
func Children(in Inline) []Inline {
	switch n := in.(type) {
	case *Emphasis:
		return n.Content
	case *Quoted:
		return n.Content
	case *Foreign:
		return n.Content
	case *Link:
		return n.Content
	case *Direction:
		return n.Content
	}
	return nil
}

// Walk calls fn for every inline in content, depth first, parents before
// their children. If fn returns false, Walk does not descend into that
// inline's children.
func Walk(content []Inline, fn func(Inline) bool) {
	for _, in := range content {
		if fn(in) {
			Walk(Children(in), fn)
		}
	}
}

// PlainText returns content as plain characters: the text itself, quotation
// marks and a direction's parentheses written out, links as their text. Note references take no characters.
// Location offsets count runes of this string.
func PlainText(content []Inline) string {
	var b strings.Builder
	writePlain(&b, content)
	return b.String()
}

func writePlain(b *strings.Builder, content []Inline) {
	for _, in := range content {
		switch n := in.(type) {
		case *Text:
			b.WriteString(n.Text)
		case *Quoted:
			open, close := n.Marks()
			b.WriteString(open)
			writePlain(b, n.Content)
			b.WriteString(close)
		case *Direction:
			open, close := n.Marks()
			b.WriteString(open)
			writePlain(b, n.Content)
			b.WriteString(close)
		case *NoteRef:
			// A note mark takes no characters of the running text.
		default:
			writePlain(b, Children(in))
		}
	}
}
