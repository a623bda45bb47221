package layout

import (
	"fmt"
	"math"
	"strings"

	"edition/edition"
)

// Geometry is the page: trim, margins, type sizes and the baseline grid. All
// lengths are PostScript points, measured from the top left of the page.
type Geometry struct {
	Trim                 string
	W, H                 float64
	Inner, Outer         float64 // margins at the spine and the fore-edge
	Measure              float64 // width of the text block
	Size, Leading        float64 // body type
	NoteSize, NoteLead   float64 // footnote type
	FirstBaseline        float64 // baseline of the first line of the text block
	Lines                int     // lines of body type on a full page
	HeadBaseline         float64 // baseline of the running head
	FootBaseline         float64 // baseline of a drop folio at the foot
	NoteSep              float64 // space taken by the rule above the notes
	Indent               float64 // paragraph indent
	HeadSize             float64 // running heads and folios
	SectionSink          int     // lines left blank above a section title
	TitleSize, TitleLead float64 // section titles
}

// NewGeometry returns the page of the named trim. Margins follow trade
// practice for a perfect-bound paperback: a wider inner margin for the
// binding, a deeper foot than head.
func NewGeometry(trim string) (Geometry, error) {
	if trim == "" {
		trim = edition.DefaultTrim
	}
	t, ok := edition.TrimNamed(strings.ToLower(trim))
	if !ok {
		return Geometry{}, fmt.Errorf("unknown trim size %q (want %s)", trim, edition.TrimNames(", ", " or "))
	}
	g := Geometry{
		Trim: t.Name, W: t.Width, H: t.Height,
		Size: 10.5, Leading: 13.5,
		NoteSize: 8.5, NoteLead: 11,
		Inner: 54, Outer: 42,
		HeadSize:    8.5,
		SectionSink: 6,
		TitleSize:   15, TitleLead: 18,
	}
	if g.W >= 430 { // 6×9 in: a longer measure wants a size up
		g.Size, g.Leading = 11, 14
		g.Inner, g.Outer = 58, 48
	}
	g.Measure = math.Round(g.W - g.Inner - g.Outer)
	g.Indent = g.Size * 1.2
	g.FirstBaseline = 58 + g.Size*0.72
	g.HeadBaseline = g.FirstBaseline - 2*g.Leading
	bottom := 64.0
	g.Lines = int(math.Floor((g.H-bottom-g.FirstBaseline)/g.Leading)) + 1
	g.FootBaseline = g.LastBaseline() + 2*g.Leading
	g.NoteSep = g.Leading
	return g, nil
}

// LastBaseline is the baseline of the last line of a full page.
func (g Geometry) LastBaseline() float64 {
	return g.FirstBaseline + float64(g.Lines-1)*g.Leading
}

// Left returns the left edge of the text block on a page: recto pages
// (odd physical numbers) have the binding on the left.
func (g Geometry) Left(recto bool) float64 {
	if recto {
		return g.Inner
	}
	return g.Outer
}

// Available is the depth of the text block: the room body rows and notes
// share.
func (g Geometry) Available() float64 {
	return float64(g.Lines) * g.Leading
}

// PageGeometry returns the page of b at the named trim; an empty trim means
// the metadata's, or edition.DefaultTrim.
func PageGeometry(b *edition.Book, trim string) (Geometry, error) {
	if trim == "" {
		trim = b.Meta.Trim
	}
	return NewGeometry(trim)
}
