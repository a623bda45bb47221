// Public domain.
// Comments to gundlach@speedata.de

// Package hyphenation hyphenates words with TeXs algorithm.
//
// The algorithm is used in TeX and originally from Franklin Liang, his thesis can be downloaded from
// https://www.tug.org/docs/liang%20/liang-thesis.pdf
//
// You need pattern files which can be downloaded from
// http://ctan.math.utah.edu/ctan/tex-archive/language/hyph-utf8/tex/generic/hyph-utf8/patterns/txt/
package hyphenation

import (
	"bufio"
	"bytes"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Lang is a language object for hyphenation.
// Use it by calling New(), otherwise the object is not initialized properly.
type Lang struct {
	patterns map[string][]byte
	longest  int // the length, in runes, of the longest pattern's word part (patch 1)
	Leftmin  int // The minimum number of non hyphenated runes at the beginning of a word. Defaults to 0.
	Rightmin int // The minimum number of non hyphenated runes at the end of a word. Defaults to 0.
}

// New loads patterns from the reader. Patterns are word substrings with a hyphenation priority
// between each letter, 0s omitted. Example patterns are “.ach4 at3est 4if.” where a dot
// denotes a word boundary. An odd number means “don't hyphenate here”, everything else allows
// hyphenation at this point. The final priority for each position is the maximum of each priority
// given in each applied pattern.
func New(r io.Reader) (*Lang, error) {
	l := &Lang{Leftmin: 0, Rightmin: 0}
	// patch 2: the patterns are read at once and counted, so that the map
	// is made at its size rather than grown and rehashed many times; each
	// pattern is read from the scanner's bytes, not a string made of them;
	// its word part is built as UTF-8 bytes, the string the key it always
	// was; its priorities are kept in blocks shared by many patterns.
	data, readErr := io.ReadAll(r)
	words := func() *bufio.Scanner {
		s := bufio.NewScanner(bytes.NewReader(data))
		s.Split(bufio.ScanWords)
		return s
	}
	n := 0
	for s := words(); s.Scan(); {
		n++
	}
	l.patterns = make(map[string][]byte, n)
	s := words()

	var wordpart []byte // UTF-8
	var pats []byte     // the block the priorities are appended to

	var prio byte

	// for each word in the pattern file
	for s.Scan() {
		pattern := s.Bytes()
		wordpart = wordpart[:0]
		if cap(pats)-len(pats) < len(pattern)+1 {
			pats = make([]byte, 0, max(4096, len(pattern)+1))
		}
		at := len(pats)
		var prev rune
		runes := 0

		for len(pattern) > 0 {
			v, size := utf8.DecodeRune(pattern)
			pattern = pattern[size:]
			// if it is a letter, the priority is the previous
			// entry (if it is a digit) or 0
			if !unicode.IsDigit(v) {
				if unicode.IsDigit(prev) {
					prio = byte(prev) - '0'
				} else {
					prio = 0
				}
				wordpart = utf8.AppendRune(wordpart, v)
				runes++
				if v != '.' {
					pats = append(pats, prio)
				}
			}
			prev = v
		}
		if unicode.IsDigit(prev) {
			pats = append(pats, byte(prev)-'0')
		} else {
			pats = append(pats, 0)
		}

		l.patterns[string(wordpart)] = pats[at:len(pats):len(pats)]
		l.longest = max(l.longest, runes)
		// pattern | wordpart | pat
		// uto1    | uto      | 0,0,0,1
		// .un3g   | .ung     | 0,0,3,0
		// h2en.   | hen.     | 0,2,0,0
	}
	if s.Err() != nil {
		return l, s.Err()
	}
	return l, readErr
}

type patternposition struct {
	startpos int
	wordpart []rune
	pattern  []byte
}

func (l *Lang) doHyphenate(rword []rune) []patternposition {
	// patch 2: room for the patterns most words match, at once
	patterninfo := make([]patternposition, 0, 2*len(rword))
	var startpos int
	var wordpart []rune
	var buf [64]byte
	maxlen := len(rword)
	// generate all possible substrings for the word that are no longer
	// than the longest pattern (patch 1: a longer one cannot be a key), each
	// looked up by its UTF-8 bytes in a buffer, which makes no string
	for j := 1; j < maxlen; j++ {
		startpos = j - 1
		// if rword[0] == '.' {
		// 	startpos = startpos + 1
		// }
		key := utf8.AppendRune(buf[:0], rword[startpos])
		for i := j + 1; i <= min(maxlen, startpos+l.longest); i++ {
			wordpart = rword[startpos:i]
			key = utf8.AppendRune(key, rword[i-1])

			// if there is a pattern for this substring
			if pattern, ok := l.patterns[string(key)]; ok {
				patterninfo = append(patterninfo, patternposition{
					startpos: startpos,
					wordpart: wordpart,
					pattern:  pattern,
				})
			}
		}
	}
	return patterninfo
}

// DebugHyphenate returns a multi-line string with information about the patterns used and the priorities.
func (l *Lang) DebugHyphenate(word string) string {
	var rword []rune
	for _, letter := range "." + word + "." {
		rword = append(rword, unicode.ToLower(letter))
	}
	breakpoints := l.doHyphenate(rword)
	maxPrio := make([]byte, len(rword)-1)
	var b strings.Builder
	b.WriteString("   ")
	for _, v := range rword {
		b.WriteRune(v)
		b.WriteString("   ")
	}
	b.WriteByte(10)

	for _, bp := range breakpoints {
		startpos := bp.startpos
		sub := 1

		if bp.wordpart[0] == '.' {
			sub = 0
		}
		for i := 0; i < len(bp.pattern); i++ {
			if bp.pattern[i] > maxPrio[startpos-sub+i] {
				maxPrio[startpos-sub+i] = bp.pattern[i]
			}
		}

		b.WriteString("    ")
		for i := 0; i < bp.startpos-sub; i++ {
			b.WriteString(" |  ")
		}
		for i := 0; i < len(bp.pattern); i++ {
			b.WriteRune(' ')
			b.WriteRune('0' + rune(bp.pattern[i]))
			b.WriteRune(' ')
			b.WriteRune(' ')
		}
		for i := bp.startpos + len(bp.pattern) - sub; i < len(rword)-1; i++ {
			b.WriteString(" |  ")
		}
		b.WriteString("  ")
		var pat []byte
		if bp.wordpart[0] == '.' {
			pat = append(pat, 0)
			pat = append(pat, bp.pattern...)
		} else {
			pat = bp.pattern
		}

		for i := 0; i < len(bp.wordpart); i++ {
			if pi := pat[i]; pi > 0 {
				// the priority
				b.WriteRune(rune(pi) + '0')
			}
			// the word part
			b.WriteRune(bp.wordpart[i])
		}
		lastprio := bp.pattern[len(bp.pattern)-1]
		if lastprio > 0 {
			b.WriteRune(rune(lastprio) + '0')
		}
		b.WriteByte(10)
	}
	b.WriteString("max: ")
	for i := 0; i < len(maxPrio); i++ {
		b.WriteRune('0' + rune(maxPrio[i]))
		b.WriteString("   ")
	}
	b.WriteByte(10)

	b.WriteString("final: ")
	for i := 1; i < len(rword)-1; i++ {
		b.WriteRune(rword[i])
		b.WriteRune(' ')
		if maxPrio[i]%2 == 0 {
			b.WriteRune(' ')
		} else {
			b.WriteRune('-')
		}
		b.WriteRune(' ')

	}

	b.WriteByte(10)
	return b.String()
}

// Hyphenate returns an array of int with resulting break points.
// For example the word “developers” with English (US) hyphenation
// patterns could return [2 5 7 9] which means de-vel-op-er-s
func (l *Lang) Hyphenate(word string) []int {
	// patch 1: the runes of "." + word + "." appended to a slice of their
	// size, without making that string
	rword := make([]rune, 0, utf8.RuneCountInString(word)+2)
	rword = append(rword, '.')
	for _, letter := range word {
		rword = append(rword, unicode.ToLower(letter))
	}
	rword = append(rword, '.')

	breakpoints := l.doHyphenate(rword)
	maxPrio := make([]byte, len(rword)-1)

	for _, bp := range breakpoints {
		// pattern is a byte slice such as [0 0 1 0]
		// associated with the word part, "dev" for example
		// the pattern in the hyphenation file would be
		// de1v or similar 0d0e1v0
		// when the pattern contains a dot at the beginning, this
		// marks the start of the word. Therefore there is no
		// priority before the .
		startpos := bp.startpos
		if bp.wordpart[0] == '.' {
			startpos++
		}
		for i := 0; i < len(bp.pattern); i++ {
			if bp.pattern[i] > maxPrio[startpos-1+i] {
				maxPrio[startpos-1+i] = bp.pattern[i]
			}
		}
	}
	// the odd entries in maxPrio are valid break points
	var positions []int
	left := 1
	if l.Leftmin > 0 {
		left += l.Leftmin
	}
	right := len(maxPrio)
	if l.Rightmin > 0 {
		right -= l.Rightmin
	}
	for i := left; i < right; i++ {
		if maxPrio[i]%2 != 0 {
			positions = append(positions, i)
		}
	}
	return positions
}
