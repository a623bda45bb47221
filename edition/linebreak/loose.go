package linebreak

import (
	"errors"
	"slices"
)

// Loose sets one paragraph a line or more longer or shorter than optimal
// (Params.Looseness) at several loosenesses, with and without the first
// pass, for the price of one setting: a pass does not depend on the
// looseness, only the choice among its final breaks does, so each pass is
// run once and chosen from at every looseness. Its lines are exactly those
// of BreakAt with the same parameters.
//
// A Loose is not safe for concurrent use; Release gives its scratch space
// back.
type Loose struct {
	b  *breaker
	p  Params
	ls []int
	// passes are the passes run so far; chosen[k][j] is what passes[k]
	// chose at looseness ls[j].
	passes []pass
	chosen [][]choice
}

// choice is what a pass chose at one looseness (see settle).
type choice struct {
	lines       []Line
	finalHyphen bool
}

// NewLoose prepares to set items, every line measure wide, with p (its
// Looseness ignored) at each looseness of ls, none of which may be 0. It
// returns nil and no error for a paragraph with nothing to set, as BreakAt
// returns no lines, and the errors of BreakAt for invalid input.
func NewLoose(items []Item, measure float64, p Params, ls ...int) (*Loose, error) {
	if len(ls) == 0 || slices.Contains(ls, 0) {
		return nil, errors.New("linebreak: NewLoose needs loosenesses other than 0")
	}
	// Every looseness but 0 tells line numbers apart (checkWidths): the
	// passes are the same for all.
	p.Looseness = ls[0]
	b, err := start(items, nil, measure, p)
	if b == nil {
		return nil, err
	}
	return &Loose{b: b, p: p, ls: slices.Clone(ls)}, nil
}

// Lines returns the lines of BreakAt(items, measure, p) with p.Looseness
// set to looseness, one of those NewLoose was given, and, if pretolerance
// is false, p.Pretolerance set to -1 (no first pass without hyphenation).
// Lines of a nil Loose are nil, as those of a paragraph with nothing to set.
func (lo *Loose) Lines(looseness int, pretolerance bool) []Line {
	if lo == nil {
		return nil
	}
	j := slices.Index(lo.ls, looseness)
	if j < 0 {
		panic("linebreak: Loose.Lines at a looseness NewLoose was not given")
	}
	p := lo.p
	if !pretolerance {
		p.Pretolerance = -1
	}
	return settle(passesOf(p), func(ps pass) ([]Line, bool) {
		k := slices.Index(lo.passes, ps)
		if k < 0 {
			k = len(lo.passes)
			lo.passes = append(lo.passes, ps)
			cs := make([]choice, len(lo.ls))
			if finals := lo.b.run(ps); finals != nil {
				for i, l := range lo.ls {
					cs[i].lines, cs[i].finalHyphen = lo.b.choose(finals, hardFinalHyphen, l)
				}
			}
			lo.chosen = append(lo.chosen, cs)
		}
		c := lo.chosen[k][j]
		return c.lines, c.finalHyphen
	})
}

// Release gives the Loose's scratch space back for reuse; the lines it
// returned stay valid.
func (lo *Loose) Release() {
	if lo == nil || lo.b == nil {
		return
	}
	lo.b.release()
	lo.b = nil
}
