package pdf

import (
	"flag"
	"os"
	"os/exec"
	"testing"

	"edition/edition/layout"
	"edition/internal/measure"
)

var measurements = flag.String("measurements", "", "write the measured figures of the real book, as Markdown, to this file")

// TestMeasure reads the finished PDF back and measures it from the outside:
// word spacing, widows, orphans, note placement, hyphen runs.
func TestMeasure(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed: not measuring the PDF")
	}
	g, _ := layout.NewGeometry("")
	roman, err := layout.FaceMetrics(layout.Roman)
	if err != nil {
		t.Fatal(err)
	}
	space := float64(roman.Width(' ')) / 1000
	r, err := measure.File(bookPDF(t), measure.Options{
		BodySize: g.Size, NoteSize: g.NoteSize, MarkSize: g.Size * layout.MarkScale, FrontPages: layout.FrontPages,
		BodySpace: space * g.Size, NoteSpace: space * g.NoteSize,
		BoxScale: float64(roman.Ascent-roman.Descent) / 1000,
		Leading:  g.Leading, NoteLead: g.NoteLead,
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("\n%s", r)
	t.Logf("short pages: %v; uneven spreads: %v", r.ShortPages, r.Uneven)
	for _, w := range r.Widows {
		t.Errorf("widow on page %s", w)
	}
	for _, o := range r.Orphans {
		t.Errorf("orphan on page %s", o)
	}
	for _, n := range r.Misplaced {
		t.Errorf("%s", n)
	}
	if r.Notes != len(realBook(t).Notes) {
		t.Errorf("found %d note marks, want %d", r.Notes, len(realBook(t).Notes))
	}
	if r.MaxHyphenRun > 2 {
		t.Errorf("%d hyphenated lines in a row", r.MaxHyphenRun)
	}
	if len(r.Spaces) < 500 {
		t.Fatalf("only %d spaces measured", len(r.Spaces))
	}
	if p95 := measure.Percentile(r.Spaces, 95); p95 > 1.6 || r.Spaces[0] < 0.66 {
		t.Errorf("interword spaces from %.2f to p95 %.2f of natural", r.Spaces[0], p95)
	}
	if *measurements != "" {
		if err := os.WriteFile(*measurements, []byte(r.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
