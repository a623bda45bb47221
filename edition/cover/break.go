package cover

import (
	"math"
	"strings"
)

// weak are words a centred line should not end with: they belong with the
// word after them.
var weak = map[string]bool{
	"a": true, "an": true, "the": true, "of": true, "by": true, "and": true, "&": true,
	"in": true, "on": true, "to": true, "with": true, "from": true, "for": true, "at": true,
	"de": true, "la": true, "le": true, "et": true, "du": true, "des": true,
}

// balance breaks words into the fewest lines no wider than max and, among
// those, into lines as even as possible, preferring breaks after a comma and
// avoiding lines that end with a weak word. width gives the width of a word;
// space is the width of a word space. A word wider than max gets a line of
// its own; the caller sees that it does not fit. It returns each line's
// words joined by spaces.
func balance(words []string, width func(string) float64, space, max float64) []string {
	lines, _ := balanceWeak(words, width, space, max)
	return lines
}

// balanceWeak is balance, also returning how many lines but the last end
// with a weak word.
func balanceWeak(words []string, width func(string) float64, space, max float64) (lines []string, weakEnds int) {
	n := len(words)
	if n == 0 {
		return nil, 0
	}
	ws := make([]float64, n)
	for i, w := range words {
		ws[i] = width(w)
	}
	// lineWidth of words a…b-1.
	prefix := make([]float64, n+1)
	for i, w := range ws {
		prefix[i+1] = prefix[i] + w
	}
	lineWidth := func(a, b int) float64 { return prefix[b] - prefix[a] + float64(b-a-1)*space }
	fits := func(a, b int) bool { return b-a == 1 || lineWidth(a, b) <= max }

	// The fewest lines, greedily.
	k := 0
	for a := 0; a < n; k++ {
		b := a + 1
		for b < n && fits(a, b+1) {
			b++
		}
		a = b
	}

	cost := func(a, b int) float64 {
		slack := max - lineWidth(a, b)
		c := slack * slack
		if b < n {
			last := words[b-1]
			if weak[strings.ToLower(last)] {
				c += (0.3 * max) * (0.3 * max)
			}
			if strings.HasSuffix(last, ",") || strings.HasSuffix(last, ";") || strings.HasSuffix(last, ":") {
				c -= (0.2 * max) * (0.2 * max)
			}
		}
		return c
	}
	// best[j][i] is the least cost of setting words 0…i-1 in j lines.
	inf := math.Inf(1)
	best := make([][]float64, k+1)
	from := make([][]int, k+1)
	for j := range best {
		best[j] = make([]float64, n+1)
		from[j] = make([]int, n+1)
		for i := range best[j] {
			best[j][i] = inf
		}
	}
	best[0][0] = 0
	for j := 1; j <= k; j++ {
		for i := j; i <= n; i++ {
			for a := i - 1; a >= j-1; a-- {
				if !fits(a, i) {
					break
				}
				if best[j-1][a] == inf {
					continue
				}
				if c := best[j-1][a] + cost(a, i); c < best[j][i] {
					best[j][i], from[j][i] = c, a
				}
			}
		}
	}
	lines = make([]string, k)
	for j, i := k, n; j > 0; j-- {
		a := from[j][i]
		lines[j-1] = strings.Join(words[a:i], " ")
		if i < n && weak[strings.ToLower(words[i-1])] {
			weakEnds++
		}
		i = a
	}
	return lines, weakEnds
}

// words splits s at its spaces; a no-break space keeps its words together.
func words(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '\t' || r == '\n' })
}
