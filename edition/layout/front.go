package layout

import (
	"fmt"
	"strings"

	"edition/edition"
)

// setText sets content in st, ragged, no wider than width, without
// hyphenation: for the title pages, the imprint and the contents.
func (L *pageSet) setText(fb *flowBuilder, id string, content []edition.Inline, st textStyle, width float64) []line {
	return L.set(fb, id, content, st, width, setRagged)
}

// setTitle is setText with balanced lines, for titles.
func (L *pageSet) setTitle(fb *flowBuilder, id string, content []edition.Inline, st textStyle, width float64) []line {
	return L.set(fb, id, content, st, width, setBalanced)
}

func (L *pageSet) set(fb *flowBuilder, id string, content []edition.Inline, st textStyle, width float64, set func(*paragraph, float64) []line) []line {
	b := newParaBuilder(fb.m, &fb.errs, id)
	b.pos = L.book.Meta.Pos
	b.hyphenate = false
	b.inlines(content, st)
	return set(b.finish(), width)
}

func text(s string) []edition.Inline { return []edition.Inline{&edition.Text{Text: s}} }

// centre places lines centred on the text block of p from baseline y,
// returning the baseline after them; they make one element of the role
// given, named by key.
func (L *pageSet) centre(p *page, lines []line, y, lead float64, role Role, key string) float64 {
	left := L.g.Left(p.recto())
	for _, l := range lines {
		p.lines = append(p.lines, placed{x: left + (L.g.Measure-l.width)/2, y: y, line: l, role: role, key: key})
		y += lead
	}
	return y
}

// frontSet is the front matter set while the body is (startFront): the
// half-title, the title page and the imprint placed on the first four
// pages (the second is blank), and the contents' entries set and placed
// on their pages; only the contents' page numbers wait for the body.
type frontSet struct {
	pages [contentsPage]*page
	toc   contents
	// errs are the problems met, in the order front matter set after the
	// body met them.
	errs edition.ErrorList
}

// startFront sets the front matter that needs nothing of the body's pages
// on a goroutine of its own, while the body's paragraphs are set and made
// up, and returns the function that waits for it. L.cite and L.secs must
// be set, and L must not change, until then.
func (L *pageSet) startFront(fb *flowBuilder) func() *frontSet {
	done := make(chan *frontSet, 1)
	go func() {
		own := &flowBuilder{g: fb.g, m: fb.m, params: fb.params}
		fs := &frontSet{}
		// The contents are set first: how many pages they take decides
		// where the body begins.
		fs.toc = L.setContents(own)
		for i := range fs.pages {
			fs.pages[i] = &page{number: i + 1, folio: romanNumeral(i + 1)}
		}
		fs.pages[0].kind = pageHalfTitle
		fs.pages[2].kind = pageTitle
		fs.pages[3].kind = pageImprint
		L.frontPages(own, fs.pages)
		fs.errs = own.errs
		done <- fs
	}()
	return func() *frontSet { return <-done }
}

// frontPages lays out the half-title, the title page and the imprint on
// pages, the first four.
func (L *pageSet) frontPages(fb *flowBuilder, pages [contentsPage]*page) {
	g := L.g
	c := L.cite
	// Half-title: the title alone, a third of the way down.
	half := pages[0]
	L.centre(half, L.setTitle(fb, "half-title", text(c.Title), textStyle{face: Roman, size: 13}, g.Measure*0.85), g.H*0.3, 17, ParagraphRole, "front:half-title")

	// Title page.
	tp := pages[2]
	y := L.centre(tp, L.setTitle(fb, "title", text(c.Title), textStyle{face: Roman, size: 21}, g.Measure), g.H*0.22, 26, TitleRole, "front:title")
	y += 6
	if c.Subtitle != "" {
		L.centre(tp, L.setTitle(fb, "subtitle", text(c.Subtitle), textStyle{face: Italic, size: 12}, g.Measure), y, 15, ParagraphRole, "front:subtitle")
	}
	y = g.H * 0.5
	// Each person with a part, the part under the name; those who only
	// speak after them, on one line after "with".
	for i, n := range c.People {
		if len(n.Roles) == 0 {
			continue
		}
		y = L.centre(tp, L.setText(fb, "person", text(n.Display), textStyle{face: Roman, size: 11.5}, g.Measure), y, 13, ParagraphRole, fmt.Sprintf("front:person-%d", i))
		y = L.centre(tp, L.setText(fb, "role", text(n.RoleSummary()), textStyle{face: Italic, size: 9}, g.Measure), y, 20, ParagraphRole, fmt.Sprintf("front:role-%d", i))
		y += 2
	}
	if with := c.WithLine(); with != "" {
		y += 6 // set apart from the last credit
		L.centre(tp, L.setText(fb, "with", text(with), textStyle{face: Italic, size: 10}, g.Measure), y, 13, ParagraphRole, "front:with")
	}
	if imp := c.Imprint(); imp != "" {
		L.centre(tp, L.setText(fb, "publisher", text(imp), textStyle{face: Roman, size: 9}, g.Measure), g.LastBaseline(), 11, ParagraphRole, "front:publisher")
	}

	// Imprint: small type, ragged right, set from the foot of the page up.
	im := pages[3]
	st := textStyle{face: Roman, size: 8}
	it := textStyle{face: Italic, size: 8}
	const lead, gap = 10.0, 5.0
	var blocks [][]line
	add := func(content []edition.Inline, s textStyle) {
		blocks = append(blocks, L.setText(fb, "imprint", content, s, g.Measure))
	}
	add(text(c.FullTitle), it)
	if credit := c.TranslationCredit(); credit != "" {
		add(text(credit+"."), st)
	}
	for i, src := range c.Sources {
		var in []edition.Inline
		if i == 0 {
			in = append(in, &edition.Text{Text: "Translated from "})
		} else {
			in = append(in, &edition.Text{Text: "Also published in "})
		}
		in = append(in, &edition.Foreign{Lang: src.Lang, Content: []edition.Inline{&edition.Emphasis{Content: text(src.Title)}}})
		if src.Container != "" {
			in = append(in, &edition.Text{Text: ", in "}, &edition.Foreign{Lang: src.Lang, Content: []edition.Inline{&edition.Emphasis{Content: text(src.Container)}}})
		}
		if src.Volume != "" {
			in = append(in, &edition.Text{Text: ", vol.\u00a0" + src.Volume})
		}
		if src.URL != "" {
			in = append(in, &edition.Text{Text: ", "}, &edition.Link{URL: src.URL, Content: text(src.URL)})
		}
		in = append(in, &edition.Text{Text: "."})
		add(in, st)
	}
	if c.Publisher != "" {
		p := "Published by " + c.Publisher
		if c.PublisherPlace != "" {
			p += ", " + c.PublisherPlace
		}
		if !c.Published.IsZero() {
			p += ", " + c.Published.Long()
		}
		add(text(p+"."), st)
	}
	for _, s := range []string{c.EditionStatement, c.SeriesStatement()} {
		if s != "" {
			add(text(strings.TrimSuffix(s, ".")+"."), st)
		}
	}
	add(text(c.Rights), st)
	ed := "Edition " + c.Version + "."
	if c.ISBN != "" {
		ed += " ISBN " + c.ISBN + "."
	}
	if !strings.HasPrefix(c.Identifier, "urn:isbn:") {
		ed += " Identifier: " + c.Identifier + "."
	}
	add(text(ed), st)
	add(text("How to cite this edition:"), it)
	blocks = append(blocks, L.setText(fb, "imprint-cite", c.Inlines(), st, g.Measure))
	blocks[len(blocks)-1] = append(blocks[len(blocks)-1][:0:0], blocks[len(blocks)-1]...)
	add(text("Set in Charis SIL."), st)
	n := 0
	for _, b := range blocks {
		n += len(b)
	}
	y = g.LastBaseline() - float64(n-1)*lead - float64(len(blocks)-1)*gap
	left := g.Left(im.recto())
	for i, b := range blocks {
		for _, l := range b {
			im.lines = append(im.lines, placed{x: left, y: y, line: l, key: fmt.Sprintf("front:imprint-%d", i)})
			y += lead
		}
		y += gap
	}
}

// placeContents places the contents on their pages: a heading like a
// section's, then one entry per section, its title and its page number
// set flush right, page after page. It needs the body's page numbers.
func (L *pageSet) placeContents(fb *flowBuilder) error {
	g := L.g
	toc := &L.toc
	L.centre(L.pages[contentsPage], toc.heading, toc.headingY, g.TitleLead, HeadingRole, "front:contents")
	L.pages[contentsPage].bookmark = contentsTitle
	for k, s := range L.secs {
		ct := L.pages[contentsPage+toc.at[k].page]
		y := toc.at[k].y
		ls := toc.entries[k]
		folio := L.pages[L.opening[s.id]-1].folio
		num := L.setText(fb, "contents-folio", text(folio), textStyle{face: Roman, size: g.Size}, g.Measure)
		left := g.Left(ct.recto())
		for i, l := range ls {
			pl := placed{x: left, y: y, line: l, role: TOCItemRole, key: "toc:" + s.id}
			pl.line.frags = withLink(l.frags, "#"+s.id)
			if i == len(ls)-1 {
				// The title and its folio are one entry, a space apart.
				spaceAfter(&pl.line)
			}
			ct.lines = append(ct.lines, pl)
			if i == len(ls)-1 {
				nl := num[0]
				nl.frags = withLink(nl.frags, "#"+s.id)
				ct.lines = append(ct.lines, placed{x: left + g.Measure - nl.width, y: y, line: nl, role: TOCItemRole, key: "toc:" + s.id})
			}
			y += g.Leading
		}
	}
	return fb.errs.Err()
}

// contentsPage is the index in pageSet.pages of the contents' first page
// (v), after the half-title, its verso, the title page and the imprint.
const contentsPage = 4

// contentsTitle is the contents' heading, its outline entry and the running
// head of its further pages.
const contentsTitle = "Contents"

// contents is the contents set and placed, before the pages are made.
type contents struct {
	// heading is the heading's lines, set from baseline headingY of the
	// first page.
	heading  []line
	headingY float64
	// entries are the sections' titles set (in the order of
	// pageSet.secs), at is where each begins.
	entries [][]line
	at      []tocPlace
	// pages is how many pages the contents take.
	pages int
}

// tocPlace is where an entry of the contents begins: on which of the
// contents' pages (0 for the first), and the baseline of its first line.
type tocPlace struct {
	page int
	y    float64
}

// setContents sets the contents' heading and entries and places them: the
// heading sunk like a section's, two lines before the first entry, then
// one entry after another on the body's grid; an entry that would go below
// the text block's last baseline goes, whole, to the top of the next page.
func (L *pageSet) setContents(fb *flowBuilder) contents {
	g := L.g
	var c contents
	c.headingY = g.FirstBaseline + float64(g.SectionSink)*g.Leading
	c.heading = L.setText(fb, "contents", text(contentsTitle), textStyle{face: Roman, size: g.TitleSize}, g.Measure)
	y := c.headingY + float64(len(c.heading))*g.TitleLead + 2*g.Leading
	page := 0
	const eps = 0.01
	for _, s := range L.secs {
		ls := L.setText(fb, "contents-"+s.id, text(s.title), textStyle{face: Roman, size: g.Size}, g.Measure*0.8)
		if end := y + float64(len(ls)-1)*g.Leading; end > g.LastBaseline()+eps && y > g.FirstBaseline+eps {
			page++
			y = g.FirstBaseline
		}
		c.entries = append(c.entries, ls)
		c.at = append(c.at, tocPlace{page: page, y: y})
		y += float64(len(ls)) * g.Leading
	}
	c.pages = page + 1
	return c
}

// withLink returns a copy of frags linking to target; a target beginning
// with "#" is a section of this book.
func withLink(frags []frag, target string) []frag {
	out := make([]frag, len(frags))
	for i, f := range frags {
		r := f.refs()
		r.URL = target
		f.ref = newRef(r)
		out[i] = f
	}
	return out
}

// internalTarget returns the section ID of an internal link target.
func internalTarget(url string) (string, bool) {
	return strings.CutPrefix(url, "#")
}
