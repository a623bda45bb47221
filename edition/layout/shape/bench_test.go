package shape

import (
	"testing"

	"edition/fonts"
)

func BenchmarkParse(b *testing.B) {
	for b.Loop() {
		if _, err := Parse(fonts.Regular); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkShapeWord(b *testing.B) {
	f, _ := Parse(fonts.Regular)
	b.ResetTimer()
	for b.Loop() {
		s := f.get()
		f.shape(s, "difficulties", Liga)
		f.put(s)
	}
}
