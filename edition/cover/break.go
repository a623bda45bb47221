package cover

import (
	"strings"

	"edition/edition/balance"
)

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
	penalty := func(b int) float64 { return balance.WordPenalty(words[b-1], max) }
	a := 0
	for _, b := range balance.Breaks(n, lineWidth, penalty, max) {
		lines = append(lines, strings.Join(words[a:b], " "))
		if b < n && balance.Weak(words[b-1]) {
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
