package pdf

import (
	"bytes"
	"fmt"
	"io"

	"github.com/jung-kurt/gofpdf"

	"edition/edition"
)

// Renderer writes the print edition as a PDF. It implements
// edition.Renderer.
type Renderer struct {
	// Trim names the page size ("5.5x8.5in", "a5", "6x9in"); empty means
	// the metadata's trim, or DefaultTrim.
	Trim string
}

var _ edition.Renderer = Renderer{}

// Producer and CreatorTool name the software in the PDF's metadata.
const (
	Producer    = "gofpdf 1.16.2 (github.com/jung-kurt/gofpdf)"
	CreatorTool = "edition (print renderer)"
)

// Render lays out b and writes the PDF to w.
func (r Renderer) Render(w io.Writer, b *edition.Book) error {
	L, err := Layout(b, Options(r))
	if err != nil {
		return err
	}
	return L.Write(w)
}

// Write draws the laid-out pages and writes the finished PDF to w.
func (L *Pages) Write(w io.Writer) error {
	out, err := L.draw()
	if err != nil {
		return fmt.Errorf("render pdf: %w", err)
	}
	_, err = w.Write(out)
	return err
}

// newDocument starts a gofpdf document of the page size of g, with the
// faces every book's pages use (see faces) added. Parsing a face is most
// of the fixed cost of a PDF; Layout starts the document in the background
// while it breaks lines, and the first drawing takes it.
func newDocument(g geometry) *gofpdf.Fpdf {
	pdf := gofpdf.NewCustom(&gofpdf.InitType{UnitStr: "pt", Size: gofpdf.SizeType{Wd: g.W, Ht: g.H}})
	pdf.SetCatalogSort(true)
	// Page streams are compressed afterwards with one reused compressor
	// (see compressContents); the bytes are those gofpdf would write.
	pdf.SetCompression(false)
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetMargins(0, 0, 0)
	for _, f := range alwaysUsed {
		pdf.AddUTF8FontFromBytes(family, f.style(), f.file())
	}
	return pdf
}

// alwaysUsed are the faces every book's pages use: roman for the running
// heads and folios, italic for the running heads. faces reports them.
var alwaysUsed = [...]face{roman, italic}

// startDocument has newDocument run in the background.
func (L *Pages) startDocument() {
	ch := make(chan *gofpdf.Fpdf, 1)
	L.doc = ch
	go func() { ch <- newDocument(L.g) }()
}

// document returns the document started by Layout if no drawing has taken
// it yet, else a new one.
func (L *Pages) document() *gofpdf.Fpdf {
	L.docMu.Lock()
	ch := L.doc
	L.doc = nil
	L.docMu.Unlock()
	if ch != nil {
		return <-ch
	}
	return newDocument(L.g)
}

// draw renders the pages with gofpdf and post-processes the bytes.
func (L *Pages) draw() ([]byte, error) {
	g := L.g
	c := L.cite
	pdf := L.document()
	pdf.SetCreationDate(L.book.Modified)
	pdf.SetModificationDate(L.book.Modified)
	// Only the faces the pages use are embedded: a font subset with no
	// glyphs would be noise to preflight tools. Faces are added in order,
	// the ones always used first.
	used := L.faces()
	for f := roman; f <= boldItalic; f++ {
		if used[f] && f != roman && f != italic {
			pdf.AddUTF8FontFromBytes(family, f.style(), f.file())
		}
	}
	pdf.SetTitle(c.FullTitle, true)
	pdf.SetAuthor(c.ByLine(), true)
	pdf.SetSubject(c.Description, true)
	pdf.SetKeywords(c.Keywords(), true)
	pdf.SetCreator(CreatorTool, true)
	pdf.SetProducer(Producer, true)
	pdf.SetXmpMetadata(xmpPacket(c, L.book.Modified, Producer, CreatorTool))

	d := &drawer{pdf: pdf, L: L, noteLink: map[int]int{}, markLink: map[int]int{}, secLink: map[string]int{}}
	for n, at := range L.noteAt {
		d.noteLink[n] = pdf.AddLink()
		pdf.SetLink(d.noteLink[n], at[1]-g.NoteLead, int(at[0]))
	}
	for n, at := range L.markAt {
		d.markLink[n] = pdf.AddLink()
		pdf.SetLink(d.markLink[n], at[1]-g.Leading, int(at[0]))
	}
	for id, pg := range L.opening {
		d.secLink[id] = pdf.AddLink()
		pdf.SetLink(d.secLink[id], 0, pg)
	}
	for _, p := range L.pages {
		d.page(p)
	}
	if err := pdf.Error(); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		return nil, err
	}
	out, err := compressContents(buf.Bytes())
	if err != nil {
		return nil, err
	}
	lang := L.book.Meta.Language
	if lang == "" {
		lang = "en"
	}
	return finishPDF(out, lang)
}

// drawer draws pages on one gofpdf document.
type drawer struct {
	pdf      *gofpdf.Fpdf
	L        *Pages
	noteLink map[int]int    // note number → link to the note
	markLink map[int]int    // note number → link back to its mark
	secLink  map[string]int // section ID → link to its first page
}

func (d *drawer) font(f face, size float64) {
	d.pdf.SetFont(family, f.style(), size)
}

func (d *drawer) page(p *page) {
	g := d.L.g
	pdf := d.pdf
	pdf.AddPage()
	d.font(roman, g.Size) // Bookmark writes UTF-16 titles only with a UTF-8 font set
	if p.bookmark != "" {
		pdf.Bookmark(p.bookmark, 0, 0)
	}
	left := g.Left(p.recto())
	if p.head != "" {
		d.font(italic, g.HeadSize)
		w := pdf.GetStringWidth(p.head)
		pdf.Text(left+(g.Measure-w)/2, g.HeadBaseline, p.head)
	}
	if p.headFolio {
		d.font(roman, g.HeadSize+0.5)
		w := pdf.GetStringWidth(p.folio)
		x := left
		if p.recto() {
			x = left + g.Measure - w
		}
		pdf.Text(x, g.HeadBaseline, p.folio)
	}
	if p.dropFolio {
		d.font(roman, g.HeadSize+0.5)
		w := pdf.GetStringWidth(p.folio)
		pdf.Text(left+(g.Measure-w)/2, g.FootBaseline, p.folio)
	}
	for _, pl := range p.lines {
		d.line(pl)
	}
	if p.ruleY > 0 {
		pdf.SetLineWidth(0.4)
		pdf.Line(left, p.ruleY, left+g.Measure/4, p.ruleY)
	}
	for _, pl := range p.notes {
		d.line(pl)
	}
}

// line draws each run of a placed line where the layout put it, and the
// links: note marks to their notes, note numbers back to their marks, URLs
// and contents entries.
func (d *drawer) line(pl placed) {
	pdf := d.pdf
	var linkStart, linkEnd float64
	var linkURL string
	var linkSize float64
	flush := func() {
		if linkURL == "" {
			return
		}
		x, y, w, h := pl.x+linkStart, pl.y-linkSize*0.8, linkEnd-linkStart, linkSize*1.05
		if id, ok := internalTarget(linkURL); ok {
			pdf.Link(x, y, w, h, d.secLink[id])
		} else {
			pdf.LinkString(x, y, w, h, linkURL)
		}
		linkURL = ""
	}
	for _, f := range pl.line.frags {
		if f.Text == "" {
			continue
		}
		d.font(f.Face, f.Size)
		x, y := pl.x+f.X, pl.y-f.Rise
		if f.Track != 0 {
			// Character spacing (Tc) is part of the graphics state; gofpdf
			// has no call for it, so it is written around the run.
			pdf.RawWriteStr(fmt.Sprintf("%.3f Tc\n", f.Track))
			pdf.Text(x, y, f.Text)
			pdf.RawWriteStr("0 Tc\n")
		} else {
			pdf.Text(x, y, f.Text)
		}
		switch {
		case f.Note > 0:
			pdf.Link(pl.x+f.X-1, y-f.Size, f.W+2, f.Size*1.2, d.noteLink[f.Note])
		case f.Back > 0:
			pdf.Link(pl.x+f.X-1, y-f.Size, f.W+2, f.Size*1.2, d.markLink[f.Back])
		}
		if f.URL != linkURL {
			flush()
			if f.URL != "" {
				linkURL, linkStart, linkSize = f.URL, f.X, f.Size
			}
		}
		if f.URL != "" {
			linkEnd = f.X + f.W
		}
	}
	flush()
}

// faces reports which faces the pages use; roman always (running heads,
// folios, and the font current when bookmarks are written).
func (L *Pages) faces() [4]bool {
	var used [4]bool
	used[roman], used[italic] = true, true
	for _, p := range L.pages {
		for _, list := range [2][]placed{p.lines, p.notes} {
			for _, pl := range list {
				for _, f := range pl.line.frags {
					used[f.Face] = true
				}
			}
		}
	}
	return used
}
