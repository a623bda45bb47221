// Package edition is the format-neutral model of a book: its metadata, the
// translator's preface, one interview or several (each a sequence of turns),
// the colophon (the note on the text) and the numbered notes.
//
// The model knows nothing of Markdown, EPUB or PDF. A loader builds it from
// the source files; typography is applied to it once; renderers read it and
// never change it. It imports only the standard library.
package edition

import (
	"fmt"
	"io"
	"time"
)

// Book is one edition's whole content.
type Book struct {
	// Meta holds the bibliographic facts of the book.
	Meta Metadata
	// Preface is the preface (the translator's, the editor's), if the book
	// has one (Section.Absent).
	Preface Section
	// Interviews are the dialogues themselves, in reading order: one for a
	// book of one interview, several for a volume that collects them (see
	// Collection).
	Interviews []Interview
	// Colophon is the note on the text — its status, its source, its
	// translator — if the book has one.
	Colophon Section
	// NotesTitle is the heading of the notes as the source gives it.
	NotesTitle []Inline
	// Notes are the endnotes, in the order of their first reference, so that
	// Notes[i].Number == i+1.
	Notes []Note
	// Modified is the moment every artifact is stamped with. It comes from
	// SOURCE_DATE_EPOCH when that is set, else from Meta.Modified; never from
	// the clock.
	Modified time.Time
	// Warnings are what the loader found doubtful but not wrong, such as
	// bracketed text that may have been meant as a stage direction; each is
	// an Error with Warning set. They do not stop a build.
	Warnings ErrorList
}

// Collection reports whether the book collects several interviews, each
// then a chapter of its own with its own title, date, place and
// participants.
func (b *Book) Collection() bool { return len(b.Interviews) > 1 }

// Section is a titled run of paragraphs such as the preface or the colophon.
type Section struct {
	// ID is a short stable name ("preface", "colophon") used for file names
	// and anchors.
	ID string
	// Title is the section's heading as the source gives it.
	Title []Inline
	// Paragraphs is the body text.
	Paragraphs []Paragraph
	// Signature is the closing signature line, if any (e.g. the translator's
	// name and year under the preface).
	Signature *Paragraph
}

// Absent reports whether the book leaves the section out: a book needs no
// preface and no note on the text.
func (s *Section) Absent() bool { return s.ID == "" }

// Interview is one dialogue: a title, the event it records and the turns of
// the speakers.
type Interview struct {
	// ID is "interview" in a book of one interview, and "interview-1",
	// "interview-2"… in a collection. It names files and anchors.
	ID string
	// Title is the interview's heading.
	Title []Inline
	// Event is when and where the interview took place and who took part.
	// Its Participants are never empty once loaded: when the metadata names
	// none, they are the speakers of the turns, in the metadata's order.
	Event Event
	// Turns are the speakers' turns in order.
	Turns []Turn
	// Pos is where the interview's heading stands in the source.
	Pos Pos
}

// Turn is one speaker's uninterrupted contribution to the dialogue.
type Turn struct {
	// Speaker is the Key of the Person who speaks.
	Speaker string
	// Direction is a stage direction given with the speaker's name, such as
	// "stands" or "smiling", without parentheses; empty when there is none.
	Direction string
	// Paragraphs are what the speaker says; the first one starts the turn.
	// Paragraphs with Quotation set are a text the speaker reads out or
	// quotes at length (a letter, a resolution), set as a block quotation;
	// consecutive ones form one quotation.
	Paragraphs []Paragraph
	// Pos is where the turn starts in the source.
	Pos Pos
}

// Note is one endnote.
type Note struct {
	// Label is the name the source gives the note ("voks", "dreyfus").
	Label string
	// Number is the note's number, 1-based, in order of first reference.
	Number int
	// Paragraphs are the note's text.
	Paragraphs []Paragraph
	// Pos is where the note is defined.
	Pos Pos
}

// Paragraph is a block of running text.
type Paragraph struct {
	// ID is unique in the book and stable across builds of the same source
	// ("preface-3", "interview-41", "note-2-1"). Locations refer to it.
	ID string
	// Content is the paragraph's inline content.
	Content []Inline
	// Quotation is set on a paragraph of a block quotation within a turn.
	Quotation bool
	// Pos is where the paragraph starts in the source.
	Pos Pos
}

// Location is a point in the model: a paragraph and a character offset in its
// plain text (PlainText), counted in runes. The print renderer reports where
// each printed page begins as a Location, so other editions can mark it.
type Location struct {
	Paragraph string
	Rune      int
}

// Pos is a position in a source file, 1-based. A zero Pos means unknown.
type Pos struct {
	File string
	Line int
	Col  int
}

// String formats p as file:line:col, leaving out what is unknown.
func (p Pos) String() string {
	switch {
	case p.File == "":
		return "-"
	case p.Line == 0:
		return p.File
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// Renderer turns a finished book into one edition's bytes.
type Renderer interface {
	// Render writes the edition of b to w.
	Render(w io.Writer, b *Book) error
}

// PageBreak is where a printed page of the print edition begins, so that
// other editions can mark the print pages.
type PageBreak struct {
	// Folio is the page number as printed ("12", "iv").
	Folio string
	// At is the first character set on the page.
	At Location
}

// Paragraphs returns the paragraphs of the interview in reading order.
func (iv *Interview) Paragraphs() []*Paragraph {
	var out []*Paragraph
	for t := range iv.Turns {
		turn := &iv.Turns[t]
		for i := range turn.Paragraphs {
			out = append(out, &turn.Paragraphs[i])
		}
	}
	return out
}

// Paragraphs returns the paragraphs of the book in reading order: the
// preface (with its signature), every interview's turns' paragraphs, the
// colophon, then the notes. Renderers that need every paragraph use it to visit each once.
func (b *Book) Paragraphs() []*Paragraph {
	var out []*Paragraph
	addSection := func(s *Section) {
		for i := range s.Paragraphs {
			out = append(out, &s.Paragraphs[i])
		}
		if s.Signature != nil {
			out = append(out, s.Signature)
		}
	}
	addSection(&b.Preface)
	for k := range b.Interviews {
		out = append(out, b.Interviews[k].Paragraphs()...)
	}
	addSection(&b.Colophon)
	for n := range b.Notes {
		note := &b.Notes[n]
		for i := range note.Paragraphs {
			out = append(out, &note.Paragraphs[i])
		}
	}
	return out
}
