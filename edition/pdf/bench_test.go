package pdf

import (
	"bytes"
	"testing"
)

// BenchmarkDraw measures drawing alone: the layout is made once, outside
// the loop, and each iteration draws every page with gofpdf and finishes
// the file.
func BenchmarkDraw(b *testing.B) {
	L, err := Layout(realBook(b), Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := L.Write(&buf); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(int64(buf.Len()))
}
