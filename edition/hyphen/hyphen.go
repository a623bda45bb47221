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
// The program does not parse those files: they are compiled into
// english.bin (the patterns' trie and the exceptions, which the program
// embeds and reads in a few tens of microseconds) by the package's test,
// which fails while english.bin is not what the sources give and rewrites
// it when run with -update (go test ./edition/hyphen -update).
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
	"bytes"
	_ "embed"
	"encoding/binary"
	"errors"
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

// englishCompiled is the US English patterns and exception lists
// compiled (english.bin): Knuth's patterns in the binary form of
// hyphenation.Lang's MarshalBinary, then the exceptions, each list
// overriding the one before (see compileEnglish in compile_test.go,
// which makes the file from patterns/ and exceptions.txt and checks that
// it is current). Reading it takes a few tens of microseconds where
// parsing the sources took two milliseconds, in every process that
// hyphenates (issue 13).
//
//go:embed english.bin
var englishCompiled []byte

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

func newEnglish() (*Hyphenator, error) { return decodeEnglish(englishCompiled) }

// englishMagic begins english.bin; its last byte is the form's version.
const englishMagic = "edition hyphen\x01"

// decodeEnglish reads a hyphenator from its compiled form: englishMagic,
// the length of the patterns' binary form (hyphenation.Lang's, a uvarint)
// and that form, the number of exceptions and of all their points, and
// each exception: its lower-case word (its length and its bytes) and its
// points (their number and each point); every number a uvarint. The
// hyphenator keeps data.
func decodeEnglish(data []byte) (*Hyphenator, error) {
	rest, ok := bytes.CutPrefix(data, []byte(englishMagic))
	if !ok {
		return nil, errors.New("compiled patterns: no header")
	}
	bad := errors.New("compiled patterns: cut short or malformed")
	next := func() int {
		v, n := binary.Uvarint(rest)
		if n <= 0 || v > uint64(len(data)) {
			rest, ok = nil, false
			return 0
		}
		rest = rest[n:]
		return int(v)
	}
	take := func(n int) []byte {
		if n > len(rest) {
			rest, ok = nil, false
			return nil
		}
		b := rest[:n:n]
		rest = rest[n:]
		return b
	}
	lang := new(hyphenation.Lang)
	if trie := take(next()); !ok {
		return nil, bad
	} else if err := lang.UnmarshalBinary(trie); err != nil {
		return nil, err
	}
	n, points := next(), next()
	if !ok || n > len(rest) || points > len(rest) {
		return nil, bad
	}
	h := &Hyphenator{lang: lang, exceptions: make(map[string][]int, n)}
	all := make([]int, 0, points) // every exception's points, sliced
	words := string(rest)         // the words are strings of this one
	for range n {
		size := next()
		from := len(words) - len(rest)
		if take(size); !ok {
			return nil, bad
		}
		at := len(all)
		for range next() {
			all = append(all, next())
		}
		if !ok {
			return nil, bad
		}
		h.exceptions[words[from:from+size]] = all[at:len(all):len(all)]
	}
	if !ok || len(rest) != 0 {
		return nil, bad
	}
	return h, nil
}

// IsHyphen reports whether r is a visible hyphen after which a word may be
// broken without adding another hyphen: U+002D HYPHEN-MINUS or U+2010
// HYPHEN. U+2011 NON-BREAKING HYPHEN is not one.
func IsHyphen(r rune) bool { return r == '-' || r == '\u2010' }

// isApostrophe reports whether r is an apostrophe inside a word.
func isApostrophe(r rune) bool { return r == '\'' || r == '\u2019' || r == '\u02BC' }

// Forget drops the points h has remembered (see memo), so that the words
// of the next book are matched anew: a process that sets many books can
// bound its memory this way, and a benchmark times a book as the first.
func (h *Hyphenator) Forget() { h.memo.Clear() }

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
