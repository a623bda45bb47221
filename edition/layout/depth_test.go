package layout

import (
	"fmt"
	"math"
	"testing"

	"edition/edition"
	"edition/internal/testbook"
)

// pageDepths returns, for every body page of L that should be full (not an
// opening, not the last page of its section), how many lines it ends short,
// judged from the placed lines alone as the PDF measure judges them (see
// package measure): lines between its last line and the text block's
// bottom, or, with notes, the lines its notes end above the bottom plus the
// lines its text could still take above them (a line and the rule); a page
// that ends early because its next line would bring notes that cannot fit
// with it is not short. It also returns the physical numbers of the pages
// it judged, and for each whether its section ends on the page after.
func pageDepths(L *pageSet) (short map[int]int, finalNext map[int]bool) {
	g := L.g
	short, finalNext = map[int]int{}, map[int]bool{}
	bodyLines := func(p *page) []placed {
		var out []placed
		for _, pl := range p.lines {
			if pl.count > 0 {
				out = append(out, pl)
			}
		}
		return out
	}
	counted := func(i int) bool {
		if i+1 >= len(L.pages) {
			return false
		}
		p, next := L.pages[i], L.pages[i+1]
		return p.kind == pageBody && len(bodyLines(p)) > 0 && next.kind == pageBody && len(bodyLines(next)) > 0
	}
	for i, p := range L.pages {
		if !counted(i) {
			continue
		}
		body := bodyLines(p)
		yb := body[len(body)-1].y
		next := bodyLines(L.pages[i+1])
		need := 0.0
		for range next[0].line.notes {
			need += 2 * g.NoteLead
		}
		n := 0
		if len(p.notes) == 0 {
			room := g.LastBaseline() - yb
			if len(next[0].line.notes) == 0 || room >= 2*g.Leading+need-0.5 {
				n = int(math.Round(room / g.Leading))
			}
		} else {
			foot := p.notes[len(p.notes)-1].y
			yn := p.notes[0].y
			n = int(math.Round((g.LastBaseline()-foot)/g.Leading)) +
				max(0, int(math.Floor((yn-yb-g.Leading-g.NoteLead-need+0.5)/g.Leading)))
		}
		short[p.number] = n
		finalNext[p.number] = !counted(i + 1)
	}
	return short, finalNext
}

// depthFaults lists the pages that end short of the last baseline other
// than as one of a spread both a line short (or a verso a line short
// facing the last page of its section).
func depthFaults(L *pageSet) (faults []string, shortPages, balanced int) {
	short, finalNext := pageDepths(L)
	for num, n := range short {
		if n == 0 {
			continue
		}
		shortPages++
		facing := num + 1
		if num%2 == 1 {
			facing = num - 1
		}
		fn, ok := short[facing]
		switch {
		case n == 1 && ok && fn == 1:
			balanced++
		case n == 1 && num%2 == 0 && finalNext[num]:
			balanced++ // a verso facing its section's last page
		default:
			faults = append(faults, fmt.Sprintf("page %d (folio %s): %d line(s) short, facing page %d: %v", num, L.pages[num-1].folio, n, facing, fn))
		}
	}
	return faults, shortPages, balanced
}

// TestLoosenessFillsPage builds a book whose page 4 of the body at A5,
// made up as the rows come, ends a line short because taking the next line
// would leave the last line of a paragraph alone at the top of the next page
// (a widow); setting one paragraph of the page a line longer or shorter
// makes the page full, within the spacing allowed.
func TestLoosenessFillsPage(t *testing.T) {
	turns := [][]int{{5}, {2}, {3, 5}, {4}, {4, 2}, {1}, {1}, {1}}
	book := testbook.Book(turns, nil, nil)
	book.Meta.Trim = "a5"
	fb := fixtureFlow(t, "a5")
	g := fb.g
	fb.section(&book.Preface)
	fb.interview(&book.Interviews[0], nil)
	fb.section(&book.Colophon)
	fb.setParagraphs()
	lines := func(p bodyPage) int {
		n := 0
		for _, r := range p.rows {
			n += r.lines
		}
		return n
	}
	const pg = 4
	plain := makeUp(g, fb.rows, fb.notes, nil)
	if got := lines(plain[pg]); got != g.Lines-1 {
		t.Fatalf("as the rows come, the page holds %d lines, want %d (the fixture no longer shows the case)", got, g.Lines-1)
	}
	// The line left over is the widow rule's doing: the next page begins
	// with a paragraph's last two lines.
	next := plain[pg+1].rows
	if next[0].idx != next[0].count-2 || next[1].idx != next[1].count-1 {
		t.Fatalf("the next page begins with lines %d and %d of %d: not a widow moved over", next[0].idx, next[1].idx, next[0].count)
	}
	fixed := makeUp(g, fb.rows, fb.notes, fb.rebreak)
	if got := lines(fixed[pg]); got != g.Lines {
		t.Fatalf("with looseness the page holds %d lines, want %d", got, g.Lines)
	}
	var moved []row
	for _, r := range fixed[pg].rows {
		if r.loose != 0 {
			moved = append(moved, r)
		}
	}
	if len(moved) == 0 {
		t.Fatal("no paragraph on the page was set again")
	}
	orig := 0
	for _, r := range fb.rows {
		if r.src == moved[0].src {
			orig = r.count
			break
		}
	}
	if d := moved[0].count - orig; d != 1 && d != -1 {
		t.Errorf("the paragraph set again has %d lines, total fit gave %d: want one more or less", moved[0].count, orig)
	}
	for _, r := range moved {
		if r.idx < r.count-1 && r.line.ratio > 2*(maxLooseSpace-1)+1e-9 {
			t.Errorf("line %d of the paragraph set again is spaced at ratio %.2f, beyond %.2f", r.idx, r.line.ratio, 2*(maxLooseSpace-1))
		}
	}
	if fixed[pg].rows[0].line.rune != plain[pg].rows[0].line.rune {
		t.Errorf("the page begins elsewhere with looseness: the pages before changed")
	}
	L, err := makePages(book, "")
	if err != nil {
		t.Fatal(err)
	}
	checkMakeUp(t, L)
}

// TestLookBackVariant makes up a fixture (one-paragraph turns, found
// among random ones) whose uneven spread at A5 no full spread before made
// a line short evens: with the spread before it made again otherwise (a
// line short, or a paragraph of it set a line longer or shorter:
// lookBackVariant's search), it comes out even.
func TestLookBackVariant(t *testing.T) {
	book := oneParagraphTurns(4, 1, 6, 6, 6, 1, 3, 3, 4, 2, 6, 6, 2, 3, 3, 1, 4, 6, 5, 3, 6, 4, 5, 3, 5, 6, 2, 5, 2, 5)
	faults := func(search bool) []string {
		defer func(s, w bool) { variantsBackOn, wideOn = s, w }(variantsBackOn, wideOn)
		variantsBackOn, wideOn = search, false
		return faultyPages(t, book, "a5")
	}
	without, with := faults(false), faults(true)
	t.Logf("without the search: %v; with: %v", without, with)
	if len(without) == 0 {
		t.Fatal("the fixture no longer has a spread that looking back a line short leaves uneven")
	}
	if len(with) != 0 {
		t.Errorf("with the search, pages are still short: %v", with)
	}
}

// TestWideSpaces makes up the real book at A5, whose folio 10 no paragraph
// set again within maxLooseSpace, and no looking back, can make full: with
// paragraphs set again allowed spaces up to maxWideSpace as a last resort,
// every spread ends even, and no line of a paragraph set again is wider.
func TestWideSpaces(t *testing.T) {
	depth := func(wide bool) (*pageSet, []string) {
		defer func(w bool) { wideOn = w }(wideOn)
		wideOn = wide
		L, err := makePages(realBook(t), "a5")
		if err != nil {
			t.Fatal(err)
		}
		checkMakeUp(t, L)
		f, _, _ := depthFaults(L)
		return L, f
	}
	L0, without := depth(false)
	L, with := depth(true)
	t.Logf("within %.2f: %v; within %.2f as a last resort: %v", maxLooseSpace, without, maxWideSpace, with)
	if len(without) == 0 {
		t.Fatal("the book no longer has a spread that only wider spaces even")
	}
	if len(with) != 0 {
		t.Errorf("with wider spaces as a last resort, pages are still short: %v", with)
	}
	// The lines set otherwise than without are within maxWideSpace.
	type at struct {
		para string
		rune int
		n    int
	}
	before := map[at]bool{}
	for _, p := range L0.pages {
		for _, pl := range p.lines {
			before[at{pl.line.para, pl.line.rune, pl.count}] = true
		}
	}
	changed := 0
	for _, p := range L.pages {
		for _, pl := range p.lines {
			if pl.count == 0 || before[at{pl.line.para, pl.line.rune, pl.count}] {
				continue
			}
			changed++
			if pl.idx < pl.count-1 && pl.line.ratio > 2*(maxWideSpace-1)+1e-9 {
				t.Errorf("page %s: a line set again at ratio %.2f, beyond %.2f", p.folio, pl.line.ratio, 2*(maxWideSpace-1))
			}
		}
	}
	if changed == 0 {
		t.Error("no line is set otherwise with wider spaces allowed")
	}
}

// TestFullPagesRealBook asserts, for all three trims, that every body page
// but the last of its section ends on the last baseline or is one of a
// spread both a line short. (A5's folio 10 was the last page that did not,
// until the make-up could set a paragraph again with wider spaces as a last
// resort: TestWideSpaces.)
func TestFullPagesRealBook(t *testing.T) {
	for _, trim := range []string{"", "a5", "6x9in"} {
		t.Run(trim, func(t *testing.T) {
			L, err := makePages(realBook(t), trim)
			if err != nil {
				t.Fatal(err)
			}
			checkMakeUp(t, L)
			faults, shortPages, balanced := depthFaults(L)
			t.Logf("%d pages short, %d of them in spreads balanced a line short", shortPages, balanced)
			for _, f := range faults {
				t.Errorf("%s", f)
			}
		})
	}
}

// TestLookBack makes up a fixture with a spread the rules leave uneven
// (turns of one to three lines, forty of them): made again with the
// spread before it a line short on both pages, it comes out even.
func TestLookBack(t *testing.T) {
	var turns [][]int
	for i := 0; i < 40; i++ {
		turns = append(turns, []int{1 + i%3})
	}
	book := testbook.Book(turns, nil, nil)
	uneven := func() (faults []string, balanced int) {
		L, err := makePages(book, "")
		if err != nil {
			t.Fatal(err)
		}
		checkMakeUp(t, L)
		faults, _, balanced = depthFaults(L)
		return faults, balanced
	}
	lookBackOn = false
	before, balBefore := uneven()
	lookBackOn = true
	after, balAfter := uneven()
	t.Logf("without looking back: %v (%d balanced); with: %v (%d balanced)", before, balBefore, after, balAfter)
	if len(before) == 0 {
		t.Fatal("the fixture no longer has an uneven spread to repair")
	}
	if len(after) >= len(before) || balAfter <= balBefore {
		t.Errorf("looking back a spread did not even it: %d faults before, %d after", len(before), len(after))
	}
}

// TestSectionLastPage makes up fixtures whose interview, made up as the
// rows come, ends on a page of fewer than five lines: the spread before
// gives that page lines (its verso, or the spread before it, ending
// short), so that it holds five or more.
func TestSectionLastPage(t *testing.T) {
	for _, c := range []struct {
		trim  string
		turns [][]int
	}{
		{"", [][]int{{2}, {1}, {2}, {4}, {1}, {1}, {2}, {4}}},
		{"a5", [][]int{{3}, {2}, {2}, {1}, {4}, {1}, {4}, {2}}},
	} {
		t.Run(c.trim, func(t *testing.T) {
			book := testbook.Book(c.turns, nil, nil)
			fb := fixtureFlow(t, c.trim)
			g := fb.g
			fb.section(&book.Preface)
			fb.interview(&book.Interviews[0], nil)
			fb.section(&book.Colophon)
			fb.setParagraphs()
			// The interview's last page: the last with its text.
			last := func(pages []bodyPage) int {
				for i := len(pages) - 1; i >= 0; i-- {
					n := 0
					for _, r := range pages[i].rows {
						if r.kind == rowText && r.sec.id == book.Interviews[0].ID {
							n++
						}
					}
					if n > 0 {
						return n
					}
				}
				return 0
			}
			if n := last(makeUp(g, fb.rows, fb.notes, nil)); n == 0 || n >= minLastLines {
				t.Fatalf("as the rows come, the last page holds %d lines: the fixture no longer shows the case", n)
			}
			if n := last(makeUp(g, fb.rows, fb.notes, fb.rebreak)); n < minLastLines {
				t.Errorf("the interview ends on a page of %d lines", n)
			}
			L, err := makePages(book, c.trim)
			if err != nil {
				t.Fatal(err)
			}
			checkMakeUp(t, L)
		})
	}
}

// TestTwoParagraphs makes up a fixture (one-paragraph turns of one to six
// repetitions, found among random ones) with a page that no paragraph set
// again alone can make full: two of its paragraphs set again do.
func TestTwoParagraphs(t *testing.T) {
	book := oneParagraphTurns(2, 3, 2, 5, 5, 2, 6, 2, 1, 2, 2, 2, 6, 3, 3, 2, 6, 6, 6, 3, 2, 6, 5, 1, 2, 5, 4, 5, 1, 3)
	faults := func() []string {
		return faultyPages(t, book, "")
	}
	pairsOn = false
	before := faults()
	pairsOn = true
	after := faults()
	t.Logf("one paragraph set again: %v; two: %v", before, after)
	if len(before) == 0 {
		t.Fatal("the fixture no longer has a page that one paragraph set again cannot fill")
	}
	if len(after) != 0 {
		t.Errorf("two paragraphs set again leave pages short: %v", after)
	}
}

// TestTightTolerance sets a fixture's body (turns of one to six
// repetitions, at two trims) with and without a first setting within
// tightTolerance: with it, every paragraph either keeps all its lines but
// the last within that badness, or within tightPlainTolerance without a
// hyphen, or is set as without; and fewer lines are looser than
// tightTolerance.
func TestTightTolerance(t *testing.T) {
	var turns [][]int
	for i := range 24 {
		turns = append(turns, []int{1 + i*7%6, 1 + i%3})
	}
	book := testbook.Book(turns, nil, nil)
	limit := math.Cbrt(tightTolerance / 100)
	plainLimit := math.Cbrt(tightPlainTolerance / 100)
	for _, trim := range []string{"", "a5"} {
		t.Run(trim, func(t *testing.T) {
			set := func(tight float64) (map[string][]line, int) {
				defer func(v float64) { tightTolerance = v }(tightTolerance)
				tightTolerance = tight
				fb := fixtureFlow(t, trim)
				fb.interview(&book.Interviews[0], nil)
				fb.setParagraphs()
				paras, loose := map[string][]line{}, 0
				for _, r := range fb.rows {
					if r.kind != rowText {
						continue
					}
					paras[r.line.para] = append(paras[r.line.para], r.line)
					if r.idx < r.count-1 && r.line.ratio > limit+1e-9 {
						loose++
					}
				}
				return paras, loose
			}
			tight, looseTight := set(tightTolerance)
			plain, loosePlain := set(0)
			t.Logf("lines looser than badness %.0f: %d, %d without", tightTolerance, looseTight, loosePlain)
			if looseTight >= loosePlain {
				t.Errorf("%d lines looser than badness %.0f, %d without the tight setting", looseTight, tightTolerance, loosePlain)
			}
			for id, lines := range tight {
				hyphens := false
				for _, l := range lines {
					hyphens = hyphens || l.hyphenated
				}
				for i, l := range lines[:len(lines)-1] {
					if l.ratio <= limit+1e-9 || !hyphens && l.ratio <= plainLimit+1e-9 {
						continue
					}
					same := len(plain[id]) == len(lines)
					for j := range lines {
						same = same && plain[id][j].rune == lines[j].rune
					}
					if !same {
						t.Errorf("paragraph %s: line %d at ratio %.2f, beyond the tight setting's %.2f, and not set as without it", id, i, l.ratio, limit)
					}
				}
			}
		})
	}
}

// TestLookBackTwo makes up a fixture (one-paragraph turns, found among
// random ones) whose uneven spread at A5 is evened only by making the
// spread two before it a line short: looking back one spread is not
// enough.
func TestLookBackTwo(t *testing.T) {
	book := oneParagraphTurns(3, 3, 2, 2, 4, 6, 4, 6, 6, 4, 3, 2, 2, 4, 6, 4, 2, 5, 6, 5, 4, 3, 3, 4, 2, 6, 1, 2, 6, 1)
	faults := func(spreads int) []string {
		defer func(v int, s, w bool) { lookBackSpreads, variantsBackOn, wideOn = v, s, w }(lookBackSpreads, variantsBackOn, wideOn)
		// Looking back a line short alone: the other ways of looking back
		// (TestLookBackVariant, TestWideSpaces) even this spread too.
		lookBackSpreads, variantsBackOn, wideOn = spreads, false, false
		return faultyPages(t, book, "a5")
	}
	one, two := faults(1), faults(2)
	t.Logf("looking back one spread: %v; two: %v", one, two)
	if len(one) == 0 {
		t.Fatal("the fixture no longer has a spread that looking back one spread leaves uneven")
	}
	if len(two) != 0 {
		t.Errorf("looking back two spreads leaves pages short: %v", two)
	}
}

// oneParagraphTurns is a fixture book of turns of one paragraph each, of
// the given numbers of repetitions.
func oneParagraphTurns(reps ...int) *edition.Book {
	turns := make([][]int, len(reps))
	for i, n := range reps {
		turns[i] = []int{n}
	}
	return testbook.Book(turns, nil, nil)
}

// faultyPages makes up book at trim, checks the make-up's rules, and
// returns the pages depthFaults finds short or uneven.
func faultyPages(t *testing.T, book *edition.Book, trim string) []string {
	t.Helper()
	L, err := makePages(book, trim)
	if err != nil {
		t.Fatal(err)
	}
	checkMakeUp(t, L)
	f, _, _ := depthFaults(L)
	return f
}
