package layout

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"edition/edition"
	"edition/internal/testbook"
)

var update = flag.Bool("update", false, "rewrite the golden page-model dumps under testdata/")

// golden compares got with the file testdata/name, or rewrites the file
// with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to write it)", err)
	}
	if !bytes.Equal(got, want) {
		gl, wl := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
		for i := 0; i < len(gl) || i < len(wl); i++ {
			var g, w string
			if i < len(gl) {
				g = gl[i]
			}
			if i < len(wl) {
				w = wl[i]
			}
			if g != w {
				t.Fatalf("%s differs from the page model (go test -update rewrites it, if the change is intended), first at line %d:\n got: %s\nwant: %s", path, i+1, g, w)
			}
		}
	}
}

// dump lays out b at trim and returns the model's dump.
func dump(t *testing.T, b *edition.Book, trim string) []byte {
	t.Helper()
	d, err := Layout(b, trim)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := d.Dump(&buf, nil); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestGoldenRealBook keeps the page model of this book (source/) at its
// trim: any change to where anything is set, or to the structure, shows
// here line by line.
func TestGoldenRealBook(t *testing.T) {
	golden(t, "book.dump", dump(t, realBook(t), ""))
}

// fixture is a book unlike this one: set at a5 in the golden test, with a
// stage direction, a French span and a link in the body, and a note long
// enough to split over two pages.
func fixture() *edition.Book {
	b := testbook.Book([][]int{{3, 1}, {2}, {6}, {1, 1}}, []int{2, 30}, map[string]int{"interview-2": 1, "interview-4": 2})
	p := &b.Interviews[0].Turns[2].Paragraphs[0]
	p.Content = append([]edition.Inline{
		&edition.Foreign{Lang: "fr", Content: []edition.Inline{testbook.Text("Une phrase en français, ")}},
		&edition.Link{URL: "https://example.org/a/very/long/path/index.html", Content: []edition.Inline{testbook.Text("https://example.org/a/very/long/path/index.html")}},
		testbook.Text(" "),
	}, p.Content...)
	return b
}

// TestGoldenFixture keeps the page model of the fixture book at a5.
func TestGoldenFixture(t *testing.T) {
	golden(t, "fixture-a5.dump", dump(t, fixture(), "a5"))
}

// TestGoldenCollection keeps the page model of the second book of the
// tests (testdata/books/second) at its trim, a5: two interviews, each
// opening like a section with its participants, place and date, block
// quotations and stage directions within turns.
func TestGoldenCollection(t *testing.T) {
	golden(t, "collection.dump", dump(t, collectionBook(t), ""))
}

// TestDumpSelectsPages writes one page of the fixture: the elements in
// full, that page alone.
func TestDumpSelectsPages(t *testing.T) {
	d, err := Layout(fixture(), "")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := d.Dump(&buf, func(p *Page) bool { return p.Number == FrontPages+1 }); err != nil {
		t.Fatal(err)
	}
	var pages []string
	elems := 0
	for _, l := range strings.Split(buf.String(), "\n") {
		if strings.HasPrefix(l, "page ") {
			pages = append(pages, l)
		}
		if strings.HasPrefix(l, "e") {
			elems++
		}
	}
	if len(pages) != 1 || !strings.HasPrefix(pages[0], "page 7 folio=1 opening") || elems != len(d.Elements) {
		t.Errorf("pages %q, %d elements of %d", pages, elems, len(d.Elements))
	}
}
