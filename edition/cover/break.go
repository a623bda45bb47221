package cover

import (
	"strings"

	"edition/edition/balance"
)

// weak are words a centred line should not end with: they belong with the
// word after them.
var weak = map[string]bool{
	"a": true, "an": true, "the": true, "of": true, "by": true, "and": true, "&": true,
	"in": true, "on": true, "to": true, "with": true, "from": true, "for": true, "at": true,
	"de": true, "la": true, "le": true, "et": true, "du": true, "des": true,
}

// balanceWeak breaks words into the fewest lines no wider than max and, among
// those, into lines as even as possible, preferring breaks after a comma and
// avoiding lines that end with a weak word; the lines are chosen by
// balance.Breaks, in time linear in the number of words. width gives the
// width of a word; space is the width of a word space. A word wider than max
// gets a line of its own; the caller sees that it does not fit. It returns
// each line's words joined by spaces, and how many lines but the last end
// with a weak word.
func balanceWeak(words []string, width func(string) float64, space, max float64) (lines []string, weakEnds int) {
	n := len(words)
	if n == 0 {
		return nil, 0
	}
	// prefix[i] is the width of words 0…i-1 without spaces.
	prefix := make([]float64, n+1)
	for i, w := range words {
		prefix[i+1] = prefix[i] + width(w)
	}
	lineWidth := func(a, b int) float64 { return prefix[b] - prefix[a] + float64(b-a-1)*space }
	penalty := func(b int) float64 {
		last, c := words[b-1], 0.0
		if weak[strings.ToLower(last)] {
			c += (0.3 * max) * (0.3 * max)
		}
		if strings.HasSuffix(last, ",") || strings.HasSuffix(last, ";") || strings.HasSuffix(last, ":") {
			c -= (0.2 * max) * (0.2 * max)
		}
		return c
	}
	a := 0
	for _, b := range balance.Breaks(n, lineWidth, penalty, max) {
		lines = append(lines, strings.Join(words[a:b], " "))
		if b < n && weak[strings.ToLower(words[b-1])] {
			weakEnds++
		}
		a = b
	}
	return lines, weakEnds
}

// words splits s at its spaces; a no-break space keeps its words together.
func words(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '\t' || r == '\n' })
}
