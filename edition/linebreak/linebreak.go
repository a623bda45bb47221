// Package linebreak breaks a paragraph into lines with the Knuth–Plass
// total-fit algorithm, as TeX does ("Breaking paragraphs into lines",
// Software—Practice and Experience 11, 1981; TeX: The Program §813–890).
//
// A paragraph is a list of items: boxes (fixed-width material, usually a
// word or a syllable), glue (a space that can stretch and shrink) and
// penalties (possible breaks with a cost, for instance a hyphenation point).
// All lengths are float64 PDF points (1/72 in); the package itself does not
// care about the unit as long as items and line widths agree.
//
// A line may end at a glue that directly follows a box, or at a penalty below
// Infinity. Glue and penalties that follow a break are discarded up to the
// next box, so they start no line. The glue at the break is not set; the
// penalty at a break contributes its width at the line end (the hyphen of a
// hyphenated word).
//
// Break runs up to four passes, as TeX does (and two or three before them
// with Params.TightTolerance and Params.TightPlainTolerance):
//
//  1. If Pretolerance >= 0: lines of badness <= Pretolerance, and no breaks
//     at flagged penalties of non-zero width (hyphenation points). Flagged
//     penalties of zero width (after an explicit hyphen already in a box)
//     stay allowed, as TeX's \exhyphenpenalty breaks do.
//  2. All breaks, badness <= Tolerance.
//  3. If EmergencyStretch > 0: as pass 2, but each line's badness is
//     computed as if its glue could stretch EmergencyStretch more.
//  4. A last resort that always succeeds: any line that does not have to
//     shrink beyond its shrinkability is feasible, loose lines ranked by
//     their uncapped badness 100·r³ so the spacing stays as even as
//     possible (Line.Underfull marks lines looser than Tolerance); if no
//     break at all is possible, a line is made overfull (Line.Overfull)
//     rather than failing. No item is ever lost.
//
// Two rules are hard in every pass: never more than MaxConsecutiveHyphens
// hyphenated lines in a row, and no hyphenated line directly before the
// last line of the paragraph, unless avoiding that hyphen takes a line
// looser than the tolerance. For the second, within a pass a paragraph
// without such a hyphen beats any with one, and a pass whose only results
// have one is accepted only if no later pass, pass 4 included, finds one
// without and without a line looser than the tolerance (Line.Underfull).
// (TeX makes the hyphen a cost, \finalhyphendemerits, which a line of
// infinite badness always outweighs: so does this rule.)
// With Params.FinalHyphenYield the second rule yields sooner: within a
// pass, a paragraph set without that hyphen but with a line looser than
// the yield competes with those with it on demerits alone, as in TeX.
//
// # Font expansion and protrusion
//
// Two refinements of pdfTeX (\pdfadjustspacing, \pdfprotrudechars), both
// off unless asked for, leave the results above unchanged when off.
//
// Font expansion (Params.Expansion): each line may set its expandable boxes
// (Item.Expandable) a uniform factor 1+e wider or narrower, |e| at most the
// limit, e a multiple of Params.ExpansionStep. As in pdfTeX, the line's
// stretch is its glue's stretch plus limit times the width of its
// expandable material, likewise its shrink; the badness and fitness class
// come from that total. The line's expansion follows its adjustment ratio
// (e = r·limit, rounded to the step, at most the limit), the glue takes the
// rest (Line.Ratio). Adjacent lines whose expansions differ by more than
// Params.MaxExpansionJump cost AdjDemerits, like adjacent lines of distant
// fitness classes.
//
// # Discretionary breaks
//
// A penalty with alternative material is TeX's \discretionary{pre}{post}{no
// break} (Item.Discretionary): when the line does not break there, its
// NoBreak width is set in the line like a box's; when it breaks there, its
// Width (the pre-break material, hyphen included) ends the line and its
// PostBreak width begins the next one. A word whose hyphenation point falls
// inside a ligature ("of|fice", ffi) is one: pre "f-", post "fi", no-break
// "ffi". Like a box, a discretionary is never discarded after a break, and a
// glue after it is a legal break. An expandable discretionary's three
// widths all expand with their lines.
//
// Protrusion: an item may hang into the margin by Item.ProtrudeLeft when it
// is the first box of a line, and by Item.ProtrudeRight when it is the last
// (a box directly before the break, or the penalty a line ends at: the
// hyphen). The line's measure grows by what its ends may protrude, so a line
// ending in a hyphen or a comma holds that much more; Line.ProtrudeLeft
// tells the drawer how far to move the line's start into the left margin.
package linebreak

import (
	"errors"
	"fmt"
	"math"
	"sync"
)

// Kind is the kind of a paragraph item.
type Kind uint8

// The kinds of paragraph items.
const (
	// Box is material of fixed width: a word, a syllable, an indent.
	Box Kind = iota
	// Glue is space with a natural width that may stretch or shrink.
	Glue
	// Penalty is a possible break with a cost; its width is set only if
	// the line ends there (the hyphen).
	Penalty
)

// String returns the kind's name.
func (k Kind) String() string {
	switch k {
	case Box:
		return "box"
	case Glue:
		return "glue"
	case Penalty:
		return "penalty"
	}
	return fmt.Sprintf("Kind(%d)", uint8(k))
}

// Infinity is TeX's infinite penalty: a penalty >= Infinity forbids a break,
// one <= -Infinity forces it.
const Infinity = 10000

// FillStretch is the stretchability of the glue that Finish appends to fill
// the last line, large enough to behave like TeX's \parfillskip fil glue.
const FillStretch = 1e6

// Item is one element of a paragraph.
//
// (Its three one-byte fields come first, side by side, so that an item
// takes 72 bytes, not 80: a book holds tens of thousands.)
type Item struct {
	Kind    Kind
	Flagged bool // penalty only: a hyphenation (or explicit hyphen) break
	// Expandable marks a box (or a penalty's hyphen) whose glyphs may be
	// expanded with the line (see Params.Expansion); letter-spaced runs,
	// small capitals and URLs are not.
	Expandable bool
	Width      float64 // natural width; for a penalty, the width added if the line ends here
	Stretch    float64 // glue only: how much it may grow at ratio 1
	Shrink     float64 // glue only: how much it may shrink at ratio -1
	Penalty    float64 // penalty only: cost of breaking here; >= Infinity forbids, <= -Infinity forces
	// ProtrudeLeft is how far a box may hang into the left margin when it
	// begins a line; ProtrudeRight how far a box (or the hyphen of a
	// penalty) may hang into the right margin when it ends one.
	ProtrudeLeft, ProtrudeRight float64
	// NoBreak is a discretionary penalty's width when the line does not
	// break there, and PostBreak its width at the start of the next line
	// when it does (see Discretionary); Width is its pre-break width. A
	// discretionary's ProtrudeLeft is how far its post-break material may
	// hang into the left margin.
	NoBreak, PostBreak float64
}

// Discretionary reports whether it is a penalty with alternative material
// (a non-zero NoBreak or PostBreak width).
func (it Item) Discretionary() bool {
	return it.Kind == Penalty && (it.NoBreak != 0 || it.PostBreak != 0)
}

// Params are the parameters of the algorithm, named after TeX's.
type Params struct {
	// Tolerance is the largest badness allowed in pass 2 and 3
	// (\tolerance). Badness is 100·|r|³ for an adjustment ratio r.
	Tolerance float64
	// Pretolerance is the largest badness of the first pass, which tries
	// no hyphenation (\pretolerance); negative skips that pass.
	Pretolerance float64
	// TightTolerance, when positive, adds two passes before the first:
	// lines of badness at most TightTolerance without hyphenation, then
	// with it. A paragraph that can be set so is hyphenated rather than
	// spaced as loosely as Pretolerance allows (no TeX counterpart), even
	// before its last line (when the pass without hyphenation cannot set
	// it): a hyphen there is preferred to a line looser than this.
	TightTolerance float64
	// TightPlainTolerance, when above TightTolerance, adds a pass between
	// the two tight ones: lines of badness at most TightPlainTolerance
	// without hyphenation. A paragraph that can be set so is spaced up to
	// it rather than hyphenated within TightTolerance.
	TightPlainTolerance float64
	// TightHyphenPenalty is added to the penalty of every hyphenation
	// point (a flagged penalty of non-zero width) in the tight pass with
	// hyphenation: among the settings within TightTolerance, those with
	// fewer hyphens are preferred more strongly than TeX's passes prefer
	// them.
	TightHyphenPenalty float64
	// LinePenalty is added to each line's badness before squaring
	// (\linepenalty).
	LinePenalty float64
	// HyphenPenalty is not used by Break (penalties live in the items); it
	// is carried here for the caller that builds the items (\hyphenpenalty).
	HyphenPenalty float64
	// ExHyphenPenalty likewise is for the caller: the penalty after an
	// explicit hyphen (\exhyphenpenalty).
	ExHyphenPenalty float64
	// DoubleHyphenDemerits are added when two consecutive lines end at
	// flagged breaks (\doublehyphendemerits).
	DoubleHyphenDemerits float64
	// FinalHyphenDemerits are added when the second-to-last line ends at a
	// flagged break (\finalhyphendemerits); see also the package comment.
	FinalHyphenDemerits float64
	// FinalHyphenYield, when positive, is the badness above which the rule
	// against a hyphen before the last line yields within a pass: a
	// paragraph whose every setting without that hyphen has a line looser
	// than this is set as TeX sets it, by its demerits (FinalHyphenDemerits
	// counted), with the hyphen if that costs less.
	FinalHyphenYield float64
	// AdjDemerits are added when adjacent lines' fitness classes are not
	// adjacent (\adjdemerits).
	AdjDemerits float64
	// EmergencyStretch enables pass 3 when positive (\emergencystretch).
	EmergencyStretch float64
	// MaxConsecutiveHyphens is the largest number of hyphenated lines in a
	// row; 0 means no limit. A hard rule in every pass.
	MaxConsecutiveHyphens int
	// Looseness asks for a paragraph this many lines longer (positive) or
	// shorter (negative) than optimal, if feasible (\looseness).
	Looseness int
	// Expansion is the largest font expansion of a line, as a fraction of
	// the width of its expandable boxes (0.02 for ±2 %); 0 turns font
	// expansion off (pdfTeX's font stretch and shrink limits).
	Expansion float64
	// ExpansionStep is the step the expansion of a line is a multiple of
	// (0.005 for 0.5 %); 0 lets it vary continuously.
	ExpansionStep float64
	// MaxExpansionJump is the largest difference between the expansions
	// of two adjacent lines of a paragraph that costs nothing; a larger
	// one adds AdjDemerits, as adjacent lines of fitness classes too far
	// apart do. 0 means no such demerits.
	MaxExpansionJump float64
}

// TeX returns plain TeX's defaults (as in docs/print.md): tolerance 200,
// pretolerance 100, linepenalty 10, hyphenpenalty and exhyphenpenalty 50,
// doublehyphendemerits 10000, finalhyphendemerits 5000, adjdemerits 10000,
// no emergency stretch, and at most two hyphenated lines in a row.
func TeX() Params {
	return Params{
		Tolerance:             200,
		Pretolerance:          100,
		LinePenalty:           10,
		HyphenPenalty:         50,
		ExHyphenPenalty:       50,
		DoubleHyphenDemerits:  10000,
		FinalHyphenDemerits:   5000,
		AdjDemerits:           10000,
		MaxConsecutiveHyphens: 2,
	}
}

// Line is one line of a broken paragraph.
type Line struct {
	// Start and End delimit the items set on the line, [Start, End); End
	// is the index of the break item (a glue, which is not set, or a
	// penalty, whose Width is set at the line end). When the previous
	// line ends at a discretionary, that item's post-break material
	// begins this line, before Start (which is the discretionary's index
	// plus one).
	Start, End int
	// Ratio is the adjustment ratio r to set the line's glue with
	// (SetWidth), once its expandable boxes are expanded by Expansion:
	// positive stretches, negative shrinks. It is never below -1; it is 0
	// for a line that has no stretch or shrink to use.
	Ratio float64
	// Expansion is the factor minus one by which the line's expandable
	// boxes are set wider (positive) or narrower (SetWidthExpanded); 0
	// without font expansion.
	Expansion float64
	// ProtrudeLeft and ProtrudeRight are how far the line's first and
	// last items hang into the margins: the line's material is set
	// ProtrudeLeft before the left edge of the measure and ends
	// ProtrudeRight after its right edge.
	ProtrudeLeft, ProtrudeRight float64
	// Hyphenated reports that the line ends at a flagged penalty.
	Hyphenated bool
	// Overfull reports that the line is wider than its measure even with
	// all glue shrunk (an unbreakable word longer than the measure).
	Overfull bool
	// Underfull reports a line looser than the tolerance allows (set in
	// pass 3 or 4) or one with no glue to stretch to its measure.
	Underfull bool
	// Badness is TeX's badness of the line, 100·|r|³ capped at 10000.
	Badness float64
	// Demerits are the demerits the line added to the paragraph's total.
	Demerits float64
}

// SetWidth returns the width of item it in a line set with adjustment ratio
// ratio: a glue's natural width plus ratio times its stretch (ratio > 0) or
// shrink (ratio < 0); a box's width; 0 for a penalty (the caller adds the
// width of the penalty that ends a line).
func SetWidth(it Item, ratio float64) float64 {
	return SetWidthExpanded(it, ratio, 0)
}

// SetWidthExpanded is SetWidth in a line whose expandable boxes are
// expanded by expansion (Line.Expansion): an expandable box is
// 1+expansion times its width. A penalty inside a line sets its NoBreak
// width (non-zero for a discretionary only).
func SetWidthExpanded(it Item, ratio, expansion float64) float64 {
	switch it.Kind {
	case Box:
		if it.Expandable {
			return it.Width * (1 + expansion)
		}
		return it.Width
	case Glue:
		if ratio >= 0 {
			return it.Width + ratio*it.Stretch
		}
		return it.Width + ratio*it.Shrink
	case Penalty:
		if it.Expandable {
			return it.NoBreak * (1 + expansion)
		}
		return it.NoBreak
	}
	return 0
}

// Finish returns items ready for Break: trailing glue removed, then
// \penalty10000, a \parfillskip glue (width 0, stretch FillStretch) and a
// forced break, as TeX ends a paragraph. It appends to items.
func Finish(items []Item) []Item {
	for len(items) > 0 && items[len(items)-1].Kind == Glue {
		items = items[:len(items)-1]
	}
	return append(items,
		Item{Kind: Penalty, Penalty: Infinity},
		Item{Kind: Glue, Stretch: FillStretch},
		Item{Kind: Penalty, Penalty: -Infinity},
	)
}

// TotalDemerits returns the sum of the lines' demerits, the quantity Break
// minimises.
func TotalDemerits(lines []Line) float64 {
	var t float64
	for _, l := range lines {
		t += l.Demerits
	}
	return t
}

// ErrNotFinished is returned by Break when the paragraph does not end with a
// forced break (see Finish).
var ErrNotFinished = errors.New("linebreak: paragraph does not end with a forced break (use Finish)")

// Break breaks items into lines whose widths are given by width(line), line
// counting from 0. The width function may vary over the first easyLines
// lines (256); after that it is assumed constant.
//
// The paragraph must end with a forced break (use Finish). Break never
// fails on a valid paragraph: when no line can be made to fit, it returns
// lines marked Overfull or Underfull (see the package comment). The error
// reports invalid input only: ErrNotFinished, a NaN or infinite length, or a
// non-positive line width.
func Break(items []Item, width func(line int) float64, p Params) ([]Line, error) {
	lines, _, err := breakCount(items, width, p)
	return lines, err
}

// BreakAt is Break with every line measure wide. (It does not call a width
// function for each of the first easyLines lines, as Break must.)
func BreakAt(items []Item, measure float64, p Params) ([]Line, error) {
	lines, _, err := breakCountAt(items, nil, measure, p)
	return lines, err
}

// hardFinalHyphen makes a hyphen before the last line a hard rule; tests
// turn it off to show that it matters.
var hardFinalHyphen = true

// easyLines is the number of leading lines whose widths are told apart.
const easyLines = 256

// breakCount is Break, also returning how many active nodes were visited.
func breakCount(items []Item, width func(line int) float64, p Params) ([]Line, int, error) {
	return breakCountAt(items, width, 0, p)
}

// breakCountAt is breakCount with lines of the widths width gives, or,
// when width is nil, all measure wide.
func breakCountAt(items []Item, width func(line int) float64, measure float64, p Params) ([]Line, int, error) {
	b, err := start(items, width, measure, p)
	if b == nil {
		return nil, 0, err
	}
	defer b.release()
	lines := settle(passesOf(p), func(ps pass) ([]Line, bool) {
		return b.outcome(ps, p.Looseness)
	})
	return lines, b.visits, nil
}

// start checks a paragraph and its parameters and returns a breaker for it,
// or nil: with an error for invalid input, without one for a paragraph
// with nothing to set (no box at all). A breaker returned is released by
// the caller.
func start(items []Item, width func(line int) float64, measure float64, p Params) (*breaker, error) {
	if len(items) == 0 {
		return nil, nil
	}
	last := items[len(items)-1]
	if last.Kind != Penalty || last.Penalty > -Infinity {
		return nil, ErrNotFinished
	}
	for i := range items {
		it := &items[i] // not a copy: the loop is hot
		// v*0 is 0 for a finite v and NaN for a NaN or an infinity.
		if it.Width*0+it.Stretch*0+it.Shrink*0+it.Penalty*0+it.ProtrudeLeft*0+it.ProtrudeRight*0+it.NoBreak*0+it.PostBreak*0 != 0 {
			return nil, fmt.Errorf("linebreak: item %d (%s) has a NaN or infinite length", i, it.Kind)
		}
	}
	for _, v := range []float64{p.Expansion, p.ExpansionStep, p.MaxExpansionJump} {
		if math.IsNaN(v) || math.IsInf(v, 0) || v < 0 || v >= 1 {
			return nil, fmt.Errorf("linebreak: expansion parameter %v, want a fraction in [0, 1)", v)
		}
	}
	b := newBreaker(items, width, p)
	b.measure = measure
	if err := b.checkWidths(); err != nil {
		b.release()
		return nil, err
	}
	for _, it := range items {
		if it.Kind == Box {
			return b, nil
		}
	}
	b.release()
	return nil, nil
}

// passesOf returns the passes Break makes with p before its last resort,
// in order.
func passesOf(p Params) []pass {
	passes := make([]pass, 0, 6)
	if p.TightTolerance > 0 {
		passes = append(passes, pass{threshold: p.TightTolerance, noHyphens: true, tight: true})
		if p.TightPlainTolerance > p.TightTolerance {
			passes = append(passes, pass{threshold: p.TightPlainTolerance, noHyphens: true, tight: true})
		}
		passes = append(passes, pass{threshold: p.TightTolerance, tight: true})
	}
	if p.Pretolerance >= 0 {
		passes = append(passes, pass{threshold: p.Pretolerance, noHyphens: true})
	}
	passes = append(passes, pass{threshold: p.Tolerance})
	if p.EmergencyStretch > 0 {
		passes = append(passes, pass{threshold: p.Tolerance, emergency: p.EmergencyStretch})
	}
	return passes
}

// lastResort is the pass that always finds lines (pass 4 of the package
// comment).
var lastResort = pass{threshold: math.Inf(1), last: true}

// settle returns the lines Break returns, given the passes it makes before
// its last resort and outcome, which tells what a pass chooses: its lines
// (nil if it found no feasible breaks) and whether they have a hyphen
// before the last line.
func settle(passes []pass, outcome func(pass) ([]Line, bool)) []Line {
	var fallback []Line
	for _, ps := range passes {
		lines, finalHyphen := outcome(ps)
		if lines == nil {
			continue
		}
		if !finalHyphen || !hardFinalHyphen {
			if fallback != nil && underfull(lines) && !underfull(fallback) {
				// Avoiding the hyphen would take a line looser than
				// the tolerance: the hyphen is the lesser evil.
				return fallback
			}
			return lines
		}
		if ps.tight {
			// Within TightTolerance, a hyphen before the last line
			// is the lesser evil than a looser line.
			return lines
		}
		if fallback == nil {
			fallback = lines
		}
	}
	lines, finalHyphen := outcome(lastResort)
	if fallback != nil && (finalHyphen || underfull(lines) && !underfull(fallback)) {
		// Pass 4 could not avoid the hyphen either: keep the better
		// spaced paragraph of the earlier passes.
		return fallback
	}
	return lines
}

// outcome runs the pass ps and returns what it chooses at the given
// looseness (see settle).
func (b *breaker) outcome(ps pass, looseness int) ([]Line, bool) {
	finals := b.run(ps)
	if finals == nil {
		return nil, false
	}
	return b.choose(finals, hardFinalHyphen, looseness)
}

// underfull reports whether a line of lines is looser than the tolerance.
func underfull(lines []Line) bool {
	for _, l := range lines {
		if l.Underfull {
			return true
		}
	}
	return false
}

type pass struct {
	threshold float64 // largest feasible badness
	noHyphens bool    // skip flagged penalties of non-zero width
	emergency float64 // extra background stretch for badness
	last      bool    // last resort: allow artificial overfull breaks
	tight     bool    // a pass of Params.TightTolerance
}

type node struct {
	pos      int // index of the break item; -1 for the paragraph start
	start    int // first item of the next line
	line     int // number of lines before the break (index of the next line)
	fitness  int
	hyphens  int  // hyphenated lines in a row ending here
	flagged  bool // the line ending here is hyphenated
	final    bool // final break whose previous line is hyphenated
	total    float64
	prev     *node
	ratio    float64
	expand   float64 // the line's expansion; NaN at the paragraph start
	protL    float64
	protR    float64
	bad      float64
	dem      float64
	overfull bool
	under    bool
	// What the line after the break begins with (see lineStart), and its
	// measure plus startL, worked out once for every line tried from it.
	startL, post, postExpand, target float64
}

type breaker struct {
	items   []Item
	width   func(int) float64
	p       Params
	w, y, z []float64 // prefix sums of widths, stretch, shrink over items[:i]
	x       []float64 // prefix sums of the widths of expandable boxes
	visits  int
	easy    int
	// ws are the widths of lines 0 to easyLines (see lineWidth) that
	// width gives; if width is nil, every line is measure wide.
	ws      [easyLines + 1]float64
	measure float64
	// sums backs w, y, z and x; the others are scratch space of run: the
	// active and final nodes, the candidates found and kept at a break,
	// and nodes allocated a block at a time. All are kept for the next
	// paragraph (see breakers).
	sums          []float64
	active, final []*node
	cands, best   []candidate
	nodes         []node
}

// breakers keeps breakers, with their scratch space, for reuse: the lines
// Break returns refer to none of it.
var breakers = sync.Pool{New: func() any { return new(breaker) }}

func newBreaker(items []Item, width func(int) float64, p Params) *breaker {
	n := len(items)
	k := 3
	if p.Expansion > 0 {
		k = 4
	}
	b := breakers.Get().(*breaker)
	if cap(b.sums) < k*(n+1) {
		b.sums = make([]float64, k*(n+1)) // one allocation for every array
	}
	sums := b.sums[:k*(n+1)]
	b.items, b.width, b.p, b.visits, b.easy = items, width, p, 0, 0
	b.w, b.y, b.z, b.x = sums[:n+1:n+1], sums[n+1:2*(n+1):2*(n+1)], sums[2*(n+1):3*(n+1):3*(n+1)], nil
	b.w[0], b.y[0], b.z[0] = 0, 0, 0
	if p.Expansion > 0 {
		b.x = sums[3*(n+1):]
		b.x[0] = 0
	}
	// The running sums are kept in locals, each added to as before.
	w, y, z, x := b.w, b.y, b.z, b.x
	var sw, sy, sz, sx float64
	for i := range items {
		it := &items[i] // not a copy: the loop is hot
		if x != nil {
			if it.Kind == Box && it.Expandable {
				sx += it.Width
			}
			if it.Kind == Penalty && it.Expandable {
				sx += it.NoBreak
			}
			x[i+1] = sx
		}
		switch it.Kind {
		case Box:
			sw += it.Width
		case Penalty:
			sw += it.NoBreak // a discretionary's unbroken material
		case Glue:
			sw += it.Width
			sy += it.Stretch
			sz += it.Shrink
		}
		w[i+1], y[i+1], z[i+1] = sw, sy, sz
	}
	b.easy = math.MaxInt
	return b
}

// checkWidths validates the measures and finds the easy line, from which
// on all lines have the same width and line numbers need not be told apart
// (TeX's easy_line); with Looseness, line numbers are always told apart.
func (b *breaker) checkWidths() error {
	ws := &b.ws
	if b.width == nil { // BreakAt: one measure, checked once
		if w := b.measure; !(w > 0) || math.IsInf(w, 0) {
			return fmt.Errorf("linebreak: width(%d) = %v, want a positive length", 0, w)
		}
		if b.p.Looseness == 0 {
			b.easy = 0
		}
		return nil
	}
	for i := range ws {
		w := b.width(i)
		if !(w > 0) || math.IsInf(w, 0) {
			return fmt.Errorf("linebreak: width(%d) = %v, want a positive length", i, w)
		}
		ws[i] = w
	}
	if b.p.Looseness != 0 {
		return nil
	}
	e := easyLines
	for e > 0 && ws[e-1] == ws[easyLines] {
		e--
	}
	b.easy = e
	return nil
}

// lineWidth returns the measure of line i.
func (b *breaker) lineWidth(i int) float64 {
	if b.width == nil {
		return b.measure
	}
	if i > easyLines {
		i = easyLines
	}
	return b.ws[i]
}

// after returns the first item of the line that follows a break at pos.
func (b *breaker) after(pos int) int {
	i := pos + 1
	for i < len(b.items) && b.items[i].Kind != Box {
		if b.items[i].Kind == Penalty && b.items[i].Penalty <= -Infinity {
			break // a forced break must stay reachable
		}
		if b.items[i].Discretionary() {
			break // material, not discarded
		}
		i++
	}
	return i
}

// Fitness classes, as in TeX.
const (
	veryLoose = 0
	loose     = 1
	decent    = 2
	tight     = 3
)

type candidate struct {
	from     *node
	dem      float64 // total demerits
	ratio    float64 // glue ratio, after expansion
	expand   float64
	protL    float64
	protR    float64
	bad      float64
	fitness  int
	hyphens  int
	final    bool
	overfull bool
	under    bool
}

// run performs one pass and returns the final breaks it found, for choose;
// nil if the pass found no feasible breaks. The nodes are valid until the
// next pass.
func (b *breaker) run(ps pass) []*node {
	items := b.items
	lastIdx := len(items) - 1
	b.nodes = b.nodes[:0] // the nodes of an earlier pass are no longer used
	active := append(b.active[:0], b.node(node{pos: -1, start: 0, fitness: decent, expand: math.NaN()}))
	cands, finals := b.cands[:0], b.final[:0]
	visits := 0
	defer func() { b.active, b.cands, b.final, b.visits = active, cands, finals, b.visits+visits }()
	// Read once here, not through b at every active node.
	w, y, z, x := b.w, b.y, b.z, b.x
	expansion, tolerance := b.p.Expansion, b.p.Tolerance
	for i := range items {
		it := &items[i] // not a copy: the loop is hot
		var pen float64
		flagged := false
		switch it.Kind {
		case Box:
			continue
		case Glue:
			if i == 0 || items[i-1].Kind != Box && !items[i-1].Discretionary() {
				continue
			}
		case Penalty:
			if it.Penalty >= Infinity {
				continue
			}
			pen = it.Penalty
			flagged = it.Flagged
			if ps.noHyphens && flagged && it.Width != 0 {
				continue
			}
			if ps.tight && flagged && it.Width != 0 {
				pen += b.p.TightHyphenPenalty
			}
		}
		forced := it.Kind == Penalty && pen <= -Infinity
		isFinal := i == lastIdx
		penWidth, penExpand := 0.0, 0.0
		if it.Kind == Penalty {
			penWidth = it.Width
			if it.Expandable {
				penExpand = it.Width
			}
		}
		protR := b.protrudeRight(i)
		cands = cands[:0]
		minDem := math.Inf(1)
		kept := active[:0]
		var lastDropped *node
		for _, a := range active {
			visits++
			if a.start > i || (a.start == i && !forced) {
				kept = append(kept, a)
				continue
			}
			protL, postWidth, postExpand := a.startL, a.post, a.postExpand
			target := a.target + protR
			natural := w[i] - w[a.start] + penWidth + postWidth
			glueStretch := y[i] - y[a.start]
			glueShrink := z[i] - z[a.start]
			expandable := 0.0
			if x != nil {
				expandable = x[i] - x[a.start] + penExpand + postExpand
			}
			stretch := glueStretch + expansion*expandable
			shrink := glueShrink + expansion*expandable
			var r, bad float64
			switch {
			case natural < target:
				if st := stretch + ps.emergency; st > 0 {
					bad = badness((target - natural) / st)
				} else {
					bad = math.Inf(1)
				}
				if stretch > 0 {
					r = (target - natural) / stretch
				}
			case natural > target:
				if shrink > 0 {
					r = (target - natural) / shrink
				} else {
					r = math.Inf(-1)
				}
				bad = badness(r)
			}
			if ps.last && natural < target {
				// Last resort: rank loose lines by their real looseness
				// (uncapped badness) so the spacing stays as even as it
				// can; a line with nothing to stretch counts as r ≈ 21.5.
				bad = 1e6
				if stretch > 0 {
					bad = min(100*r*r*r, 1e6)
				}
			}
			tooTight := r < -1-1e-9
			if !tooTight && bad <= ps.threshold && !(flagged && b.p.MaxConsecutiveHyphens > 0 && a.hyphens >= b.p.MaxConsecutiveHyphens) {
				c := b.candidate(a, r, bad, pen, flagged, isFinal)
				// Looser than the tolerance allows with the real
				// stretch, or nothing to stretch with.
				c.under = natural < target && (stretch <= 0 || badness(r) > tolerance)
				c.protL, c.protR = protL, protR
				if x != nil {
					e, gr := b.expansion(r, target-natural, glueStretch, glueShrink, expandable)
					c.ratio, c.expand = max(gr, -1), e
					if j := b.p.MaxExpansionJump; j > 0 && !math.IsNaN(a.expand) && math.Abs(e-a.expand) > j+1e-9 {
						c.dem += b.p.AdjDemerits
						if c.dem < minDem {
							minDem = c.dem
						}
					}
				}
				cands = append(cands, c)
				if c.dem < minDem {
					minDem = c.dem
				}
			}
			if tooTight || forced {
				lastDropped = a
				continue
			}
			kept = append(kept, a)
		}
		active = kept
		// Last resort: the only remaining path would be lost; break here
		// with an overfull line (TeX's artificial_demerits).
		if ps.last && len(cands) == 0 && len(active) == 0 && lastDropped != nil {
			c := candidate{from: lastDropped, dem: lastDropped.total, ratio: -1, expand: -b.p.Expansion, bad: 10000,
				fitness: tight, overfull: true, final: isFinal && lastDropped.flagged}
			c.protL = lastDropped.startL
			c.protR = protR
			if flagged {
				c.hyphens = lastDropped.hyphens + 1
			}
			cands = append(cands, c)
			minDem = c.dem
		}
		if len(cands) == 0 {
			if len(active) == 0 {
				return nil // no feasible path in this pass
			}
			continue
		}
		// Keep the best candidate per (fitness, hyphens, line, final)
		// class, and only those within AdjDemerits of the best overall.
		start := b.after(i)
		best := b.best[:0]
		for _, c := range cands {
			if c.dem > minDem+b.p.AdjDemerits && !isFinal {
				continue
			}
			line := c.from.line + 1
			merged := false
			for k := range best {
				o := &best[k]
				if o.fitness == c.fitness && o.hyphens == c.hyphens && o.final == c.final &&
					b.lineClass(o.from.line+1) == b.lineClass(line) {
					if c.dem < o.dem {
						*o = c
					}
					merged = true
					break
				}
			}
			if !merged {
				best = append(best, c)
			}
		}
		b.best = best
		for _, c := range best {
			n := b.node(node{pos: i, start: start, line: c.from.line + 1, fitness: c.fitness,
				hyphens: c.hyphens, flagged: flagged, final: c.final, total: c.dem, prev: c.from,
				ratio: c.ratio, expand: c.expand, protL: c.protL, protR: c.protR,
				bad: c.bad, dem: c.dem - c.from.total, overfull: c.overfull, under: c.under})
			if isFinal {
				finals = append(finals, n)
			} else {
				active = append(active, n)
			}
		}
	}
	if len(finals) == 0 {
		return nil
	}
	return finals
}

// release gives b back for reuse, once its lines are made.
func (b *breaker) release() {
	b.items, b.width = nil, nil
	clear(b.best)
	clear(b.cands)
	clear(b.active)
	clear(b.final)
	b.best, b.cands, b.active, b.final = b.best[:0], b.cands[:0], b.active[:0], b.final[:0]
	b.nodes = b.nodes[:0]
	breakers.Put(b)
}

// node returns a pointer to a copy of n, allocated with others in a
// block: a pass makes many nodes and keeps most of them to its end.
func (b *breaker) node(n node) *node {
	if len(b.nodes) == cap(b.nodes) {
		b.nodes = make([]node, 0, min(max(2*cap(b.nodes), 16), 1024))
	}
	n.startL, n.post, n.postExpand = b.lineStart(&n)
	n.target = b.lineWidth(n.line) + n.startL
	b.nodes = append(b.nodes, n)
	return &b.nodes[len(b.nodes)-1]
}

// lineStart returns what the line after the break a begins with: how far
// its start may protrude into the left margin, and the width and the
// expandable width of the post-break material of a discretionary at a.
func (b *breaker) lineStart(a *node) (protL, post, postExpand float64) {
	if a.pos >= 0 {
		if it := b.items[a.pos]; it.Discretionary() && it.PostBreak != 0 {
			if it.Expandable {
				postExpand = it.PostBreak
			}
			return it.ProtrudeLeft, it.PostBreak, postExpand
		}
	}
	if a.start < len(b.items) {
		if it := b.items[a.start]; it.Kind == Box {
			protL = it.ProtrudeLeft
		}
	}
	return protL, 0, 0
}

// lineClass tells line numbers apart only below the easy line.
func (b *breaker) lineClass(line int) int {
	if line >= b.easy {
		return b.easy
	}
	return line
}

// candidate computes the demerits of a line from a to a feasible break.
func (b *breaker) candidate(a *node, r, bad, pen float64, flagged, isFinal bool) candidate {
	d := b.p.LinePenalty + bad
	d *= d
	switch {
	case pen >= 0:
		d += pen * pen
	case pen > -Infinity:
		d -= pen * pen
	}
	if flagged && a.flagged {
		d += b.p.DoubleHyphenDemerits
	}
	final := isFinal && a.flagged
	if final {
		d += b.p.FinalHyphenDemerits
	}
	fit := fitness(r, bad)
	if abs(fit-a.fitness) > 1 {
		d += b.p.AdjDemerits
	}
	c := candidate{from: a, dem: a.total + d, ratio: r, bad: bad, fitness: fit, final: final}
	if flagged {
		c.hyphens = a.hyphens + 1
	}
	if r < -1 {
		c.ratio = -1
	}
	return c
}

// choose picks the final node (honouring looseness, as Params.Looseness
// asks, and preferring a paragraph without a hyphen before its last line)
// and returns its lines and whether they have that hyphen.
func (b *breaker) choose(finals []*node, hard bool, looseness int) ([]Line, bool) {
	// yields reports whether n, a paragraph without a hyphen before its
	// last line, has a line looser than FinalHyphenYield: the rule
	// against that hyphen then yields to the demerits.
	yields := func(n *node) bool {
		if b.p.FinalHyphenYield <= 0 {
			return false
		}
		for ; n != nil; n = n.prev {
			if n.bad > b.p.FinalHyphenYield {
				return true
			}
		}
		return false
	}
	better := func(x, y *node) bool { // is x better than y, ignoring looseness
		if hard && x.final != y.final {
			nf := x
			if x.final {
				nf = y
			}
			if !yields(nf) {
				return !x.final
			}
		}
		return x.total < y.total
	}
	best := finals[0]
	for _, n := range finals[1:] {
		if better(n, best) {
			best = n
		}
	}
	// A hyphen before the last line chosen over a looser paragraph
	// without is no hyphen to avoid in a later pass.
	yielded := false
	if best.final && hard && looseness == 0 {
		for _, n := range finals {
			if !n.final {
				yielded = true
				break
			}
		}
	}
	if looseness != 0 {
		want := best.line + looseness
		pick := best
		for _, n := range finals {
			if hard && n.final && !best.final {
				continue
			}
			dn, dp := abs(n.line-want), abs(pick.line-want)
			if dn < dp || (dn == dp && n.total < pick.total) {
				pick = n
			}
		}
		best = pick
	}
	var rev []*node
	for n := best; n.prev != nil; n = n.prev {
		rev = append(rev, n)
	}
	lines := make([]Line, len(rev))
	for k := range rev {
		n := rev[len(rev)-1-k]
		ratio := n.ratio
		if math.IsInf(ratio, 0) || math.IsNaN(ratio) {
			ratio = 0
		}
		if ratio < -1 {
			ratio = -1
		}
		lines[k] = Line{Start: n.prev.start, End: n.pos, Ratio: ratio, Expansion: n.expand,
			ProtrudeLeft: n.protL, ProtrudeRight: n.protR, Hyphenated: n.flagged,
			Overfull: n.overfull, Underfull: n.under, Badness: min(n.bad, 10000), Demerits: n.dem}
	}
	// A line whose natural width minus all shrink exceeds the measure is
	// overfull whatever pass produced it.
	for k := range lines {
		l := &lines[k]
		min := b.w[l.End] - b.w[l.Start] - (b.z[l.End] - b.z[l.Start])
		if it := b.items[l.End]; it.Kind == Penalty {
			min += it.Width
			if b.x != nil && it.Expandable {
				min -= b.p.Expansion * it.Width
			}
		}
		if b.x != nil {
			min -= b.p.Expansion * (b.x[l.End] - b.x[l.Start])
		}
		if k > 0 {
			if it := b.items[lines[k-1].End]; it.Discretionary() {
				min += it.PostBreak
				if b.x != nil && it.Expandable {
					min -= b.p.Expansion * it.PostBreak
				}
			}
		}
		if min > b.lineWidth(k)+l.ProtrudeLeft+l.ProtrudeRight+1e-6 {
			l.Overfull = true
			l.Ratio = -1
			if b.x != nil {
				l.Expansion = -b.p.Expansion
			}
		}
	}
	return lines, best.final && !yielded
}

// protrudeRight returns how far the line ending at a break at item i may
// hang into the right margin: the protrusion of the hyphen of a penalty
// with a width, else that of the box directly before the break.
func (b *breaker) protrudeRight(i int) float64 {
	it := b.items[i]
	if it.Kind == Penalty && it.Width != 0 {
		return it.ProtrudeRight
	}
	if i > 0 && b.items[i-1].Kind == Box {
		return b.items[i-1].ProtrudeRight
	}
	return 0
}

// expansion splits what a line lacks, delta = measure - natural width,
// between the glyphs of its expandable material (width x) and its glue
// (stretch y, shrink z), given the line's adjustment ratio r over both. The
// expansion follows r (r·limit, at most the limit) rounded to the nearest
// step, but never so far that the glue would have to shrink beyond its
// shrink, nor, with no glue to stretch, so far that the line would exceed
// its measure. It returns the expansion and the glue's ratio.
func (b *breaker) expansion(r, delta, y, z, x float64) (e, glue float64) {
	limit, step := b.p.Expansion, b.p.ExpansionStep
	if x <= 0 {
		return 0, glueRatio(delta, y, z)
	}
	e = max(-1, min(1, r)) * limit
	if step > 0 {
		e = math.Round(e/step) * step
		if y <= 0 && e*x > delta+1e-9 { // nothing else to fill: stay short
			e = math.Floor(delta/x/step+1e-9) * step
		}
		if e*x > delta+z+1e-9 { // the glue could not shrink the rest
			e = math.Floor((delta+z)/x/step+1e-9) * step
		}
	} else if y <= 0 && e*x > delta {
		e = delta / x
	}
	e = max(-limit, min(limit, e))
	return e, glueRatio(delta-e*x, y, z)
}

// glueRatio is the ratio that sets glue of stretch y and shrink z to fill
// rest: 0 if there is nothing to fill or nothing to fill with.
func glueRatio(rest, y, z float64) float64 {
	switch {
	case rest > 0 && y > 0:
		return rest / y
	case rest < 0 && z > 0:
		return rest / z
	}
	return 0
}

// badness is TeX's badness for adjustment ratio r: 100·|r|³, capped at
// 10000 (TeX's inf_bad) when finite.
func badness(r float64) float64 {
	if math.IsInf(r, 0) {
		return math.Inf(1)
	}
	b := 100 * math.Abs(r*r*r)
	if b > 10000 {
		b = 10000
	}
	return b
}

// fitness returns TeX's fitness class of a line.
func fitness(r, bad float64) int {
	switch {
	case r < 0 && bad > 12:
		return tight
	case r > 0 && bad > 99:
		return veryLoose
	case r > 0 && bad > 12:
		return loose
	}
	return decent
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
