package layout

import "testing"

// BenchmarkLayout measures page make-up: breaking every paragraph into
// lines, making up the pages and building the page model.
func BenchmarkLayout(b *testing.B) {
	book := realBook(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Layout(book, ""); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPageBreaks measures what an EPUB-only build pays for its page
// list: the make-up without the page model.
func BenchmarkPageBreaks(b *testing.B) {
	book := realBook(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := PageBreaks(book, ""); err != nil {
			b.Fatal(err)
		}
	}
}
