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
		f.mu.Lock()
		f.shape("difficulties", Liga)
		f.mu.Unlock()
	}
}
