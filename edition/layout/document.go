package layout

import (
	"fmt"

	"edition/edition"
	"edition/edition/layout/shape"
)

// Document is the print edition as data: every page with everything on it
// placed, and the logical structure the placed items belong to. A backend
// draws it without deciding anything; tests and other editions read it.
//
// All lengths are PostScript points, measured from the top left corner of
// the page, as in Geometry.
type Document struct {
	// Geometry is the page the document was made for: its trim, margins,
	// type sizes and baseline grid.
	Geometry Geometry
	// Lang is the book's language as a BCP 47 tag ("en" when the metadata
	// names none). An item or element with an empty Lang is in this
	// language.
	Lang string
	// Pages are the printed pages in order, the first being page 1.
	Pages []Page
	// Elements is the structure tree of the text, in reading order: each
	// element names its parent by index, and every parent comes before its
	// children. Items refer to their element by index; see Element.
	Elements []Element
}

// PageKind tells what a page is.
type PageKind uint8

const (
	// FrontMatter pages are the half-title, the title page, the imprint
	// and the contents, made from the metadata.
	FrontMatter PageKind = iota
	// Opening pages carry a section's title.
	Opening
	// Body pages carry text of the model and no section title.
	Body
	// Blank pages carry nothing, not even a folio: the versos left blank
	// in the front matter and before a section's opening.
	Blank
)

func (k PageKind) String() string {
	return [...]string{"front", "opening", "body", "blank"}[k]
}

// Page is one printed page.
type Page struct {
	// Number is the physical page number from 1; odd numbers are rectos.
	Number int
	// Folio is the page number as printed (or as it would be printed): in
	// lowercase roman numerals in the front matter, in arabic figures from
	// the first page of the body.
	Folio string
	// Kind tells what the page is.
	Kind PageKind
	// Outline is the title of the outline (bookmark) entry that points at
	// the top of this page; empty for none. Outline entries are all at the
	// top level.
	Outline string
	// Start is the first character of the model's text set on the page; nil
	// for pages that carry none (the front matter, blank pages).
	Start *edition.Location
	// Items are what the page carries, in drawing order.
	Items []Item
}

// Recto reports whether p is a right-hand page.
func (p *Page) Recto() bool { return p.Number%2 == 1 }

// ItemKind tells what an Item is.
type ItemKind uint8

const (
	// RunItem is a glyph run: text in one face and size at one position.
	RunItem ItemKind = iota
	// RuleItem is a straight line.
	RuleItem
	// LinkItem is a clickable area leading to a destination or a URL.
	LinkItem
	// DestItem is a named destination: a point links may lead to.
	DestItem
)

func (k ItemKind) String() string {
	return [...]string{"run", "rule", "link", "dest"}[k]
}

// Artifact is the element index of items that are not part of the text's
// structure: running heads, folios, the footnote rule (the page's
// furniture), and destinations.
const Artifact = -1

// Item is one thing placed on a page. Kind tells which of Run, Rule, Link
// and Dest holds it; the others are zero (nil). Most items are runs, which
// are held in the item itself; rules, links and destinations, a few a page,
// are held by pointer, to keep a page's items small.
type Item struct {
	Kind ItemKind
	// Role is the item's structure role. For an item of the text it is the
	// role of its element; for an artifact it says what furniture it is.
	Role Role
	// Element is the index in Document.Elements of the innermost structure
	// element the item belongs to, or Artifact.
	Element int
	// Lang is the item's language as a BCP 47 tag when it differs from the
	// document's; empty otherwise.
	Lang string

	Run  Run
	Rule *Rule
	Link *Link
	Dest *Dest
}

// Run is a run of glyphs in one face and size, set from the left end of
// its baseline.
type Run struct {
	// Face is the font of the family the run is set in.
	Face Face
	// Space tells that the text has a word space after the run, which is
	// not drawn: the space before the next run on the line, or the one a
	// line broken at a space ends with.
	Space bool
	// Hyphen marks a hyphen added where a word is broken at the end of a
	// line: it is drawn, but it is not part of the text.
	Hyphen bool
	// Size is the type size in points.
	Size float64
	// HScale is the horizontal scale in percent (PDF's Tz): 100 for glyphs
	// as designed.
	HScale float64
	// Track is extra space after every character, in points (PDF's Tc).
	Track float64
	// X and Y are the left end of the baseline.
	X, Y float64
	// W is the run's advance, tracking included.
	W float64
	// Text is the text the run stands for.
	Text string
	// Glyphs are the shaped glyphs that draw Text, in visual order: with
	// standard ligatures in running text, the font's small capitals for a
	// speaker's name, kerning where the font has it. Track is added after
	// each glyph, and HScale applies to them all, as a PDF's Tc and Tz do.
	// W is the sum of their advances (in thousandths of Size), plus Track
	// after every glyph but the last, times HScale/100.
	Glyphs []Glyph
}

// Glyph is one shaped glyph of a run: which glyph of the face (ID), how
// far it moves the pen (Advance, kerning included, tracking and scaling
// not) and where it is drawn from the pen (XOffset rightwards, YOffset
// upwards: a mark set over its letter), all in thousandths of the run's
// Size, and the text of the cluster it stands for (Text: "fi" for the fi
// ligature, "o" for a small capital o; empty for further glyphs of the
// same cluster). It is package shape's glyph, as shaping made it.
type Glyph = shape.Glyph

// Rule is a straight line from (X1, Y1) to (X2, Y2), Width points thick.
type Rule struct {
	X1, Y1, X2, Y2 float64
	Width          float64
}

// Link is a clickable rectangle, its top left corner at (X, Y): it leads to
// the named destination Dest of this document, or, when Dest is empty, to
// URL.
type Link struct {
	X, Y, W, H float64
	Dest       string
	URL        string
}

// Dest is a named destination: the point of its page at height Y (the top
// of the view when a link leads there).
type Dest struct {
	Name string
	Y    float64
}

// Destination names: a section's opening page is named by the section's ID;
// a note by NoteDest, the (last) mark citing it by MarkDest.
func NoteDest(n int) string { return fmt.Sprintf("note-%d", n) }

// MarkDest is the name of the destination at the mark of note n.
func MarkDest(n int) string { return fmt.Sprintf("noteref-%d", n) }

// Element is a node of the structure tree: a logical part of the text,
// whatever pages and lines it is set on. A paragraph broken over lines and
// pages is one element; its runs all refer to it (or to an element inside
// it, such as a link or a note mark).
type Element struct {
	// Role is what the element is.
	Role Role
	// Parent is the index of the enclosing element, or -1 for an element
	// at the top of the tree.
	Parent int
	// Lang is the element's language as a BCP 47 tag when it differs from
	// the document's; empty otherwise.
	Lang string
	// ID is the model's ID of the element when it has one: a paragraph's
	// or a section's ID (for a heading or an entry of the contents, the
	// section's), a name for the parts of the front matter, or for a link
	// its target. Notes and their marks and labels have Note instead.
	ID string
	// Note is the note's number for NoteRole, NoteLabelRole and
	// NoteRefRole elements; 0 for others.
	Note int
	// Refs lists, for a NoteRole element, the indices of the NoteRefRole
	// elements citing it (its marks), in reading order.
	Refs []int
}

// Role is the structure role of an element or an item: what it is in the
// text, or, for artifacts, what furniture it is.
type Role uint8

const (
	// ArtifactRole is furniture that is none of the below.
	ArtifactRole Role = iota
	// TitleRole is the book's title on the title page.
	TitleRole
	// HeadingRole is a section's title, and the contents' (H1).
	HeadingRole
	// ParagraphRole is a paragraph of text (P): of the body, of a note, of
	// the front matter, or a signature.
	ParagraphRole
	// SpeakerRole is a speaker's name run in at the start of a turn, with
	// the colon after it; inside the turn's first paragraph.
	SpeakerRole
	// DirectionRole is a stage direction, after a speaker's name or within
	// the text of a turn; inside its paragraph.
	DirectionRole
	// NoteRefRole is a note's mark in the text, inside its paragraph.
	NoteRefRole
	// NoteRole is a note: its number and its paragraphs.
	NoteRole
	// NoteLabelRole is a note's number at the head of the note (Lbl).
	NoteLabelRole
	// LinkRole is a link: to a URL, or to a section from the contents.
	LinkRole
	// TOCRole is the contents' list; TOCItemRole one entry of it.
	TOCRole
	// TOCItemRole is an entry of the contents: a section title and its
	// folio, one link.
	TOCItemRole
	// QuotationRole is a block quotation within a turn: its paragraphs,
	// each a ParagraphRole element inside it.
	QuotationRole
	// RunningHeadRole is a running head (an artifact).
	RunningHeadRole
	// FolioRole is a printed page number (an artifact).
	FolioRole
	// NoteRuleRole is the rule above the footnotes (an artifact).
	NoteRuleRole
)

var roleNames = [...]string{"artifact", "title", "heading", "p", "speaker", "direction", "noteref", "note", "notelabel", "link", "toc", "tocitem", "quotation", "runninghead", "folio", "noterule"}

func (r Role) String() string {
	if int(r) < len(roleNames) {
		return roleNames[r]
	}
	return fmt.Sprintf("role(%d)", r)
}

// IsArtifact reports whether items of role r are furniture, outside the
// structure tree.
func (r Role) IsArtifact() bool {
	return r == ArtifactRole || r >= RunningHeadRole
}

// PageBreaks returns, for every printed page that carries text of the
// model, its printed folio and the first character set on it. Pages that
// carry none — the front matter, which the model holds as metadata, and
// blank versos — are left out: there is nothing in the text to mark. A page
// that opens a section begins, as far as the text goes, with the section's
// first paragraph. A page whose body holds only the continuation of a note
// begins with that note's text.
func (d *Document) PageBreaks() []edition.PageBreak {
	var out []edition.PageBreak
	for i := range d.Pages {
		if p := &d.Pages[i]; p.Start != nil {
			out = append(out, edition.PageBreak{Folio: p.Folio, At: *p.Start})
		}
	}
	return out
}
