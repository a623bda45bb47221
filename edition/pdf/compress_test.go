package pdf

import (
	"bytes"
	"fmt"
	"testing"
	"time"

	"github.com/jung-kurt/gofpdf"

	"edition/fonts"
)

// gofpdfDoc writes a small document of several pages with text in a UTF-8
// font, links and an outline, compressed by gofpdf or not.
func gofpdfDoc(t *testing.T, compress bool) []byte {
	t.Helper()
	out, _ := gofpdfDocAhead(t, compress, false)
	return out
}

// gofpdfDocAhead is gofpdfDoc with its pages deflated as they are drawn
// (pageDeflater), as the renderer draws; with alias, the pages end with
// the total page count as an alias gofpdf replaces when it writes them.
func gofpdfDocAhead(t *testing.T, compress, alias bool) ([]byte, []deflated) {
	t.Helper()
	ahead := newPageDeflater()
	p := gofpdf.NewCustom(&gofpdf.InitType{UnitStr: "pt", Size: gofpdf.SizeType{Wd: 396, Ht: 612}})
	p.SetCatalogSort(true)
	tm := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	p.SetCreationDate(tm)
	p.SetModificationDate(tm)
	p.SetCompression(compress)
	p.AddUTF8FontFromBytes("charis", "", fonts.Regular)
	p.SetXmpMetadata([]byte("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"></x:xmpmeta>"))
	if alias {
		p.AliasNbPages("")
	}
	link := p.AddLink()
	for i := 0; i < 5; i++ {
		p.AddPage()
		p.SetFont("charis", "", 11)
		p.Bookmark(fmt.Sprintf("Page %d", i+1), 0, 0)
		for l := 0; l < 30*i; l++ {
			p.Text(50, float64(60+l*15), fmt.Sprintf("Line %d of page %d — “quoted” text", l, i))
		}
		if i == 3 {
			p.SetLink(link, 0, -1)
		}
		p.Link(50, 50, 40, 12, link)
		p.LinkString(50, 70, 40, 12, "https://example.org/?a=1&b=2")
		if alias && i%2 == 0 {
			p.Text(50, 600, "page of {nb}")
		}
		ahead.add(p.PageContent(i + 1))
	}
	pre := ahead.wait()
	var buf bytes.Buffer
	if err := p.Output(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes(), pre
}

// TestCompressContentsDeflatedAhead checks that the page streams deflated
// as the pages are drawn give the file gofpdf writes compressed, that they
// are used, and that a page gofpdf changed since (an alias replaced) is
// deflated again.
func TestCompressContentsDeflatedAhead(t *testing.T) {
	for _, alias := range []bool{false, true} {
		want, _ := gofpdfDocAhead(t, true, alias)
		plain, pre := gofpdfDocAhead(t, false, alias)
		if len(pre) != 5 {
			t.Fatalf("%d pages deflated, want 5", len(pre))
		}
		got, err := compressContents(plain, pre...)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Fatalf("alias %v: %d bytes, want gofpdf's %d", alias, len(got), len(want))
		}
		// A page's stream deflated ahead is what the file gets.
		mark := []byte("deflated ahead")
		pre[3].z = mark
		got, err = compressContents(plain, pre...)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(got, mark) {
			t.Errorf("alias %v: the page deflated ahead was deflated again", alias)
		}
		if alias {
			mark = []byte("stale")
			pre[2].z = mark
			if got, _ := compressContents(plain, pre...); bytes.Contains(got, mark) {
				t.Errorf("a page changed by its alias kept its stream deflated before")
			}
		}
	}
}

// TestCompressContents checks that compressing the page streams of an
// uncompressed file gives exactly the file gofpdf writes compressed.
func TestCompressContents(t *testing.T) {
	want := gofpdfDoc(t, true)
	plain := gofpdfDoc(t, false)
	if bytes.Equal(want, plain) {
		t.Fatal("compression made no difference: the test proves nothing")
	}
	for i := 0; i < 2; i++ { // the second time with a reused compressor
		got, err := compressContents(plain)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Fatalf("run %d: %d bytes, want gofpdf's %d", i, len(got), len(want))
		}
	}
	if _, err := finishPDF(want, "en", nil, nil); err != nil {
		t.Errorf("the result does not finish: %v", err)
	}
}

func TestCompressContentsRejects(t *testing.T) {
	plain := gofpdfDoc(t, false)
	for name, in := range map[string][]byte{
		"garbage":     []byte("%PDF-1.3\nnot really"),
		"no xref":     bytes.Replace(plain, []byte("\nxref\n0 "), []byte("\nxraf\n0 "), 1),
		"bad length":  bytes.Replace(plain, []byte("4 0 obj\n<</Length "), []byte("4 0 obj\n<</Length 9"), 1),
		"moved":       bytes.Replace(plain, []byte("\n3 0 obj\n"), []byte("\n\n3 0 obj\n"), 1),
		"no contents": bytes.Replace(plain, []byte("/Contents 4 0 R>>"), []byte("/Kontents 4 0 R>>"), 1),
	} {
		if bytes.Equal(in, plain) && name != "garbage" {
			t.Fatalf("%s: the corruption did not apply", name)
		}
		if _, err := compressContents(in); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}
