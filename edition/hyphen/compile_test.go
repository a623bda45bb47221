package hyphen

import (
	"bufio"
	"bytes"
	_ "embed"
	"encoding/binary"
	"flag"
	"fmt"
	"maps"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/speedata/hyphenation"
)

// The sources english.bin is compiled from (patterns/README.md).

//go:embed patterns/hyphen.tex
var hyphenTeX []byte

//go:embed patterns/ushyphex.tex
var ushyphexTeX []byte

//go:embed exceptions.txt
var projectExceptions []byte

var update = flag.Bool("update", false, "rewrite english.bin from patterns/ and exceptions.txt")

// parseEnglish reads the sources: Knuth's patterns, and the exceptions of
// Knuth's list, the TUGboat log and the project's list, a word in a later
// list overriding the same word in an earlier one.
func parseEnglish() (*hyphenation.Lang, map[string][]int, error) {
	pats, err := texBlock(hyphenTeX, `\patterns`)
	if err != nil {
		return nil, nil, fmt.Errorf("hyphen.tex: %w", err)
	}
	lang, err := hyphenation.New(strings.NewReader(pats)) // read as whitespace-separated words
	if err != nil {
		return nil, nil, fmt.Errorf("hyphen.tex patterns: %w", err)
	}
	// We apply the minima ourselves (see Points); speedata's Leftmin is
	// off by one relative to TeX's \lefthyphenmin.
	lang.Leftmin, lang.Rightmin = 0, 0
	knuthBlock, err := texBlock(hyphenTeX, `\hyphenation`)
	if err != nil {
		return nil, nil, fmt.Errorf("hyphen.tex: %w", err)
	}
	tugBlock, err := texBlock(ushyphexTeX, `\hyphenation`)
	if err != nil {
		return nil, nil, fmt.Errorf("ushyphex.tex: %w", err)
	}
	var ours []string
	sc := bufio.NewScanner(bytes.NewReader(projectExceptions))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		ours = append(ours, strings.Fields(line)...)
	}
	exceptions := map[string][]int{}
	for _, list := range [][]string{strings.Fields(knuthBlock), strings.Fields(tugBlock), ours} {
		for _, w := range list {
			key, pts := parseException(w)
			exceptions[key] = pts
		}
	}
	return lang, exceptions, nil
}

// texBlock returns the text of the first `\cmd{ ... }` group in src, with
// TeX comments (% to end of line) removed: its entries separated by
// whitespace.
func texBlock(src []byte, cmd string) (string, error) {
	var b strings.Builder
	for line := range strings.Lines(string(src)) {
		if i := strings.IndexByte(line, '%'); i >= 0 {
			line = line[:i] + "\n"
		}
		b.WriteString(line)
	}
	s := b.String()
	i := strings.Index(s, cmd+"{")
	if i < 0 {
		return "", fmt.Errorf("no %s{ block", cmd)
	}
	s = s[i+len(cmd)+1:]
	j := strings.IndexByte(s, '}')
	if j < 0 {
		return "", fmt.Errorf("%s block not closed", cmd)
	}
	return s[:j], nil
}

// parseException turns "as-so-ciate" into ("associate", [2 4]).
func parseException(w string) (string, []int) {
	var key []byte
	var pts []int
	n := 0 // letters so far
	for _, r := range w {
		if r == '-' {
			pts = append(pts, n)
			continue
		}
		key = utf8.AppendRune(key, unicode.ToLower(r))
		n++
	}
	return string(key), pts
}

// compileEnglish returns english.bin as the sources give it (decodeEnglish
// reads it): the patterns' binary form, then the exceptions in the order
// of their words.
func compileEnglish() ([]byte, error) {
	lang, exceptions, err := parseEnglish()
	if err != nil {
		return nil, err
	}
	trie, err := lang.MarshalBinary()
	if err != nil {
		return nil, err
	}
	b := []byte(englishMagic)
	b = binary.AppendUvarint(b, uint64(len(trie)))
	b = append(b, trie...)
	points := 0
	for _, pts := range exceptions {
		points += len(pts)
	}
	b = binary.AppendUvarint(b, uint64(len(exceptions)))
	b = binary.AppendUvarint(b, uint64(points))
	for _, w := range slices.Sorted(maps.Keys(exceptions)) {
		b = binary.AppendUvarint(b, uint64(len(w)))
		b = append(b, w...)
		b = binary.AppendUvarint(b, uint64(len(exceptions[w])))
		for _, p := range exceptions[w] {
			b = binary.AppendUvarint(b, uint64(p))
		}
	}
	return b, nil
}

// TestCompiledIsCurrent checks that english.bin is what patterns/ and
// exceptions.txt compile to, and rewrites it with -update.
func TestCompiledIsCurrent(t *testing.T) {
	want, err := compileEnglish()
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile("english.bin", want, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if !bytes.Equal(englishCompiled, want) {
		t.Fatal("english.bin is not what patterns/ and exceptions.txt compile to: run go test ./edition/hyphen -update")
	}
}

// TestCompiledAsParsed checks that the hyphenator read from english.bin
// has the exceptions the sources give and finds the points the patterns
// parsed from them find.
func TestCompiledAsParsed(t *testing.T) {
	lang, exceptions, err := parseEnglish()
	if err != nil {
		t.Fatal(err)
	}
	h := English()
	if len(h.exceptions) != len(exceptions) {
		t.Fatalf("%d exceptions read from english.bin, %d in the sources", len(h.exceptions), len(exceptions))
	}
	for w, pts := range exceptions {
		if got, ok := h.exceptions[w]; !ok || !slices.Equal(got, pts) {
			t.Fatalf("exception %q: %v read from english.bin (%v), %v in the sources", w, got, ok, pts)
		}
	}
	if n := len(exceptions); n < 400 {
		t.Fatalf("only %d exceptions parsed", n)
	}
	words := strings.Fields(string(hyphenTeX) + string(ushyphexTeX) + string(projectExceptions))
	for _, w := range words {
		w = strings.ReplaceAll(strings.Trim(w, `\{}%.,;:()"`), "-", "")
		if got, want := h.lang.Hyphenate(w), lang.Hyphenate(w); !reflect.DeepEqual(got, want) {
			t.Fatalf("%q: %v from english.bin, %v from the patterns parsed", w, got, want)
		}
	}
}

// TestDecodeRejects checks that english.bin cut short, lengthened or with
// a count changed is refused with an error, not read wrongly.
func TestDecodeRejects(t *testing.T) {
	data := englishCompiled
	for _, n := range []int{0, 3, len(englishMagic), len(englishMagic) + 1, len(englishMagic) + 3, len(data) / 2, len(data) - 1} {
		if _, err := decodeEnglish(data[:n]); err == nil {
			t.Errorf("cut to %d of %d bytes: accepted", n, len(data))
		}
	}
	if _, err := decodeEnglish(append(slices.Clone(data), 0)); err == nil {
		t.Error("a byte too many: accepted")
	}
	if _, err := decodeEnglish(append([]byte("edition hyphen\x02"), data[len(englishMagic):]...)); err == nil {
		t.Error("another version: accepted")
	}
}

// FuzzDecodeEnglish checks that no data makes decodeEnglish, or the
// hyphenator it returns, fail.
func FuzzDecodeEnglish(f *testing.F) {
	f.Add(englishCompiled)
	f.Add([]byte(englishMagic + "\x00\x00\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if h, err := decodeEnglish(data); err == nil {
			h.Points("hyphenation")
			h.Points("associate")
		}
	})
}
