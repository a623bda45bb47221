package hyphen

import (
	"unicode"
	"unicode/utf8"
)

// patterns are Liang's hyphenation patterns, matched as
// github.com/speedata/hyphenation v1.0.2 matches them (the tests check the
// two agree on every word of a dictionary), without its allocation of a
// string for every substring of every word.
type patterns struct {
	// prio maps a pattern's letters, '.' marking a word edge, to the
	// priorities between them: "h2en." is stored as "hen." → [0 2 0 0].
	prio map[string][]byte
	// maxLen is the longest key in runes: no longer substring can match.
	maxLen int
}

// parsePatterns reads patterns such as "uto1", ".un3g" and "h2en.".
func parsePatterns(list []string) *patterns {
	p := &patterns{prio: make(map[string][]byte, len(list))}
	var key []byte
	for _, pattern := range list {
		key = key[:0]
		pat := make([]byte, 0, len(pattern))
		var prev rune
		n := 0
		for _, v := range pattern {
			if !unicode.IsDigit(v) {
				var prio byte
				if unicode.IsDigit(prev) {
					prio = byte(prev) - '0'
				}
				key = utf8.AppendRune(key, v)
				n++
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
		p.prio[string(key)] = pat
		p.maxLen = max(p.maxLen, n)
	}
	return p
}

// hyphenate returns the offsets of the odd priorities in word, every
// pattern applied: the break points before the minima are applied.
func (p *patterns) hyphenate(word string) []int {
	// The word between edge marks, lower-cased, and where each rune starts.
	var bufB [64]byte
	var bufO [32]int
	b := append(bufB[:0], '.')
	at := append(bufO[:0], 0)
	for _, r := range word {
		at = append(at, len(b))
		b = utf8.AppendRune(b, unicode.ToLower(r))
	}
	at = append(at, len(b))
	b = append(b, '.')
	at = append(at, len(b))
	n := len(at) - 1 // runes in b
	var bufP [32]byte
	maxPrio := bufP[:0]
	for range n - 1 {
		maxPrio = append(maxPrio, 0)
	}
	for start := 0; start+2 <= n; start++ {
		for end := start + 2; end <= n && end-start <= p.maxLen; end++ {
			pat, ok := p.prio[string(b[at[start]:at[end]])]
			if !ok {
				continue
			}
			s := start
			if b[at[start]] == '.' {
				s++
			}
			for i, v := range pat {
				if v > maxPrio[s-1+i] {
					maxPrio[s-1+i] = v
				}
			}
		}
	}
	var positions []int
	for i := 1; i < len(maxPrio); i++ {
		if maxPrio[i]%2 != 0 {
			positions = append(positions, i)
		}
	}
	return positions
}
