package pdf

import (
	"bytes"
	"testing"

	"edition/edition/layout"
)

// BenchmarkDraw measures drawing alone: the layout is made once, outside
// the loop, and each iteration draws every page with gofpdf and finishes
// the file.
func BenchmarkDraw(b *testing.B) {
	book := realBook(b)
	d, err := layout.Layout(book, "")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := Write(&buf, book, d); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(int64(buf.Len()))
}
