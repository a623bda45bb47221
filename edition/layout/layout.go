package layout

import (
	"slices"
	"strconv"
	"strings"

	"edition/edition"
	"edition/edition/cite"
	"edition/edition/linebreak"
)

// pageKind tells what a page is while it is made up; Document's pages have
// a PageKind.
type pageKind uint8

const (
	pageBlank pageKind = iota
	pageHalfTitle
	pageTitle
	pageImprint
	pageContents
	pageOpening // a section's first page
	pageBody
)

// placed is a line set at its place on the page.
type placed struct {
	x, y float64 // left end of the baseline
	line line
	// note is the note whose first line this is (its link target).
	note int
	// idx and count place a body line in its paragraph; turnStart marks
	// the first line of a speaker's turn.
	idx, count int
	turnStart  bool
	// role is the structure role of the element the line belongs to, key
	// names that element (lines of one key are one element); zero values
	// mean a paragraph named by the line's paragraph ID.
	role Role
	key  string
	// inNote is the number of the note a footnote line belongs to.
	inNote int
	// quote is the ID of the first paragraph of the block quotation a
	// body line belongs to; empty outside quotations.
	quote string
}

// page is one printed page while it is laid out.
type page struct {
	number int // physical page number, 1-based; odd numbers are recto
	folio  string
	kind   pageKind
	// head is the running head; empty for none.
	head string
	// headFolio prints the folio in the head line, dropFolio at the foot.
	headFolio, dropFolio bool
	lines                []placed
	notes                []placed
	ruleY                float64 // the footnote rule's position; 0 for none
	// bookmark is the section opening on this page, for the outline.
	bookmark string
	// start is the first character of the model set on the page.
	start *edition.Location
}

// recto reports whether p is a right-hand page.
func (p *page) recto() bool { return p.number%2 == 1 }

// pageSet is the print edition while it is laid out: every line broken and
// every page made up, in the form make-up works on. Document turns it into
// the page model.
type pageSet struct {
	g     Geometry
	m     [4]*Metrics
	book  *edition.Book
	cite  cite.Citation
	pages []*page
	secs  []section
	// opening maps a section's ID to the physical page it opens on.
	opening map[string]int
	// markAt maps a note number to the page and baseline of its mark.
	markAt map[int][2]float64
	// noteAt maps a note number to the page and baseline of its first line.
	noteAt map[int][2]float64
	// toc is the contents, set before the pages are made (see contents).
	toc contents
}

// FrontPages is the number of front-matter pages before the body when the
// contents fit on one page: half-title, its blank verso, title, imprint,
// contents and the contents' blank verso. Longer contents (a collection of
// many interviews) run on over further pages, with a blank verso after
// them when they end on a recto, so that the body still begins on a recto.
const FrontPages = 6

// Layout breaks the book's paragraphs into lines, makes up its pages and
// returns them as a page model, at the named trim (empty: the metadata's
// trim, or edition.DefaultTrim). Characters the font lacks are reported as
// an edition.ErrorList with their source positions.
func Layout(b *edition.Book, trim string) (*Document, error) {
	p, err := MakeUp(b, trim)
	if err != nil {
		return nil, err
	}
	return p.Document(), nil
}

// Pages is a book set and made up into pages, before its page model is
// built: Layout is MakeUp, then Document. Between the two, Runs tells a
// backend what the pages will draw, so that it can prepare (a PDF's font
// subsets) while the model is built.
type Pages struct {
	set *pageSet
}

// MakeUp sets b at the given trim (as Layout) and makes up its pages.
func MakeUp(b *edition.Book, trim string) (*Pages, error) {
	L, err := makePages(b, trim)
	if err != nil {
		return nil, err
	}
	return &Pages{L}, nil
}

// Document builds the page model of the pages.
func (p *Pages) Document() *Document { return p.set.document() }

// Runs calls yield with each run of text the page model holds, in the
// order of the model's pages, with artifact true for the pages' furniture
// (running heads and folios, which belong to no element; they are as the
// model holds them). Of a run of the text, only Face, Size, Text, Glyphs,
// Space and Hyphen are set. It reads the pages only, so it may run on
// another goroutine while Document builds the model.
func (p *Pages) Runs(yield func(r *Run, artifact bool)) {
	L := p.set
	var r Run
	for _, pg := range L.pages {
		L.furniture(pg, func(_ Role, fr Run) {
			r = fr
			yield(&r, true)
		})
		for _, lines := range [2][]placed{pg.lines, pg.notes} {
			for i := range lines {
				for _, f := range lines[i].line.frags {
					if f.Text == "" {
						continue
					}
					r = Run{Face: f.Face, Size: f.Size, Text: f.Text, Glyphs: f.glyphs, Space: f.space, Hyphen: f.hyphen}
					yield(&r, false)
				}
			}
		}
	}
}

// PageBreaks lays out b at the given trim (empty: the metadata's) and
// returns where each printed page begins, for editions that mark the print
// pages (the EPUB's page list): Layout(b, trim).PageBreaks(), without making
// the page model.
func PageBreaks(b *edition.Book, trim string) ([]edition.PageBreak, error) {
	L, err := makePages(b, trim)
	if err != nil {
		return nil, err
	}
	var out []edition.PageBreak
	for _, p := range L.pages {
		if p.start != nil {
			out = append(out, edition.PageBreak{Folio: p.folio, At: *p.start})
		}
	}
	return out, nil
}

// makePages breaks the lines and makes up the pages of b.
func makePages(b *edition.Book, trim string) (*pageSet, error) {
	g, err := PageGeometry(b, trim)
	if err != nil {
		return nil, err
	}
	L := &pageSet{g: g, book: b}
	m, err := loadMetrics()
	if err != nil {
		return nil, err
	}
	L.m = m
	fb := &flowBuilder{g: g, m: m, params: bookParams(g), notes: map[int][]noteLine{}, speakers: map[string]string{}}
	for _, p := range b.Meta.People {
		if p.Speaker != "" {
			fb.speakers[p.Key] = p.Speaker
		}
	}
	// The walk's lists sized at once: a row for each section's heading and
	// each body paragraph (and a few for a signature).
	n := 2 + len(b.Preface.Paragraphs) + len(b.Colophon.Paragraphs) + len(b.Interviews)
	for k := range b.Interviews {
		for t := range b.Interviews[k].Turns {
			n += len(b.Interviews[k].Turns[t].Paragraphs)
		}
	}
	fb.rows = make([]row, 0, n+4)
	fb.srcs, fb.errsAt = make([]paraSrc, 0, n), make([]int, 0, n)
	// A preface or note on the text the book does not have has no pages.
	if !b.Preface.Absent() {
		fb.section(&b.Preface)
	}
	for k := range b.Interviews {
		var sub []string
		if b.Collection() {
			sub = cite.ChapterLines(b, &b.Interviews[k])
		}
		fb.interview(&b.Interviews[k], sub)
	}
	if !b.Colophon.Absent() {
		fb.section(&b.Colophon)
	}
	// The paragraphs are set on every core while the notes are set and
	// make-up takes the paragraphs' rows as they come; if the book has
	// errors, the pages made are dropped.
	ps := fb.startParagraphs()
	// The front matter is set at the same time, but for the contents'
	// page numbers (placeContents).
	L.cite, L.secs = cite.Of(b), fb.secs
	frontDone := L.startFront(fb)
	for i := range b.Notes {
		fb.note(&b.Notes[i])
	}
	L.opening = map[string]int{}
	L.markAt, L.noteAt = map[int][2]float64{}, map[int][2]float64{}
	body := makeUpFrom(g, nil, ps.next, fb.notes, fb.rebreak)
	ps.finish()
	fb.releaseKept()
	fs := frontDone()
	if err := fb.errs.Err(); err != nil {
		return nil, err
	}
	if fb.err != nil {
		return nil, fb.err
	}
	fb.errs = append(fb.errs, fs.errs...)
	L.toc = fs.toc
	front := contentsPage + L.toc.pages
	front += front % 2
	L.pages = append(L.pages, fs.pages[:]...)
	for i := contentsPage + 1; i <= front; i++ {
		L.pages = append(L.pages, &page{number: i, folio: romanNumeral(i)})
	}
	for i := range L.toc.pages {
		p := L.pages[contentsPage+i]
		p.kind = pageContents
		if i == 0 {
			p.dropFolio = true // it opens like a section
		} else {
			p.headFolio, p.head = true, contentsTitle
		}
	}
	for i, bp := range body {
		p := &page{number: front + 1 + i, folio: strconv.Itoa(i + 1), kind: pageBody}
		L.placeBody(p, bp)
		L.pages = append(L.pages, p)
	}
	// The contents need the page numbers of the body.
	if err := L.placeContents(fb); err != nil {
		return nil, err
	}
	return L, nil
}

// bookParams are TeX's defaults with an emergency stretch of two ems, as
// LaTeX users set \emergencystretch: a paragraph with no feasible breaks
// (a long URL, a word the patterns cannot break) is set as evenly as it can
// be rather than with one line at infinite badness.
//
// Lines are set with font expansion as pdfTeX sets them with microtype's
// defaults: up to ±2 % in steps of 0.5 % (ExpansionLimit, ExpansionStep),
// and adjacent lines whose expansions differ by more than 1 % cost
// \adjdemerits. Before TeX's passes, two tight ones (tightTolerance).
func bookParams(g Geometry) linebreak.Params {
	p := linebreak.TeX()
	p.EmergencyStretch = 2 * g.Size
	p.Expansion = ExpansionLimit
	p.ExpansionStep = ExpansionStep
	p.MaxExpansionJump = 2 * ExpansionStep
	p.TightTolerance = tightTolerance
	p.FinalHyphenYield = finalHyphenYield
	p.TightHyphenPenalty = tightHyphenPenalty
	p.TightPlainTolerance = tightPlainTolerance
	return p
}

// tightPlainTolerance is the badness a paragraph is set within without
// hyphenation, rather than hyphenated within tightTolerance
// (linebreak.Params.TightPlainTolerance): fewer hyphens for a little
// spacing (docs/print-measurements.md).
var tightPlainTolerance = 50.0

// tightHyphenPenalty is added to a hyphenation point's penalty in the
// tight pass (linebreak.Params.TightHyphenPenalty).
var tightHyphenPenalty = 300.0

// finalHyphenYield is the badness above which a hyphen before a
// paragraph's last line is no longer avoided at any price
// (linebreak.Params.FinalHyphenYield).
var finalHyphenYield = 100.0

// tightTolerance is the badness a paragraph's lines are first set within
// (linebreak.Params.TightTolerance: a pass without hyphenation, then one
// with), before TeX's passes: about 1.38× the natural space at most before
// font expansion. Only a paragraph that cannot be set so is set with TeX's
// tolerances and the emergency stretch. Hyphenating rather than spacing
// wider than this is what brings the book's 95th percentile of interword
// spaces from 1.41 to 1.34 at the default trim, with 47 hyphenated lines
// instead of 33 (55 before tightPlainTolerance and tightHyphenPenalty;
// docs/print-measurements.md).
var tightTolerance = 45.0

// The font expansion of justified lines: the largest, and its step (as
// fractions of the width of a line's expandable runs).
const (
	ExpansionLimit = 0.02
	ExpansionStep  = 0.005
)

// placeBody puts the rows and notes of a made-up page on the grid.
func (L *pageSet) placeBody(p *page, bp bodyPage) {
	g := L.g
	if bp.blank || (len(bp.rows) == 0 && len(bp.notes) == 0) {
		p.kind = pageBlank
		return
	}
	left := g.Left(p.recto())
	y := g.FirstBaseline
	// The page's lines, counted first: each is copied once.
	n := 0
	for i := range bp.rows {
		switch r := &bp.rows[i]; r.kind {
		case rowHeading:
			n += len(r.head.title) + len(r.head.sub)
		case rowText, rowSignature:
			n++
		}
	}
	p.lines = slices.Grow(p.lines, n)
	p.notes = slices.Grow(p.notes, len(bp.notes))
	for _, r := range bp.rows {
		switch r.kind {
		case rowHeading:
			p.kind = pageOpening
			p.bookmark = r.sec.title
			L.opening[r.sec.id] = p.number
			ty := y + float64(g.SectionSink)*g.Leading
			for _, hl := range r.head.title {
				p.lines = append(p.lines, placed{x: left + (g.Measure-hl.width)/2, y: ty, line: hl, role: HeadingRole, key: "h:" + r.sec.id})
				ty += g.TitleLead
			}
			for i, sl := range r.head.sub {
				p.lines = append(p.lines, placed{x: left + (g.Measure-sl.width)/2, y: y + float64(r.head.subAt+i)*g.Leading, line: sl})
			}
		case rowText, rowSignature:
			y0 := y + float64(r.lines-1)*g.Leading
			x := left + r.x
			p.lines = append(p.lines, placed{x: x, y: y0, line: r.line, idx: r.idx, count: r.count, turnStart: r.turnStart, quote: r.quote})
			for _, n := range r.line.notes {
				L.markAt[n] = [2]float64{float64(p.number), y0}
			}
			if p.start == nil && r.line.para != "" && r.kind == rowText {
				p.start = &edition.Location{Paragraph: r.line.para, Rune: r.line.rune}
			}
		}
		y += float64(r.lines) * g.Leading
	}
	if len(bp.notes) > 0 {
		last := g.LastBaseline()
		if bp.depth > 0 {
			last -= float64(g.Lines-bp.depth) * g.Leading
		}
		ny := last - float64(len(bp.notes)-1)*g.NoteLead
		p.ruleY = ny - g.NoteLead + 1
		for _, nl := range bp.notes {
			pl := placed{x: left, y: ny, line: nl.line, inNote: nl.note}
			if nl.first {
				pl.note = nl.note
				L.noteAt[nl.note] = [2]float64{float64(p.number), ny}
			}
			p.notes = append(p.notes, pl)
			ny += g.NoteLead
		}
		if p.start == nil {
			p.start = &edition.Location{Paragraph: bp.notes[0].para, Rune: bp.notes[0].rune}
		}
	}
	if p.kind == pageOpening {
		p.dropFolio = true
	} else {
		p.headFolio = true
		if p.recto() {
			p.head = L.cite.ShortTitle
			if len(bp.rows) > 0 {
				p.head = bp.rows[0].sec.title
			}
		} else {
			p.head = L.cite.ShortTitle
		}
	}
}

// Len returns the number of pages.
func (L *pageSet) Len() int { return len(L.pages) }

// romanNumeral returns n in lowercase roman numerals.
func romanNumeral(n int) string {
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"m", "cm", "d", "cd", "c", "xc", "l", "xl", "x", "ix", "v", "iv", "i"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String()
}
