package pdf

import (
	"bytes"
	"testing"

	"edition/edition/layout"
	"edition/internal/realbook"
)

// TestPlanUsed checks Writer.Plan: the font subsets it makes while the
// page model is built are the ones Output writes (both faces' plans used),
// and the PDF is byte for byte the one written without a plan, for the
// real book at two trims, the collection and the loader's fixture book.
func TestPlanUsed(t *testing.T) {
	for _, c := range realbook.Cases(t, "6x9in") {
		t.Run(c.Name, func(t *testing.T) {
			g, err := layout.PageGeometry(c.Book, c.Trim)
			if err != nil {
				t.Fatal(err)
			}
			pages, err := layout.MakeUp(c.Book, c.Trim)
			if err != nil {
				t.Fatal(err)
			}
			wr := NewWriter(g)
			wr.Plan(pages)
			d := pages.Document()
			var planned, plain bytes.Buffer
			if err := wr.Write(&planned, c.Book, d); err != nil {
				t.Fatal(err)
			}
			if len(wr.plans) != len(alwaysUsed) {
				t.Fatalf("%d plans, want one for each of the %d faces always used", len(wr.plans), len(alwaysUsed))
			}
			for i, p := range wr.plans {
				if p == nil || !p.Used() {
					t.Errorf("the subset planned for face %d was not used", alwaysUsed[i])
				}
			}
			if err := (&Writer{}).Write(&plain, c.Book, d); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(planned.Bytes(), plain.Bytes()) {
				t.Errorf("with a plan %d bytes, without %d: not the same file", planned.Len(), plain.Len())
			}
		})
	}
}
