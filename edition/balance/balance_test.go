package balance

import (
	"fmt"
	"strconv"
	"strings"
	"testing"
)

// set balances the words of s, each letter one unit wide and each space one
// unit, with WordPenalty.
func set(s string, max float64) []string {
	words := strings.Fields(s)
	prefix := make([]float64, len(words)+1)
	for i, w := range words {
		prefix[i+1] = prefix[i] + float64(len([]rune(w)))
	}
	width := func(a, b int) float64 { return prefix[b] - prefix[a] + float64(b-a-1) }
	penalty := func(b int) float64 { return WordPenalty(words[b-1], max) }
	var lines []string
	a := 0
	for _, b := range Breaks(len(words), width, penalty, max) {
		lines = append(lines, strings.Join(words[a:b], " "))
		a = b
	}
	return lines
}

func TestBreaks(t *testing.T) {
	for _, tc := range []struct {
		s    string
		max  float64
		want string
	}{
		{"Interview of Stalin by Romain Rolland", 24, "Interview of Stalin|by Romain Rolland"},
		{"one two three", 100, "one two three"},
		// Even lines rather than a full one and a short one.
		{"aaaa bbbb cccc dddd eeee", 20, "aaaa bbbb cccc|dddd eeee"},
		// Not "of" at the end of a line.
		{"The Story of Everything", 16, "The Story|of Everything"},
		// After the comma.
		{"Translated from the French, with a preface and notes, by", 40, "Translated from the French,|with a preface and notes, by"},
		// A word wider than the measure gets a line of its own.
		{"Supercalifragilistic word", 10, "Supercalifragilistic|word"},
		{"a Supercalifragilistic b", 10, "a|Supercalifragilistic|b"},
		{"", 10, ""},
	} {
		if got := strings.Join(set(tc.s, tc.max), "|"); got != tc.want {
			t.Errorf("%q at %g = %q, want %q", tc.s, tc.max, got, tc.want)
		}
	}
}

// TestFewestLinesFirst: evenness never costs a line. Five words of five
// letters fit three to a line of 17: two lines, however uneven.
func TestFewestLinesFirst(t *testing.T) {
	if got := set("aaaaa bbbbb ccccc ddddd eeeee", 17); len(got) != 2 {
		t.Errorf("got %d lines %q, want 2", len(got), got)
	}
}

// TestLongTextIsLinear is the regression test for the cover's quadratic
// balancing: 200,000 words (about 1.2 MB) are balanced in a few
// milliseconds per 10,000 words, and the lines obey the measure. A
// quadratic search (lines × words) would need 10^10 steps and tens of
// gigabytes.
func TestLongTextIsLinear(t *testing.T) {
	words := make([]string, 200_000)
	for i := range words {
		words[i] = strconv.Itoa(i % 1000)
	}
	lines := set(strings.Join(words, " "), 40)
	if len(lines) < 200_000*2/40 {
		t.Fatalf("%d lines for 200,000 words at 40", len(lines))
	}
	for _, l := range lines {
		if len(l) > 40 {
			t.Fatalf("line %q is wider than 40", l)
		}
	}
}

// BenchmarkBreaks shows that time grows linearly with the number of words.
func BenchmarkBreaks(b *testing.B) {
	for _, n := range []int{10, 100, 1000, 10000, 100000} {
		text := strings.TrimSpace(strings.Repeat("Interview of Stalin, by Romain Rolland ", n/6+1))
		text = strings.Join(strings.Fields(text)[:n], " ")
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				set(text, 60)
			}
		})
	}
}

func ExampleBreaks() {
	words := []string{"Interview", "of", "Stalin", "by", "Romain", "Rolland"}
	width := func(a, b int) float64 {
		w := float64(b - a - 1) // the spaces
		for _, s := range words[a:b] {
			w += float64(len(s))
		}
		return w
	}
	fmt.Println(Breaks(len(words), width, nil, 24))
	// Output: [3 6]
}

func TestWordPenalty(t *testing.T) {
	for _, tc := range []struct {
		word string
		want float64
	}{{"of", 9}, {"By", 9}, {"de", 9}, {"Stalin", 0}, {"French,", -4}, {"below:", -4}, {"and;", -4}} {
		if got := WordPenalty(tc.word, 10); got < tc.want-1e-9 || got > tc.want+1e-9 {
			t.Errorf("WordPenalty(%q, 10) = %g, want %g", tc.word, got, tc.want)
		}
	}
}
