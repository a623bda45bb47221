package pdf

import (
	"bytes"
	"reflect"
	"testing"
)

// TestDocumentStartedOnce checks that Layout starts the drawing's document
// and PageBreaks does not, that the page breaks agree, and that drawing the
// same layout twice (the second time without the started document) gives
// the same bytes.
func TestDocumentStartedOnce(t *testing.T) {
	book := realBook(t)
	L, err := Layout(book, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if L.doc == nil {
		t.Error("Layout did not start the document")
	}
	quiet, err := layout(book, Options{}, false)
	if err != nil {
		t.Fatal(err)
	}
	if quiet.doc != nil {
		t.Error("a layout for page breaks started a document")
	}
	breaks, err := PageBreaks(book, "")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(breaks, L.PageBreaks()) {
		t.Error("PageBreaks and Layout(...).PageBreaks() differ")
	}
	var first, second bytes.Buffer
	if err := L.Write(&first); err != nil {
		t.Fatal(err)
	}
	if L.doc != nil {
		t.Error("drawing did not take the started document")
	}
	if err := L.Write(&second); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(first.Bytes(), second.Bytes()) {
		t.Error("the second drawing, on a new document, differs from the first")
	}
	var third bytes.Buffer
	if err := quiet.Write(&third); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(first.Bytes(), third.Bytes()) {
		t.Error("a layout that started no document draws different bytes")
	}
}
