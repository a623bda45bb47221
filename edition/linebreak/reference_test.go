package linebreak

import (
	"math"
	"testing"
)

// reference is an exhaustive dynamic programme over every pair of legal
// breaks (no active list, no pruning) with the same demerits as a pass of
// Break at tolerance tol with all breaks allowed and a fixed measure. It
// returns the least total demerits of a paragraph without a hyphen before
// its last line, or of any paragraph if there is none; +Inf if infeasible.
func reference(items []Item, measure float64, p Params) float64 {
	b := newBreaker(items, fixed(measure), p)
	type state struct {
		fit, hyph int
		flagged   bool
	}
	var breaks []int // -1 is the start
	breaks = append(breaks, -1)
	for i, it := range items {
		switch {
		case it.Kind == Glue && i > 0 && items[i-1].Kind == Box,
			it.Kind == Penalty && it.Penalty < Infinity:
			breaks = append(breaks, i)
		}
	}
	best := make([]map[state]float64, len(breaks))
	best[0] = map[state]float64{{fit: decent}: 0}
	last := len(items) - 1
	finalBest, finalHyph := math.Inf(1), math.Inf(1)
	for bi := 1; bi < len(breaks); bi++ {
		i := breaks[bi]
		it := items[i]
		best[bi] = map[state]float64{}
		for ai := 0; ai < bi; ai++ {
			a := breaks[ai]
			// A forced break in between makes the line impossible.
			forcedBetween := false
			for k := a + 1; k < i; k++ {
				if items[k].Kind == Penalty && items[k].Penalty <= -Infinity {
					forcedBetween = true
				}
			}
			if forcedBetween {
				continue
			}
			start := 0
			if a >= 0 {
				start = b.after(a)
			}
			if start > i || (start == i && !(it.Kind == Penalty && it.Penalty <= -Infinity)) {
				continue
			}
			natural := b.w[i] - b.w[start]
			if it.Kind == Penalty {
				natural += it.Width
			}
			stretch, shrink := b.y[i]-b.y[start], b.z[i]-b.z[start]
			var r, bad float64
			switch {
			case natural < measure:
				if stretch <= 0 {
					continue
				}
				r = (measure - natural) / stretch
				bad = badness(r)
			case natural > measure:
				if shrink <= 0 {
					continue
				}
				r = (measure - natural) / shrink
				if r < -1-1e-9 {
					continue
				}
				bad = badness(r)
			}
			if bad > p.Tolerance {
				continue
			}
			pen := 0.0
			flagged := false
			if it.Kind == Penalty {
				pen, flagged = it.Penalty, it.Flagged
			}
			for st, dem := range best[ai] {
				if flagged && p.MaxConsecutiveHyphens > 0 && st.hyph >= p.MaxConsecutiveHyphens {
					continue
				}
				d := (p.LinePenalty + bad) * (p.LinePenalty + bad)
				switch {
				case pen >= 0:
					d += pen * pen
				case pen > -Infinity:
					d -= pen * pen
				}
				if flagged && st.flagged {
					d += p.DoubleHyphenDemerits
				}
				fit := fitness(r, bad)
				if abs(fit-st.fit) > 1 {
					d += p.AdjDemerits
				}
				if i == last {
					if st.flagged {
						finalHyph = math.Min(finalHyph, dem+d+p.FinalHyphenDemerits)
					} else {
						finalBest = math.Min(finalBest, dem+d)
					}
					continue
				}
				ns := state{fit: fit, flagged: flagged}
				if flagged {
					ns.hyph = st.hyph + 1
				}
				if old, ok := best[bi][ns]; !ok || dem+d < old {
					best[bi][ns] = dem + d
				}
			}
		}
	}
	if !math.IsInf(finalBest, 1) {
		return finalBest
	}
	return finalHyph
}

// TestAgainstReference checks that a pass of Break finds the optimum of the
// exhaustive programme, at many measures: the active list, deactivation
// and the fitness and hyphen classes lose no better paragraph.
func TestAgainstReference(t *testing.T) {
	p := TeX()
	var compared, equal int
	for _, text := range []string{bookPara, frogKing} {
		pa := build(text, true)
		for w := 120.0; w <= 400; w += 7 {
			want := reference(pa.items, w, p)
			b := newBreaker(pa.items, fixed(w), p)
			if err := b.checkWidths(); err != nil {
				t.Fatal(err)
			}
			lines, _ := b.outcome(pass{threshold: p.Tolerance}, p.Looseness)
			if math.IsInf(want, 1) {
				if lines != nil {
					t.Errorf("w=%v: Break found %d lines where the reference finds none", w, len(lines))
				}
				continue
			}
			if lines == nil {
				t.Errorf("w=%v: Break found no paragraph, the reference one of demerits %.0f", w, want)
				continue
			}
			compared++
			got := TotalDemerits(lines)
			switch {
			case got < want-1e-6:
				t.Errorf("w=%v: demerits %.3f below the exhaustive optimum %.3f: a line is mis-scored", w, got, want)
			case got > want+1e-6:
				t.Errorf("w=%v: demerits %.3f, the exhaustive optimum is %.3f", w, got, want)
			default:
				equal++
			}
		}
	}
	t.Logf("%d measures compared, %d optimal", compared, equal)
	if compared < 20 {
		t.Errorf("only %d feasible measures compared", compared)
	}
}
