package pdf

import (
	"bytes"
	"fmt"
	"testing"
	"time"

	"github.com/jung-kurt/gofpdf"

	"edition/fonts"
)

// gofpdfDoc writes a document of pages pages with text in a UTF-8 font,
// links and an outline; with ahead, its pages are deflated as they are
// drawn (pageDeflater), as the renderer draws, and it checks that the
// deflater gave them back to the document. With hold, the deflater's
// goroutine is held back until every page is drawn (as by Writer.Plan's
// subsets), so that the pages queue and, past 64, are deflated on the
// drawing goroutine.
func gofpdfDoc(t *testing.T, ahead, hold bool, pages int) []byte {
	t.Helper()
	p := gofpdf.NewCustom(&gofpdf.InitType{UnitStr: "pt", Size: gofpdf.SizeType{Wd: 396, Ht: 612}})
	p.SetCatalogSort(true)
	tm := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	p.SetCreationDate(tm)
	p.SetModificationDate(tm)
	p.AddUTF8FontFromBytes("charis", "", fonts.Regular)
	p.SetXmpMetadata([]byte("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"></x:xmpmeta>"))
	var after chan struct{}
	if hold {
		after = make(chan struct{})
	}
	deflater := newPageDeflater(p, after)
	link := p.AddLink()
	for i := 0; i < pages; i++ {
		p.AddPage()
		p.SetFont("charis", "", 11)
		p.Bookmark(fmt.Sprintf("Page %d", i+1), 0, 0)
		for l := 0; l < 30*(i%5); l++ {
			p.Text(50, float64(60+l*15), fmt.Sprintf("Line %d of page %d — “quoted” text", l, i))
		}
		if i == 3 {
			p.SetLink(link, 0, -1)
		}
		p.Link(50, 50, 40, 12, link)
		p.LinkString(50, 70, 40, 12, "https://example.org/?a=1&b=2")
		if ahead && i+1 < pages {
			deflater.add(i + 1)
		}
	}
	if hold {
		close(after)
	}
	deflater.wait()
	if ahead {
		// A page's buffer is released when its deflated stream is given.
		for n := 1; n < pages; n++ {
			if p.PageContent(n) != nil {
				t.Errorf("page %d was not given back deflated", n)
			}
		}
		if p.PageContent(pages) == nil {
			t.Errorf("the last page, still current, was handed over")
		}
	}
	var buf bytes.Buffer
	if err := p.Output(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestPageDeflater checks that the page streams deflated as the pages are
// drawn give exactly the file gofpdf writes compressing them itself, and
// that the file finishes.
func TestPageDeflater(t *testing.T) {
	want := gofpdfDoc(t, false, false, 5)
	if !bytes.Contains(want, []byte("/Filter /FlateDecode")) {
		t.Fatal("gofpdf wrote no compressed stream: the test proves nothing")
	}
	for i := 0; i < 2; i++ { // the second time with reused compressors
		if got := gofpdfDoc(t, true, false, 5); !bytes.Equal(got, want) {
			t.Fatalf("run %d: %d bytes, want gofpdf's %d", i, len(got), len(want))
		}
	}
	// More pages than wait in the queue, its goroutine held back.
	want = gofpdfDoc(t, false, false, 70)
	if got := gofpdfDoc(t, true, true, 70); !bytes.Equal(got, want) {
		t.Fatalf("held back: %d bytes, want gofpdf's %d", len(got), len(want))
	}
	if _, err := finishPDF(want, "en", nil, nil); err != nil {
		t.Errorf("the result does not finish: %v", err)
	}
}
