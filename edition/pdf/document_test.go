package pdf

import (
	"bytes"
	"testing"

	"edition/edition/layout"
	"edition/internal/testbook"
)

// TestDocumentStartedOnce checks that NewWriter starts the drawing's
// document, that the first Write takes it, and that drawing the same page
// model again (on a new document) or with Write gives the same bytes.
func TestDocumentStartedOnce(t *testing.T) {
	book := realBook(t)
	d, err := layout.Layout(book, "")
	if err != nil {
		t.Fatal(err)
	}
	wr := NewWriter(d.Geometry)
	if !wr.started() {
		t.Error("NewWriter did not start the document")
	}
	var first, second, third bytes.Buffer
	if err := wr.Write(&first, book, d); err != nil {
		t.Fatal(err)
	}
	if wr.started() {
		t.Error("drawing did not take the started document")
	}
	if err := wr.Write(&second, book, d); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(first.Bytes(), second.Bytes()) {
		t.Error("the second drawing, on a new document, differs from the first")
	}
	if err := Write(&third, book, d); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(first.Bytes(), third.Bytes()) {
		t.Error("Write, with no started document, draws different bytes")
	}
}

// TestWriterOtherTrim draws a page model of another trim than the one the
// Writer started its document for: the page size must be the model's.
func TestWriterOtherTrim(t *testing.T) {
	book := testbook.Book([][]int{{2}}, nil, nil)
	g, err := layout.NewGeometry("6x9in")
	if err != nil {
		t.Fatal(err)
	}
	d, err := layout.Layout(book, "a5")
	if err != nil {
		t.Fatal(err)
	}
	var a, b bytes.Buffer
	if err := NewWriter(g).Write(&a, book, d); err != nil {
		t.Fatal(err)
	}
	if err := Write(&b, book, d); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("a Writer started for 6x9in draws an a5 model differently")
	}
	if !bytes.Contains(a.Bytes(), []byte("/MediaBox [0 0 419.53 595.28]")) {
		t.Error("the a5 model is not drawn on a5 pages")
	}
}

// TestEmptyBook renders a book with no turns, no notes and an empty
// preface without failing.
func TestEmptyBook(t *testing.T) {
	b := testbook.Book(nil, nil, nil)
	b.Preface.Paragraphs = nil
	b.Preface.Signature = nil
	var buf bytes.Buffer
	if err := (Renderer{}).Render(&buf, b); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(buf.Bytes(), []byte("%PDF-")) {
		t.Error("not a PDF")
	}
}
