package linebreak

import (
	"fmt"
	"math"
	"testing"
)

// discretionaries turns p's hyphenation points into discretionaries that
// stand for the same material: one character of the box before the point
// moves into the pre-break and no-break material, one of the box after it
// into the post-break and no-break material, as a ligature spanning the
// point would (o + \discretionary{f-}{fi}{ffi} + ce). A point is turned
// only where both boxes keep a character of their own.
func discretionaries(p para) (para, int) {
	q := para{items: append([]Item(nil), p.items...), labels: p.labels}
	n := 0
	for i := 1; i+1 < len(q.items); i++ {
		it := &q.items[i]
		l, r := &q.items[i-1], &q.items[i+1]
		if it.Kind != Penalty || !it.Flagged || it.Width == 0 || l.Kind != Box || r.Kind != Box ||
			l.Width < 2*charW-1e-9 || r.Width < 2*charW-1e-9 {
			continue
		}
		l.Width -= charW
		r.Width -= charW
		it.Width += charW
		it.PostBreak = charW
		it.NoBreak = 2 * charW
		n++
	}
	return q, n
}

// TestDiscretionaryEquivalent breaks the test paragraphs with their
// hyphenation points as plain penalties and as discretionaries standing for
// the same material, at many measures, with and without font expansion and
// protrusion: the breaks, ratios and expansions must be the same, so the
// breaker counts the three alternatives where TeX does.
func TestDiscretionaryEquivalent(t *testing.T) {
	base := build(frogKing+" "+bookPara, true)
	for _, microtype := range []bool{false, true} {
		p, params := base, TeX()
		if microtype {
			p, params = micro(base), expansionParams()
		}
		params.EmergencyStretch = 2 * spaceW
		q, n := discretionaries(p)
		if n < 20 {
			t.Fatalf("only %d discretionaries made", n)
		}
		taken := 0
		for _, w := range []float64{60, 100, 130, 150, 175, 200, 250, 300, 390} {
			want, err := Break(p.items, fixed(w), params)
			if err != nil {
				t.Fatal(err)
			}
			got, err := Break(q.items, fixed(w), params)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(want) {
				t.Fatalf("microtype %v width %v: %d lines with discretionaries, %d without", microtype, w, len(got), len(want))
			}
			for k := range got {
				g, x := got[k], want[k]
				if g.Start != x.Start || g.End != x.End || g.Hyphenated != x.Hyphenated || g.Overfull != x.Overfull ||
					g.Underfull != x.Underfull || math.Abs(g.Ratio-x.Ratio) > 1e-9 || math.Abs(g.Expansion-x.Expansion) > 1e-9 ||
					math.Abs(g.ProtrudeLeft-x.ProtrudeLeft) > 1e-9 || math.Abs(g.ProtrudeRight-x.ProtrudeRight) > 1e-9 {
					t.Errorf("microtype %v width %v line %d: %+v with discretionaries, %+v without", microtype, w, k, g, x)
				}
				if q.items[g.End].Discretionary() {
					taken++
				}
			}
		}
		if taken == 0 {
			t.Errorf("microtype %v: no line broke at a discretionary", microtype)
		}
	}
}

// TestDiscretionary checks the widths of each alternative on small
// paragraphs: a 20-wide box, a discretionary and another 20-wide box.
func TestDiscretionary(t *testing.T) {
	disc := Item{Kind: Penalty, Penalty: 50, Flagged: true, Width: 5, PostBreak: 7, NoBreak: 9}
	word := []Item{{Kind: Box, Width: 20}, disc, {Kind: Box, Width: 20}}
	glued := []Item{{Kind: Box, Width: 20}, disc, {Kind: Box, Width: 20}, {Kind: Glue, Width: 4, Stretch: 2, Shrink: 1}, {Kind: Box, Width: 10}}
	p := TeX()
	p.Pretolerance = -1
	tests := []struct {
		name     string
		items    []Item
		widths   []float64
		want     string // Start-End per line
		overfull []bool
	}{
		// Unbroken: the no-break width is set (20+9+20 = 49).
		{"fits unbroken", word, []float64{49}, "0-5", []bool{false}},
		{"unbroken overfull", word, []float64{48.9, 100}, "0-1 2-5", []bool{false, false}},
		// Broken: the first line holds 20+5, the second 7+20.
		{"broken", word, []float64{25, 27}, "0-1 2-5", []bool{false, false}},
		{"post-break counted", word, []float64{25, 26.9}, "0-1 2-5", []bool{false, true}},
		{"pre-break counted", word, []float64{24.9, 27}, "0-1 2-5", []bool{true, false}},
		// A glue after a discretionary's word is a break: 49 + 4 - 1 = 52
		// at the tightest, so the word stays whole on the first line.
		{"glue after", glued, []float64{49, 100}, "0-3 4-7", []bool{false, false}},
	}
	for _, tc := range tests {
		items := Finish(append([]Item(nil), tc.items...))
		lines, err := Break(items, func(i int) float64 { return tc.widths[min(i, len(tc.widths)-1)] }, p)
		if err != nil {
			t.Fatal(err)
		}
		got := ""
		var over []bool
		for k, l := range lines {
			if k > 0 {
				got += " "
			}
			got += fmt.Sprintf("%d-%d", l.Start, l.End)
			over = append(over, l.Overfull)
		}
		if got != tc.want || fmt.Sprint(over) != fmt.Sprint(tc.overfull) {
			t.Errorf("%s: lines %s overfull %v, want %s %v", tc.name, got, over, tc.want, tc.overfull)
		}
	}
	if w := SetWidthExpanded(Item{Kind: Penalty, NoBreak: 10, Expandable: true}, 0.5, 0.02); w != 10.2 {
		t.Errorf("SetWidthExpanded of a discretionary = %v, want its expanded no-break width 10.2", w)
	}
	if (Item{Kind: Penalty, Width: 5}).Discretionary() || !disc.Discretionary() {
		t.Error("Discretionary misreports a plain penalty or a discretionary")
	}
}
