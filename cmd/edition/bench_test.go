package main

import (
	"fmt"
	"path/filepath"
	"testing"

	"edition/edition/load"
	"edition/internal/bigbook"
)

// benchmarkBuild measures loading and building every format of the book
// repeated n times, in memory (writing files is left out).
func benchmarkBuild(b *testing.B, n int) {
	src := source
	if n > 1 {
		src = filepath.Join(b.TempDir(), fmt.Sprintf("x%d", n))
		if err := bigbook.Write(source, src, n); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		book, err := load.Dir(src)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := buildFiles(&job{book: book, dir: b.TempDir()}, formats); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkBuild(b *testing.B)     { benchmarkBuild(b, 1) }
func BenchmarkBuild10x(b *testing.B)  { benchmarkBuild(b, 10) }
func BenchmarkBuild100x(b *testing.B) { benchmarkBuild(b, 100) }
