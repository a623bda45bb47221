// Package hyphen finds the places where an English word may be hyphenated at
// the end of a line, with Frank Liang's patterns as TeX uses them.
//
// The patterns are Knuth's US English patterns (hyphen.tex) read and matched
// by github.com/speedata/hyphenation (third_party/hyphenation, patched for
// speed). On top of them come three exception lists, in increasing
// priority: Knuth's own \hyphenation list from hyphen.tex, the TUGboat US
// English exception log (ushyphex.tex), and the project's list
// (exceptions.txt) for words of the book that the patterns get wrong. The two
// TeX files are shipped unmodified with their notices in patterns/.
//
// As in TeX's English set-up, at least two letters stay before a break
// (\lefthyphenmin=2) and at least three after it (\righthyphenmin=3).
//
// Words longer than MaxLetters letters are left unhyphenated: no English
// word is that long, and upstream's pattern matcher took time cubic in a
// word's length (a 4,096-letter word took 43 s; the patched trie walk is
// linear), so such a word is rejected after one linear scan instead.
package hyphen

import (
	"bufio"
	"bytes"
	_ "embed"
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/speedata/hyphenation"

	"edition/internal/textmap"
)

// The minimum number of letters before and after a pattern break, as TeX's
// \lefthyphenmin and \righthyphenmin for English.
const (
	LeftMin  = 2
	RightMin = 3
)

// MaxLetters is the length, in letters, of the longest word that is
// hyphenated; longer words get no points. The longest word in major English
// dictionaries has 45 letters.
const MaxLetters = 64

//go:embed patterns/hyphen.tex
var hyphenTeX []byte

//go:embed patterns/ushyphex.tex
var ushyphexTeX []byte

//go:embed exceptions.txt
var projectExceptions []byte

// Hyphenator finds hyphenation points in words. Its methods are safe for
// concurrent use.
type Hyphenator struct {
	lang       *hyphenation.Lang
	exceptions map[string][]int // lower-case word → allowed rune offsets
	// memo remembers the patterns' points for each lower-case word: a book
	// repeats its words, and matching is the costly part, so each word is
	// matched once. The paragraph builders of every core use it at the same time
	// (package textmap).
	memo textmap.Map[[]int]
}

var (
	englishOnce sync.Once
	english     *Hyphenator
)

// English returns the US English hyphenator, built once from the embedded
// pattern and exception files. It panics if those files cannot be parsed,
// which a test guards against.
func English() *Hyphenator {
	englishOnce.Do(func() {
		h, err := newEnglish()
		if err != nil {
			panic("hyphen: " + err.Error())
		}
		english = h
	})
	return english
}

func newEnglish() (*Hyphenator, error) {
	pats, err := texBlock(hyphenTeX, `\patterns`)
	if err != nil {
		return nil, fmt.Errorf("hyphen.tex: %w", err)
	}
	lang, err := hyphenation.New(strings.NewReader(pats)) // read as whitespace-separated words
	if err != nil {
		return nil, fmt.Errorf("hyphen.tex patterns: %w", err)
	}
	// We apply the minima ourselves (see Points); speedata's Leftmin is
	// off by one relative to TeX's \lefthyphenmin.
	lang.Leftmin, lang.Rightmin = 0, 0
	knuthBlock, err := texBlock(hyphenTeX, `\hyphenation`)
	if err != nil {
		return nil, fmt.Errorf("hyphen.tex: %w", err)
	}
	tugBlock, err := texBlock(ushyphexTeX, `\hyphenation`)
	if err != nil {
		return nil, fmt.Errorf("ushyphex.tex: %w", err)
	}
	knuth, tug := strings.Fields(knuthBlock), strings.Fields(tugBlock)
	var ours []string
	sc := bufio.NewScanner(bytes.NewReader(projectExceptions))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		ours = append(ours, strings.Fields(line)...)
	}
	n := len(knuth) + len(tug) + len(ours)
	h := &Hyphenator{lang: lang, exceptions: make(map[string][]int, n)}
	var key []byte
	all := make([]int, 0, 4*n) // every list's points, sliced
	for _, list := range [][]string{knuth, tug, ours} {
		for _, w := range list {
			at := len(all)
			key, all = parseException(key[:0], all, w)
			h.exceptions[string(key)] = all[at:len(all):len(all)]
		}
	}
	return h, nil
}

// texBlock returns the text of the first `\cmd{ ... }` group in src, with
// TeX comments (% to end of line) removed: its entries separated by
// whitespace.
func texBlock(src []byte, cmd string) (string, error) {
	var b strings.Builder
	b.Grow(len(src))
	for rest := src; len(rest) > 0; {
		line := rest
		if i := bytes.IndexByte(rest, '\n'); i >= 0 {
			line, rest = rest[:i], rest[i+1:]
		} else {
			rest = nil
		}
		if i := bytes.IndexByte(line, '%'); i >= 0 {
			line = line[:i]
		}
		b.Write(line)
		b.WriteByte('\n')
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

// parseException turns "as-so-ciate" into ("associate", [2 4]), appended
// to key and pts.
func parseException(key []byte, pts []int, w string) ([]byte, []int) {
	n := 0 // letters so far
	for _, r := range w {
		if r == '-' {
			pts = append(pts, n)
			continue
		}
		key = utf8.AppendRune(key, unicode.ToLower(r))
		n++
	}
	return key, pts
}

// IsHyphen reports whether r is a visible hyphen after which a word may be
// broken without adding another hyphen: U+002D HYPHEN-MINUS or U+2010
// HYPHEN. U+2011 NON-BREAKING HYPHEN is not one.
func IsHyphen(r rune) bool { return r == '-' || r == '\u2010' }

// isApostrophe reports whether r is an apostrophe inside a word.
func isApostrophe(r rune) bool { return r == '\'' || r == '\u2019' || r == '\u02BC' }

// Points returns the rune offsets i, 0 < i < len([]rune(word)), in
// increasing order, where the word may be broken at a line end.
//
// For an ordinary word, a break at i sets []rune(word)[:i] followed by an
// added hyphen on one line and the rest on the next. Points are found
// case-insensitively from the exception lists or else from the patterns, and
// keep at least LeftMin letters before and RightMin letters after the break.
// Leading and trailing punctuation (quotes, commas, full stops) is skipped
// and offsets still count from the start of word. An apostrophe (', ’, ʼ)
// splits the word into parts hyphenated on their own ("Stalin’s" is
// hyphenated as "Stalin"), and no break is ever placed next to it.
//
// A word that already contains a hyphen (IsHyphen) is broken only after its
// hyphens: Points("non-aggression") is [4], and the caller must not add a
// second hyphen there. Words with a digit, acronyms in capitals ("USSR"),
// words with other inner punctuation and words shorter than
// LeftMin+RightMin letters or longer than MaxLetters get no points.
func (h *Hyphenator) Points(word string) []int {
	return h.AppendPoints(nil, word)
}

// AppendPoints appends the points of word (see Points) to pts and returns
// the extended slice, so that a caller can reuse one slice for many
// words.
func (h *Hyphenator) AppendPoints(pts []int, word string) []int {
	var buf [MaxLetters + 8]rune // most words fit: no allocation
	rs := buf[:0]
	for _, r := range word {
		rs = append(rs, r)
	}
	hasHyphen := false
	for i, r := range rs {
		if IsHyphen(r) {
			hasHyphen = true
			if i > 0 && i+1 < len(rs) && unicode.IsLetter(rs[i-1]) && unicode.IsLetter(rs[i+1]) {
				pts = append(pts, i+1)
			}
		}
	}
	if hasHyphen {
		return pts
	}
	// Trim leading and trailing non-letters.
	lo, hi := 0, len(rs)
	for lo < hi && !unicode.IsLetter(rs[lo]) {
		lo++
	}
	for hi > lo && !unicode.IsLetter(rs[hi-1]) {
		hi--
	}
	if hi-lo < LeftMin+RightMin || hi-lo > MaxLetters {
		return pts
	}
	for _, r := range rs[lo:hi] {
		if !unicode.IsLetter(r) && !isApostrophe(r) {
			return pts // digits, slashes, inner full stops, …
		}
	}
	// Hyphenate each apostrophe-separated part on its own.
	start := lo
	for i := lo; i <= hi; i++ {
		if i < hi && !isApostrophe(rs[i]) {
			continue
		}
		pts = h.part(pts, rs[start:i], start)
		start = i + 1
	}
	return pts
}

// part appends to pts the points of a run of at most MaxLetters letters,
// shifted by off.
func (h *Hyphenator) part(pts []int, letters []rune, off int) []int {
	n := len(letters)
	if n < LeftMin+RightMin {
		return pts
	}
	upper := true
	for _, r := range letters {
		if !unicode.IsUpper(r) {
			upper = false
			break
		}
	}
	if upper {
		return pts
	}
	// The word in lower case, built without allocating: a string is made
	// only for a word not met before.
	var lb [MaxLetters * utf8.UTFMax]byte
	lower := lb[:0]
	for _, r := range letters {
		lower = utf8.AppendRune(lower, unicode.ToLower(r))
	}
	raw, ok := h.exceptions[string(lower)]
	if !ok {
		raw, ok = h.memo.Get(lower)
		if !ok {
			key := string(lower)
			raw = h.memo.Keep(key, h.lang.Hyphenate(key))
		}
	}
	for _, p := range raw {
		if p >= LeftMin && p <= n-RightMin {
			pts = append(pts, p+off)
		}
	}
	return pts
}

// Hyphenate returns word with the hyphenation points marked by sep, for
// tests and diagnostics: Hyphenate("hyphenation", "-") is "hy-phen-ation".
func (h *Hyphenator) Hyphenate(word, sep string) string {
	rs := []rune(word)
	var b strings.Builder
	prev := 0
	for _, p := range h.Points(word) {
		b.WriteString(string(rs[prev:p]))
		b.WriteString(sep)
		prev = p
	}
	b.WriteString(string(rs[prev:]))
	return b.String()
}
