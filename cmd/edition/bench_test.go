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
	dir := b.TempDir()
	b.ReportAllocs()
	for b.Loop() {
		book, err := load.Dir(src)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := buildFiles(&job{book: book, dir: dir}, formats); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkBuild(b *testing.B)    { benchmarkBuild(b, 1) }
func BenchmarkBuild10x(b *testing.B) { benchmarkBuild(b, 10) }

// BenchmarkBuild100x builds the book repeated 100 times, the long book of
// issues 6 and 13's targets (≤ 2 s, ≤ 1 GiB, 10× → 100× time ratio ≤ 11);
// its interview.md is well within load.MaxMarkdownSize.
func BenchmarkBuild100x(b *testing.B) { benchmarkBuild(b, 100) }

// BenchmarkFormat measures each edition on its own from the loaded book,
// as the build makes it: the EPUB and the PDF each include the print
// layout they share in a whole build (the EPUB takes its page breaks from
// it), so their sum is more than the build.
func BenchmarkFormat(b *testing.B) {
	book, err := load.Dir(source)
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	for _, f := range formats {
		b.Run(f.name, func(b *testing.B) {
			b.ReportAllocs()
			var size int
			for b.Loop() {
				files, err := buildFiles(&job{book: book, dir: dir}, []format{f})
				if err != nil {
					b.Fatal(err)
				}
				size = 0
				for _, file := range files {
					size += len(file.Data)
				}
			}
			b.SetBytes(int64(size))
		})
	}
}
