package hyphen

import "testing"

// BenchmarkNewEnglish measures what every process that hyphenates pays once,
// whatever the book: reading the patterns and the exceptions (issue 13).
func BenchmarkNewEnglish(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := newEnglish(); err != nil {
			b.Fatal(err)
		}
	}
}
