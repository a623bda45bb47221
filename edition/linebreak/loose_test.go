package linebreak

import (
	"reflect"
	"testing"
)

// TestLoose: the lines of a Loose are BreakAt's at every looseness, with
// and without the first pass, on plain, unhyphenated and microtype
// paragraphs, at tolerances where the passes differ and the loosenesses
// are and are not reached, whatever order the settings are asked in.
func TestLoose(t *testing.T) {
	ls := []int{-1, 1, 2, -2}
	var differ, reached int
	for _, p := range []para{build(frogKing, true), build(frogKing, false), build(bookPara, true), micro(build(bookPara, true))} {
		for _, base := range []Params{TeX(), expansionParams()} {
			for _, tol := range []float64{200, 1000} {
				params := base
				params.Tolerance = tol
				for w := 120.0; w <= 420; w += 23 {
					lo, err := NewLoose(p.items, w, params, ls...)
					if err != nil {
						t.Fatal(err)
					}
					// The settings in an order other than the passes'.
					for _, pre := range []bool{false, true} {
						for _, l := range ls {
							want := params
							want.Looseness = l
							if !pre {
								want.Pretolerance = -1
							}
							lines, err := BreakAt(p.items, w, want)
							if err != nil {
								t.Fatal(err)
							}
							got := lo.Lines(l, pre)
							if !reflect.DeepEqual(got, lines) {
								t.Fatalf("measure %g, tolerance %g, looseness %d, first pass %v: Loose gave %d lines, BreakAt %d", w, tol, l, pre, len(got), len(lines))
							}
							opt, _ := BreakAt(p.items, w, params)
							if len(lines) == len(opt)+l {
								reached++
							}
							if pre {
								off := lo.Lines(l, false)
								if !reflect.DeepEqual(off, got) {
									differ++
								}
							}
						}
					}
					lo.Release()
				}
			}
		}
	}
	// The comparison covers both outcomes.
	if differ == 0 || reached == 0 {
		t.Errorf("settings with and without the first pass differed %d times, loosenesses reached %d times: the cases do not cover both", differ, reached)
	}
}

// TestLooseEdges: no looseness, a looseness of 0, a paragraph with nothing
// to set, invalid input.
func TestLooseEdges(t *testing.T) {
	p := build(frogKing, true)
	if _, err := NewLoose(p.items, 200, TeX()); err == nil {
		t.Error("NewLoose with no looseness: no error")
	}
	if _, err := NewLoose(p.items, 200, TeX(), 1, 0); err == nil {
		t.Error("NewLoose with looseness 0: no error")
	}
	lo, err := NewLoose(Finish([]Item{{Kind: Glue, Width: 3}}), 200, TeX(), 1)
	if lo != nil || err != nil || lo.Lines(1, true) != nil {
		t.Errorf("nothing to set: %v, %v", lo, err)
	}
	lo.Release()
	if _, err := NewLoose(p.items[:3], 200, TeX(), 1); err != ErrNotFinished {
		t.Errorf("unfinished paragraph: %v, want ErrNotFinished", err)
	}
	if _, err := NewLoose(p.items, 0, TeX(), 1); err == nil {
		t.Error("measure 0: no error")
	}
}
