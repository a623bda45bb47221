package pdf

import (
	"bytes"
	"cmp"
	"fmt"
	"io"
	"slices"
	"strconv"
	"sync"

	"github.com/jung-kurt/gofpdf"

	"edition/edition"
	"edition/edition/cite"
	"edition/edition/layout"
)

// Renderer writes the print edition as a PDF: it lays the book out with
// package layout and draws the page model. It implements edition.Renderer.
type Renderer struct {
	// Trim names the page size (see edition.Trims); empty means the
	// metadata's trim, or edition.DefaultTrim.
	Trim string
}

var _ edition.Renderer = Renderer{}

// Producer and CreatorTool name the software in the PDF's metadata.
const (
	Producer    = "gofpdf 1.16.2 (github.com/jung-kurt/gofpdf)"
	CreatorTool = "edition (print renderer)"
)

// Render lays out b and writes the PDF to w. The PDF document is started
// while the lines are broken.
func (r Renderer) Render(w io.Writer, b *edition.Book) error {
	g, err := layout.PageGeometry(b, r.Trim)
	if err != nil {
		return err
	}
	wr := NewWriter(g)
	pages, err := layout.MakeUp(b, r.Trim)
	if err != nil {
		return err
	}
	wr.Plan(pages)
	return wr.Write(w, b, pages.Document())
}

// Writer draws page models as PDF files. Parsing the fonts is most of the
// fixed cost of a PDF, so NewWriter starts a document in the background,
// for the first Write to take; later writes start their own. The zero
// Writer starts nothing and is ready to use.
type Writer struct {
	w, h float64
	mu   sync.Mutex
	doc  chan *gofpdf.Fpdf
	// planned is closed when the font subsets Plan started are made; nil
	// if Plan started none. plans are those subsets.
	planned chan struct{}
	plans   []*gofpdf.SubsetPlan
}

// NewWriter returns a Writer for pages of the geometry g, and starts, on
// another core if there is one, the document its first Write will draw on.
func NewWriter(g layout.Geometry) *Writer {
	ch := make(chan *gofpdf.Fpdf, 1)
	go func() { ch <- newDocument(g.W, g.H) }()
	return &Writer{w: g.W, h: g.H, doc: ch}
}

// started reports whether the document started by NewWriter is still
// waiting for a Write.
func (wr *Writer) started() bool {
	wr.mu.Lock()
	defer wr.mu.Unlock()
	return wr.doc != nil
}

// document returns the document started by NewWriter if no drawing has
// taken it yet and its page size is w×h, else a new one.
func (wr *Writer) document(w, h float64) *gofpdf.Fpdf {
	wr.mu.Lock()
	ch := wr.doc
	if w == wr.w && h == wr.h {
		wr.doc = nil
	} else {
		ch = nil
	}
	wr.mu.Unlock()
	if ch != nil {
		return <-ch
	}
	return newDocument(w, h)
}

// Plan starts making the font subsets of the document NewWriter started,
// on another goroutine, from the runs the made-up pages will draw (see
// layout.Pages.Runs), so that the core left idle while the page model is
// built makes them, instead of Output after the pages are drawn (gofpdf's
// PlanSubset, a patch of this project); the goroutine that deflates the
// pages as they are drawn starts when they are made, so that the drawing
// keeps a core of its own. Output uses a subset made so only
// if the glyphs drawn with its font are those it was made for, so the PDF
// is the same whatever Plan is given, or if it is not called. The roman
// face is done first: it has the most glyphs.
func (wr *Writer) Plan(pages *layout.Pages) {
	wr.mu.Lock()
	ch := wr.doc
	wr.mu.Unlock()
	if ch == nil {
		return
	}
	pdf := <-ch
	var plans [len(alwaysUsed)]*gofpdf.SubsetPlan
	for i, f := range alwaysUsed {
		plans[i] = pdf.PlanSubset(family, style(f))
	}
	planned := make(chan struct{})
	wr.mu.Lock()
	wr.planned, wr.plans = planned, plans[:]
	wr.mu.Unlock()
	ch <- pdf
	go func() {
		defer close(planned)
		glyphs := census(pages)
		for i, f := range alwaysUsed {
			if plans[i] != nil {
				plans[i].Make(glyphs[f])
			}
		}
	}()
}

// census returns, for each face, the glyphs the pages will draw with it,
// each with the text it stands for, each such pair once: the glyphs of the
// runs, and the space drawn after a run of the text (see tagger.spaced).
func census(pages *layout.Pages) (glyphs [4][]gofpdf.Glyph) {
	var faces [4]faceCensus
	// Each face's space, asked for when a run of it first needs it, so
	// that a book without bold never reads the bold faces.
	var spaces [4]struct {
		asked, ok bool
		glyph     gofpdf.Glyph
	}
	pages.Runs(func(r *layout.Run, artifact bool) {
		c := &faces[r.Face]
		for k := range r.Glyphs {
			if g := &r.Glyphs[k]; !c.has(g.ID, g.Text) {
				c.add(g.ID, g.Text)
			}
		}
		if spaced(r, artifact) {
			sp := &spaces[r.Face]
			if !sp.asked {
				sp.asked = true
				sp.glyph, sp.ok = spaceGlyph(r.Face)
			}
			if sp.ok && !c.has(sp.glyph.ID, sp.glyph.Text) {
				c.add(sp.glyph.ID, sp.glyph.Text)
			}
		}
	})
	for f := range faces {
		glyphs[f] = faces[f].glyphs
	}
	return glyphs
}

// faceCensus gathers a face's (glyph, text) pairs, each once. A pair is
// found by the text its glyph was last met with: almost every glyph
// stands for one text only, most of them of one byte, compared as such.
type faceCensus struct {
	met    []bool   // by glyph: met at all
	last   []string // by glyph: the text it was last met with
	glyphs []gofpdf.Glyph
}

// has reports whether glyph id was last met with text.
func (c *faceCensus) has(id int, text string) bool {
	if id < 0 || id >= len(c.met) || !c.met[id] {
		return false
	}
	l := c.last[id]
	return len(l) == len(text) && (len(text) == 1 && l[0] == text[0] || l == text)
}

// add adds the pair (id, text), which has reports is not the one last
// met with id.
func (c *faceCensus) add(id int, text string) {
	if id >= len(c.met) {
		n := max(2*len(c.met), id+1, 1024)
		c.met = slices.Grow(c.met, n-len(c.met))[:n]
		c.last = slices.Grow(c.last, n-len(c.last))[:n]
	}
	if id >= 0 {
		c.met[id], c.last[id] = true, text
	}
	c.glyphs = append(c.glyphs, gofpdf.Glyph{ID: id, Text: text})
}

// Write draws the page model d of the book b (whose metadata the PDF
// carries) and writes the finished PDF to w.
func (wr *Writer) Write(w io.Writer, b *edition.Book, d *layout.Document) error {
	file, update, err := wr.draw(b, d)
	if err != nil {
		return fmt.Errorf("render pdf: %w", err)
	}
	// A buffer takes both parts at once rather than grow for the second.
	if g, ok := w.(interface{ Grow(int) }); ok {
		g.Grow(len(file) + len(update))
	}
	if _, err := w.Write(file); err != nil {
		return err
	}
	_, err = w.Write(update)
	return err
}

// Write draws the page model d of the book b on a new document and writes
// the finished PDF to w.
func Write(w io.Writer, b *edition.Book, d *layout.Document) error {
	return (&Writer{}).Write(w, b, d)
}

// family is the name the fonts are registered under in gofpdf.
const family = "charis"

// style returns the gofpdf style string of f.
func style(f layout.Face) string {
	return [...]string{"", "I", "B", "BI"}[f]
}

// newDocument starts a gofpdf document with pages w×h points, with the
// faces every book's pages use (see alwaysUsed) added.
func newDocument(w, h float64) *gofpdf.Fpdf {
	pdf := gofpdf.NewCustom(&gofpdf.InitType{UnitStr: "pt", Size: gofpdf.SizeType{Wd: w, Ht: h}})
	pdf.SetCatalogSort(true)
	// The catalog's /Metadata and /Lang (postprocess.go) are PDF 1.4, the
	// pages' /Tabs (tags.go) PDF 1.5.
	pdf.SetPDFVersion("1.5")
	// Compression stays on: the page streams are deflated as the pages are
	// drawn (see pageDeflater), into the bytes gofpdf would write.
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetMargins(0, 0, 0)
	for _, f := range alwaysUsed {
		pdf.AddUTF8FontFromBytes(family, style(f), f.File())
	}
	return pdf
}

// Prepare reads, once for the process, what every PDF's document reads
// from the faces it always embeds (gofpdf's PrepareUTF8Font, a patch of
// this project), so that a program can have it done before it needs it,
// on a core with nothing else to do. NewWriter and Write do it anyway if
// nothing did.
func Prepare() {
	for _, f := range alwaysUsed {
		gofpdf.PrepareUTF8Font(f.File())
	}
}

// alwaysUsed are the faces every book's pages use: roman for the running
// heads and folios (and as the font current when bookmarks are written),
// italic for the running heads.
var alwaysUsed = [...]layout.Face{layout.Roman, layout.Italic}

// draw renders the pages with gofpdf, and returns the file gofpdf wrote
// and the incremental update that completes it (see finishPDF).
func (wr *Writer) draw(b *edition.Book, d *layout.Document) (file, update []byte, err error) {
	g := d.Geometry
	c := cite.Of(b)
	pdf := wr.document(g.W, g.H)
	// One pass over the items (the model of a long book is large): the
	// faces the runs use, and the named destinations, each a gofpdf link
	// that links on any page can lead to.
	var used [4]bool
	dests := map[string]int{}
	for i := range d.Pages {
		p := &d.Pages[i]
		for k := range p.Items {
			switch it := &p.Items[k]; it.Kind {
			case layout.RunItem:
				used[it.Run.Face] = true
			case layout.DestItem:
				id := pdf.AddLink()
				pdf.SetLink(id, it.Dest.Y, p.Number)
				dests[it.Dest.Name] = id
			}
		}
	}
	// Only the faces the pages use are embedded: a font subset with no
	// glyphs would be noise to preflight tools. Faces are added in order,
	// the ones always used first.
	for f := layout.Roman; f <= layout.BoldItalic; f++ {
		if used[f] && f != layout.Roman && f != layout.Italic {
			pdf.AddUTF8FontFromBytes(family, style(f), f.File())
		}
	}
	setMetadata(pdf, c, b.Modified)

	tg := newTagger(pdf, d)
	wr.mu.Lock()
	planned := wr.planned
	wr.mu.Unlock()
	deflater := newPageDeflater(pdf, planned)
	for i := range d.Pages {
		drawPage(pdf, g, &d.Pages[i], dests, tg)
		// The last page is still gofpdf's current page, which gofpdf
		// deflates itself.
		if i+1 < len(d.Pages) {
			deflater.add(i + 1)
		}
	}
	deflater.wait()
	if err := pdf.Error(); err != nil {
		return nil, nil, err
	}
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		return nil, nil, err
	}
	update, err = finishPDF(buf.Bytes(), d.Lang, tg.tree, pdf)
	return buf.Bytes(), update, err
}

// drawPage draws the items of p, in order, on a new page, tagged by tg.
func drawPage(pdf *gofpdf.Fpdf, g layout.Geometry, p *layout.Page, dests map[string]int, tg *tagger) {
	pdf.AddPage()
	tg.startPage(pdf, p.Number-1)
	defer tg.endPage()
	// Bookmark writes UTF-16 titles only with a UTF-8 font set.
	pdf.SetFont(family, style(layout.Roman), g.Size)
	if p.Outline != "" {
		pdf.Bookmark(p.Outline, 0, 0)
	}
	tz := 100.0 // the horizontal scale set: a page starts unscaled
	// The font last set: gofpdf writes every SetFont to the page.
	face, size := layout.Roman, g.Size
	for k := range p.Items {
		it := &p.Items[k] // not copied: the loop runs for every run drawn
		switch it.Kind {
		case layout.RunItem:
			tg.run(it)
			r := &it.Run
			if r.Face != face || r.Size != size {
				face, size = r.Face, r.Size
				pdf.SetFont(family, style(face), size)
			}
			// Character spacing (Tc) and horizontal scaling (Tz) are part of
			// the graphics state; gofpdf has no call for them, so they are
			// written around the run.
			// (strconv's 'f' format is fmt's %.3f and %.2f.)
			if r.Track != 0 {
				pdf.RawWriteStr(strconv.FormatFloat(r.Track, 'f', 3, 64) + " Tc\n")
			}
			// Horizontal scaling (font expansion) is set where it changes:
			// most runs of a line share it, and gofpdf's BT/ET leave it.
			if hs := cmp.Or(r.HScale, 100); hs != tz {
				tz = hs
				pdf.RawWriteStr(strconv.FormatFloat(tz, 'f', 2, 64) + " Tz\n")
			}
			drawRun(pdf, r, tg.spaced(it))
			if r.Track != 0 {
				pdf.RawWriteStr("0 Tc\n")
			}
		case layout.RuleItem:
			r := it.Rule
			tg.rule(it)
			pdf.SetLineWidth(r.Width)
			pdf.Line(r.X1, r.Y1, r.X2, r.Y2)
		case layout.LinkItem:
			l := it.Link
			contents, key := tg.link(it)
			pdf.LinkAnnotation(l.X, l.Y, l.W, l.H, dests[l.Dest], l.URL, contents, key)
		}
	}
}

// drawRun draws a run's shaped glyphs, each with the text it stands for
// (see gofpdf's GlyphRun, a patch of this project); a run built without
// glyphs is drawn from its text. With space set, the face's space follows
// the run's last glyph: see tagger.spaced. The glyphs are handed to gofpdf
// one by one, not copied into a slice of its type first.
func drawRun(pdf *gofpdf.Fpdf, r *layout.Run, space bool) {
	if len(r.Glyphs) == 0 {
		s := r.Text
		if space {
			s += " "
		}
		pdf.Text(r.X, r.Y, s)
		return
	}
	n := len(r.Glyphs)
	sp, ok := spaceGlyph(r.Face)
	if ok && space {
		n++
	}
	pdf.GlyphRunFunc(r.X, r.Y, n, func(i int) gofpdf.Glyph {
		if i == len(r.Glyphs) {
			return sp
		}
		g := &r.Glyphs[i]
		return gofpdf.Glyph{ID: g.ID, Text: g.Text, Advance: float64(g.Advance), XOffset: float64(g.XOffset), YOffset: float64(g.YOffset)}
	})
}

// spaceGlyphs are the faces' space glyphs, each shaped once per process
// when a run of that face first asks for it, so that a book without bold
// never parses the bold faces.
var spaceGlyphs = func() (fs [4]func() *gofpdf.Glyph) {
	for f := range fs {
		fs[f] = sync.OnceValue(func() *gofpdf.Glyph {
			m, err := layout.FaceMetrics(layout.Face(f))
			if err != nil {
				return nil
			}
			if sh := m.Shape(" ", 0); len(sh) == 1 {
				return &gofpdf.Glyph{ID: sh[0].ID, Text: " ", Advance: float64(sh[0].Advance)}
			}
			return nil
		})
	}
	return fs
}()

// spaceGlyph returns the space glyph of face f; ok is false if the face
// has none (or could not be read, which Layout would have reported).
func spaceGlyph(f layout.Face) (gofpdf.Glyph, bool) {
	if g := spaceGlyphs[f](); g != nil {
		return *g, true
	}
	return gofpdf.Glyph{}, false
}
