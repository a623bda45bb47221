package hyphenation

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"math/rand"
	"os"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"
)

// upstreamNew reads patterns as v1.0.2's New does, into its map by word
// part.
func upstreamNew(pats string) map[string][]byte {
	out := map[string][]byte{}
	s := bufio.NewScanner(strings.NewReader(pats))
	s.Split(bufio.ScanWords)
	var wordpart []rune
	var prio byte
	for s.Scan() {
		pattern := s.Text()
		wordpart = wordpart[:0]
		pat := []byte{}
		var prev rune
		for _, v := range pattern {
			if !unicode.IsDigit(v) {
				if unicode.IsDigit(prev) {
					prio = byte(prev) - '0'
				} else {
					prio = 0
				}
				wordpart = append(wordpart, v)
				if v != '.' {
					pat = append(pat, prio)
				}
			}
			prev = v
		}
		if unicode.IsDigit(prev) {
			pat = append(pat, byte(prev)-'0')
		} else {
			pat = append(pat, 0)
		}
		out[string(wordpart)] = pat
	}
	return out
}

// upstreamHyphenate is Hyphenate's matching as v1.0.2 has it: every
// substring of the word, each made into a string to look it up in the
// patterns' map.
func upstreamHyphenate(patterns map[string][]byte, word string) []patternposition {
	var rword []rune
	for _, letter := range "." + word + "." {
		rword = append(rword, unicode.ToLower(letter))
	}
	var patterninfo []patternposition
	maxlen := len(rword)
	for j := 1; j < maxlen; j++ {
		startpos := j - 1
		for i := j + 1; i <= maxlen; i++ {
			wordpart := rword[startpos:i]
			if pattern, ok := patterns[string(wordpart)]; ok {
				patterninfo = append(patterninfo, patternposition{startpos: startpos, wordpart: wordpart, pattern: pattern})
			}
		}
	}
	return patterninfo
}

// upstreamPoints is upstream Hyphenate's result from its matches.
func upstreamPoints(patterns map[string][]byte, l *Lang, word string) []int {
	n := len([]rune(word)) + 2
	maxPrio := make([]byte, n-1)
	for _, bp := range upstreamHyphenate(patterns, word) {
		startpos := bp.startpos
		if bp.wordpart[0] == '.' {
			startpos++
		}
		for i := range bp.pattern {
			maxPrio[startpos-1+i] = max(maxPrio[startpos-1+i], bp.pattern[i])
		}
	}
	var positions []int
	left, right := 1+max(l.Leftmin, 0), len(maxPrio)-max(l.Rightmin, 0)
	for i := left; i < right; i++ {
		if maxPrio[i]%2 != 0 {
			positions = append(positions, i)
		}
	}
	return positions
}

// patternMap returns the patterns of l's trie by word part, as upstream's
// map held them, and checks that each node's children are in the order of
// their runes and that the root's table of ASCII children agrees.
func patternMap(t *testing.T, l *Lang) map[string][]byte {
	tr := &l.patterns
	out := map[string][]byte{}
	var walk func(node int32, key []rune)
	walk = func(node int32, key []rune) {
		nd := tr.nodes[node]
		if pat := tr.pattern(node); pat != nil {
			out[string(key)] = pat
		}
		for k, e := range tr.edges[nd.first : nd.first+nd.n] {
			if k > 0 && tr.edges[nd.first+int32(k)-1].r >= e.r {
				t.Fatalf("children of %q not in order", string(key))
			}
			if node == 0 && e.r < 128 && tr.ascii[e.r] != e.node {
				t.Fatalf("root's ASCII child %q is %d, its edge %d", e.r, tr.ascii[e.r], e.node)
			}
			walk(e.node, append(key, e.r))
		}
	}
	walk(0, nil)
	return out
}

// knuth returns the patterns of Knuth's hyphen.tex, as the project reads
// them, or "" if the file is not there.
func knuth(t *testing.T) string {
	tex, err := os.ReadFile("../../edition/hyphen/patterns/hyphen.tex")
	if err != nil {
		t.Logf("Knuth's patterns not read (%v): the tests' small sets only", err)
		return ""
	}
	block := regexp.MustCompile(`(?s)\\patterns\{(.*?)\}`).FindSubmatch(regexp.MustCompile(`%[^\n]*`).ReplaceAll(tex, nil))
	if block == nil {
		t.Fatal("hyphen.tex: no \\patterns block")
	}
	return string(block[1])
}

// TestNewAsUpstream checks patches 1 and 2 (PATCHES.md): New reads the
// same patterns as upstream's, into the trie, odd ones included (a word
// part of digits only, Arabic-Indic digits, invalid UTF-8, a pattern given
// twice with other priorities, blank lines and tabs, non-ASCII letters).
func TestNewAsUpstream(t *testing.T) {
	sets := []string{patternsEN, patternsDE, "", "  \n\t ", "12 ٣a٤ .a\xffb3 ab1 ab2 \xc3 x\n\n\ty2z. ä1b äb2 é3", strings.Repeat("ab1c ", 3000)}
	if k := knuth(t); k != "" {
		sets = append(sets, k)
	}
	for _, pats := range sets {
		l, err := New(strings.NewReader(pats))
		if err != nil {
			t.Fatal(err)
		}
		if got, want := patternMap(t, l), upstreamNew(pats); !reflect.DeepEqual(got, want) {
			t.Fatalf("patterns of %.40q: %d read, upstream %d", pats, len(got), len(want))
		}
	}
}

// TestPatchedAsUpstream checks patch 1 (PATCHES.md): the trie walk finds
// the same patterns at the same places, in the same order, and so the same
// points, as upstream's lookup of every substring, for Knuth's US English
// patterns (the project's copy of hyphen.tex) and the tests' English and
// German ones, on words of every length up to 70 letters, capitals,
// non-ASCII letters, combining marks and invalid UTF-8 included.
func TestPatchedAsUpstream(t *testing.T) {
	langs := map[string]string{"de": patternsDE, "en-small": patternsEN}
	if k := knuth(t); k != "" {
		langs["en-us"] = k
	}
	words := strings.Fields(`hyphenation developers computer Stalin’s Rolland
		associate project present Hühnerstall Schifffahrt superfluous
		incomprehensibilities supercalifragilisticexpialidocious a an ox
		é ß x.y re-enter ÉCOLE ﬁnish`)
	rnd := rand.New(rand.NewSource(1))
	letters := []rune("abcdefghijklmnopqrstuvwxyzäöüßéABCZ.'-\uFFFD\u0301")
	for n := 1; n <= 70; n++ {
		for range 20 {
			w := make([]rune, n)
			for i := range w {
				w[i] = letters[rnd.Intn(len(letters))]
			}
			words = append(words, string(w))
		}
	}
	words = append(words, "ab\xffcd", "\xc3", strings.Repeat("ab", 80))
	for name, pats := range langs {
		l, err := New(strings.NewReader(pats))
		if err != nil {
			t.Fatal(name, err)
		}
		patterns := upstreamNew(pats)
		for _, lr := range [][2]int{{0, 0}, {2, 3}} {
			l.Leftmin, l.Rightmin = lr[0], lr[1]
			for _, w := range words {
				var rword []rune
				for _, r := range "." + w + "." {
					rword = append(rword, unicode.ToLower(r))
				}
				if got, want := l.doHyphenate(rword), upstreamHyphenate(patterns, w); (len(got) > 0 || len(want) > 0) && !reflect.DeepEqual(got, want) {
					t.Fatalf("%s %q: matches %v, upstream %v", name, w, got, want)
				}
				if got, want := l.Hyphenate(w), upstreamPoints(patterns, l, w); !reflect.DeepEqual(got, want) {
					t.Fatalf("%s %q: points %v, upstream %v", name, w, got, want)
				}
			}
		}
	}
}

// TestBinaryRoundTrip checks patch 3 (PATCHES.md): a Lang written by
// MarshalBinary and read back by UnmarshalBinary has the same patterns
// (as upstream reads them), the same minima, and finds the same points.
func TestBinaryRoundTrip(t *testing.T) {
	sets := []string{patternsEN, patternsDE, "a1", "12 ٣a٤ .a\xffb3 ab1 ab2 \xc3 x\n\n\ty2z. ä1b äb2 é3"}
	if k := knuth(t); k != "" {
		sets = append(sets, k)
	}
	words := strings.Fields("hyphenation developers Stalin’s Hühnerstall Schifffahrt incomprehensibilities é ab\xffcd supercalifragilisticexpialidocious")
	for _, pats := range sets {
		l, err := New(strings.NewReader(pats))
		if err != nil {
			t.Fatal(err)
		}
		l.Leftmin, l.Rightmin = 2, 3
		data, err := l.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		var back Lang
		if err := back.UnmarshalBinary(data); err != nil {
			t.Fatalf("%.40q: %v", pats, err)
		}
		if back.Leftmin != 2 || back.Rightmin != 3 {
			t.Fatalf("%.40q: minima %d, %d read back, not 2, 3", pats, back.Leftmin, back.Rightmin)
		}
		if got, want := patternMap(t, &back), upstreamNew(pats); !reflect.DeepEqual(got, want) {
			t.Fatalf("%.40q: %d patterns read back, upstream %d", pats, len(got), len(want))
		}
		for _, w := range words {
			if got, want := back.Hyphenate(w), l.Hyphenate(w); !reflect.DeepEqual(got, want) {
				t.Fatalf("%.40q %q: %v read back, %v before", pats, w, got, want)
			}
		}
		again, _ := back.MarshalBinary()
		if !bytes.Equal(again, data) {
			t.Fatalf("%.40q: written again, the form differs", pats)
		}
	}
	if _, err := new(Lang).MarshalBinary(); err == nil {
		t.Error("a Lang without patterns was written")
	}
}

// TestUnmarshalBinaryRejects checks that UnmarshalBinary refuses data
// MarshalBinary did not write — cut short at every length, too long, its
// counts or indices changed — and that whatever it accepts hyphenates
// without failing.
func TestUnmarshalBinaryRejects(t *testing.T) {
	l, err := New(strings.NewReader(patternsEN))
	if err != nil {
		t.Fatal(err)
	}
	data, _ := l.MarshalBinary()
	for n := range len(data) {
		if err := new(Lang).UnmarshalBinary(data[:n]); err == nil {
			t.Fatalf("data cut to %d of %d bytes accepted", n, len(data))
		}
	}
	if err := new(Lang).UnmarshalBinary(append(slices.Clone(data), 0)); err == nil {
		t.Fatal("a byte too many accepted")
	}
	set := func(i int, v uint32) []byte {
		d := slices.Clone(data)
		binary.LittleEndian.PutUint32(d[i:], v)
		return d
	}
	nodes := int(binary.LittleEndian.Uint32(data[len(binaryMagic)+8:]))
	edge0 := binaryHeader + 16*nodes
	for name, d := range map[string][]byte{
		"bad magic":          append([]byte("LIANG\x02"), data[len(binaryMagic):]...),
		"no nodes":           set(len(binaryMagic)+8, 0),
		"negative edges":     set(len(binaryMagic)+12, 1<<31),
		"edges past end":     set(binaryHeader+4, 1<<20),
		"priorities past":    set(binaryHeader+8, 1<<30),
		"edge to the root":   set(edge0+4, 0),
		"edge past nodes":    set(edge0+4, uint32(nodes)),
		"edges out of order": set(edge0, 0x7fffffff),
	} {
		if err := new(Lang).UnmarshalBinary(d); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	// Any byte changed: an error, or a Lang that hyphenates.
	for i := range data {
		d := slices.Clone(data)
		d[i] ^= 0x5a
		var back Lang
		if back.UnmarshalBinary(d) == nil {
			back.Hyphenate("hyphenation")
		}
	}
}

// FuzzUnmarshalBinary checks that no data makes UnmarshalBinary, or
// Hyphenate with what it accepts, fail.
func FuzzUnmarshalBinary(f *testing.F) {
	l, err := New(strings.NewReader(patternsEN))
	if err != nil {
		f.Fatal(err)
	}
	data, _ := l.MarshalBinary()
	f.Add(data)
	f.Add([]byte(binaryMagic))
	f.Fuzz(func(t *testing.T, data []byte) {
		var back Lang
		if back.UnmarshalBinary(data) == nil {
			back.Hyphenate("hyphenation")
			back.Hyphenate("Stalin’s")
		}
	})
}
