package load

import (
	"bytes"
	"sort"
	"unicode/utf8"

	"edition/edition"
)

// srcFile is one source file with an index of where its lines start, so
// that a byte offset becomes a line and column in O(log lines) plus the
// length of the part of the line before it.
type srcFile struct {
	// name is the file name as positions show it ("source/interview.md").
	name string
	src  []byte
	// lines holds the offset at which each line starts.
	lines []int

	// The last position computed, to count columns on from it when offsets
	// are asked for in increasing order, as they mostly are. This keeps
	// the cost linear even when a paragraph is one very long line.
	lastOff, lastLine, lastCol int
	// widths caches the number of characters of lines clamp has measured.
	widths map[int]int
}

func newSrcFile(name string, src []byte) *srcFile {
	lines := make([]int, 1, 1+bytes.Count(src, []byte{'\n'}))
	for i := 0; ; {
		k := bytes.IndexByte(src[i:], '\n')
		if k < 0 {
			break
		}
		i += k + 1
		lines = append(lines, i)
	}
	return &srcFile{name: name, src: src, lines: lines, lastLine: -1}
}

// pos returns the position of byte offset off. Columns count characters
// (runes; an invalid byte counts as one), from 1.
func (f *srcFile) pos(off int) edition.Pos {
	if off < 0 {
		off = 0
	}
	if off > len(f.src) {
		off = len(f.src)
	}
	line := sort.Search(len(f.lines), func(i int) bool { return f.lines[i] > off }) - 1
	start, col := f.lines[line], 1
	if line == f.lastLine {
		switch {
		case off >= f.lastOff:
			start, col = f.lastOff, f.lastCol
		case f.lastOff-off < off-start:
			// Nearer the last position than the line's start: count back.
			col = max(1, f.lastCol-utf8.RuneCount(f.src[off:f.lastOff]))
			f.lastOff, f.lastCol = off, col
			return edition.Pos{File: f.name, Line: line + 1, Col: col}
		}
	}
	for i := start; i < off; {
		_, size := utf8.DecodeRune(f.src[i:])
		i += size
		col++
	}
	f.lastOff, f.lastLine, f.lastCol = off, line, col
	return edition.Pos{File: f.name, Line: line + 1, Col: col}
}

// clamp returns the position line:col, moved into the file if it lies
// outside it. It is for positions that come from another parser (YAML),
// which may count lines differently in a file with stray line separators.
func (f *srcFile) clamp(line, col int) edition.Pos {
	line = min(max(line, 1), len(f.lines))
	start, end := f.lines[line-1], len(f.src)
	if line < len(f.lines) {
		end = f.lines[line] - 1
	}
	width, ok := f.widths[line]
	if !ok {
		for i := start; i < end; {
			_, size := utf8.DecodeRune(f.src[i:])
			i += size
			width++
		}
		if f.widths == nil {
			f.widths = map[int]int{}
		}
		f.widths[line] = width
	}
	col = min(max(col, 1), width+1)
	return edition.Pos{File: f.name, Line: line, Col: col}
}
