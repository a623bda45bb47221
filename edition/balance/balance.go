// Package balance breaks a short text — a title, a heading, a credit — into
// balanced lines: the fewest lines no wider than the measure and, among
// those, the most even, with a say for each break (a break after a comma is
// good, one after "of" or "by" is bad). It is the one line balancer of the
// cover and the print edition's titles.
//
// The text is seen only through its break opportunities, numbered 0 (the
// start) to n (the end), and a function giving the width of a line from one
// opportunity to another, so a caller can balance words, or boxes and glue.
// The search is a shortest path over the opportunities, minimising first the
// number of lines and then the sum of the squared slack and break penalties,
// in time proportional to n times the number of opportunities on one line
// and memory proportional to n: a long text costs linear time, never
// quadratic.
package balance

import (
	"math"
	"strings"
)

// Breaks returns the opportunities after which lines end, in increasing
// order and ending with n, for a text with break opportunities 0…n.
//
// width(a, b) is the width of a line from opportunity a to opportunity b
// (a < b); it must not shrink as b grows. penalty(b), for 0 < b < n, is added
// to the cost of a line ending at b: negative where a break is welcome,
// positive where it is not; it may be nil. A line's cost is its slack,
// max − width, squared, plus the penalty of its end (the last line's end
// has none).
//
// A line from a to a+1 is always allowed, even wider than max: a word too
// wide for the measure gets a line of its own, and the caller sees that it
// does not fit.
func Breaks(n int, width func(a, b int) float64, penalty func(b int) float64, max float64) []int {
	if n <= 0 {
		return nil
	}
	type state struct {
		lines int
		cost  float64
		from  int
	}
	best := make([]state, n+1)
	for i := 1; i <= n; i++ {
		best[i] = state{lines: math.MaxInt, cost: math.Inf(1)}
		// Lines ending at i, longest last: stop at the first that does not
		// fit (widths grow with the line).
		for a := i - 1; a >= 0; a-- {
			w := width(a, i)
			if a < i-1 && w > max {
				break
			}
			prev := best[a]
			if prev.lines == math.MaxInt {
				continue
			}
			slack := max - w
			c := slack * slack
			if i < n && penalty != nil {
				c += penalty(i)
			}
			lines, cost := prev.lines+1, prev.cost+c
			if lines < best[i].lines || lines == best[i].lines && cost < best[i].cost {
				best[i] = state{lines: lines, cost: cost, from: a}
			}
		}
	}
	breaks := make([]int, best[n].lines)
	for j, i := len(breaks)-1, n; j >= 0; j-- {
		breaks[j] = i
		i = best[i].from
	}
	return breaks
}

// weak are words a balanced line should not end with: they belong with the
// word after them (English and French articles, prepositions, conjunctions).
var weak = map[string]bool{
	"a": true, "an": true, "the": true, "of": true, "by": true, "and": true, "&": true,
	"in": true, "on": true, "to": true, "with": true, "from": true, "for": true, "at": true,
	"de": true, "la": true, "le": true, "et": true, "du": true, "des": true,
}

// Weak reports whether a line should not end with word: an article,
// preposition or conjunction that belongs with the word after it.
func Weak(word string) bool { return weak[strings.ToLower(word)] }

// WordPenalty is the penalty, for Breaks, of a line of measure max ending
// with word: a weak word costs as much as a line 30% short; a comma,
// semicolon or colon earns as much as a line 20% short costs.
func WordPenalty(word string, max float64) float64 {
	c := 0.0
	if Weak(word) {
		c += (0.3 * max) * (0.3 * max)
	}
	if strings.HasSuffix(word, ",") || strings.HasSuffix(word, ";") || strings.HasSuffix(word, ":") {
		c -= (0.2 * max) * (0.2 * max)
	}
	return c
}
