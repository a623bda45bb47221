package layout

import (
	"cmp"
	"math"
	"slices"
)

// bodyPage is a page of the body as page make-up leaves it: rows of the
// text block and the footnote lines at its foot.
type bodyPage struct {
	rows  []row
	notes []noteLine
	// blank pages are left empty so that a section opens on a recto.
	blank bool
	// depth is the number of lines of the text block the page may fill:
	// Geometry.Lines, or a line less on both pages of a spread balanced
	// short; the notes sit at its foot. Zero means Geometry.Lines.
	depth int
}

// breakAllowed reports whether the page may end after rows[i]: never after
// a heading or a row that keeps with the next, never after a paragraph's
// first line (an orphan at the foot) or before its last line (a widow at the
// head). A speaker's turn always begins with its first line, so these rules
// also keep a speaker's name from standing alone at a foot.
func breakAllowed(rows []row, i int) bool {
	if i+1 >= len(rows) {
		return true
	}
	r, next := rows[i], rows[i+1]
	if r.keep || r.kind == rowHeading {
		return false
	}
	if next.newPage {
		return true
	}
	if r.kind == rowText && next.kind == rowText && r.line.para == next.line.para {
		if r.idx == 0 || next.idx == next.count-1 {
			return false
		}
	}
	return true
}

// makeUpFrom distributes rows over pages, spread by spread (a verso and the
// recto facing it). Each page takes as many rows as fit with the notes their
// lines cite; it then ends at the last allowed break, or one or two lines
// earlier if that avoids ending the page with a hyphenated line. Every note
// begins on the page of its mark; a note too long for the room left splits
// and the rest goes first at the next page's foot.
//
// A page that the rules leave short of the last line it could hold — all
// but the last page of a section should be full — is made full as a
// typesetter would: one paragraph on the page, or on the facing verso, is
// set a line shorter or longer (rebreak, TeX's \looseness), the one whose
// spacing suffers least. If none can, both pages of the spread are made a
// line short, so that they still end on the same baseline. Only the
// paragraphs of the spread being made are set again: the work per page is
// bounded. With rebreak nil, pages are made up as the rows come.
//
// A spread still uneven makes make-up look back: a full spread before it
// made a line short (lookBack, at most lookBackSpreads back); else the
// spreads before it made again in other ways (lookBackVariant, at most
// searchBack back); else, as a last resort, the spread made again with
// paragraphs set again allowed spaces up to maxWideSpace (wideSpread).
//
// The rows are rows followed by those more gives, chunk by chunk as
// make-up needs them, until it reports no more (nil: none).
func makeUpFrom(g Geometry, rows []row, more func() ([]row, bool), notes map[int][]noteLine, rebreak rebreakFunc) []bodyPage {
	// src is make-up's own (drop moves rows within it).
	m := &makeup{g: g, src: slices.Clone(rows), more: more, notes: notes, rebreak: rebreak}
	// full holds where make-up stood before each of the last spreads made
	// full, in a row (at most lookBackSpreads of them).
	var full []state
	// hist holds where make-up stood before each of the last spreads of
	// the section, whatever they came out as (at most lookBackSpreads).
	var hist []state
	for {
		// Make-up returns to no state but those of full and hist: the
		// rows before theirs and its own are let go of.
		from := m.next
		for _, s := range full {
			from = min(from, s.next)
		}
		for _, s := range hist {
			from = min(from, s.next)
		}
		m.drop(from)
		m.fill()
		if len(m.buf) == 0 {
			break
		}
		if m.buf[0].newPage && len(m.pages)%2 == 1 {
			// A section opens on a recto (an odd page of the body).
			m.pages = append(m.pages, bodyPage{blank: true})
			full, hist = full[:0], hist[:0]
		}
		if len(m.pages)%2 == 1 {
			before := m.save()
			m.trimCache()
			kind := m.spread()
			fixed := false
			if (kind == spreadUneven || kind == spreadRunt) && rebreak != nil && lookBackOn {
				for back := 1; back <= len(full) && !fixed; back++ {
					fixed = m.lookBack(full[len(full)-back], back)
				}
				for back := 1; back <= min(len(hist), searchBack) && !fixed && variantsBackOn; back++ {
					fixed = m.lookBackVariant(hist[len(hist)-back], back)
				}
				if !fixed && wideOn {
					fixed = m.wideSpread(before)
				}
			}
			if fixed {
				// The spreads before were made again: where make-up
				// stood before each of them.
				j := 0
				for j < len(hist) && hist[j].pages < m.remade[0].pages {
					j++
				}
				hist = append(hist[:j], m.remade...)
			} else {
				hist = append(hist, before)
			}
			if len(hist) > lookBackSpreads {
				hist = append(hist[:0], hist[len(hist)-lookBackSpreads:]...)
			}
			if kind != spreadFull {
				full = full[:0]
			} else {
				if len(full) >= lookBackSpreads {
					full = append(full[:0], full[1:]...)
				}
				full = append(full, before)
			}
		} else {
			m.trimCache()
			m.commit(m.fixPage(m.buf, m.carry, g.Lines, m.lastRows()))
		}
	}
	avail := g.Available()
	carry := m.carry
	for len(carry) > 0 { // notes left over after the last line of text
		fit := int((avail - g.NoteSep) / g.NoteLead)
		if fit > len(carry) {
			fit = len(carry)
		}
		m.pages = append(m.pages, bodyPage{notes: carry[:fit]})
		carry = carry[fit:]
	}
	return m.pages
}

// rebreakFunc sets the paragraph src (row.src) of count lines again with
// the given looseness and, if noHyphen is a line's index, without a hyphen
// at that line's end; nil if it cannot be set so within the spacing allowed
// (see flowBuilder.rebreak).
type rebreakFunc func(reqs []rebreakReq) [][]row

// makeup is page make-up in progress. The rows not yet on a page are
// buf (a window) followed by the rows from the next'th on (src[next-base:]);
// buf is never changed in place, so that trial make-ups may share it:
// setting a paragraph again makes a new window.
type makeup struct {
	g Geometry
	// src holds the rows from the base'th on: those before, make-up will
	// not take again (see drop).
	src  []row
	base int
	// more gives the rows after src, chunk by chunk (see has).
	more    func() ([]row, bool)
	next    int
	buf     []row
	carry   []noteLine // note lines waiting for the next page's foot
	notes   map[int][]noteLine
	rebreak rebreakFunc
	pages   []bodyPage
	// cache holds the paragraphs set again, for the spreads being made and
	// those that looking back makes again (see trimCache).
	cache map[variant][]row
	// scratch is reused for trial windows; pair for the window with the
	// first of two paragraphs set again (fixPage); cited for the notes
	// cited.
	scratch, pair []row
	cited         []int
	// wide lets paragraphs set again have spaces as wide as maxWideSpace.
	wide bool
	// remade holds where make-up stood before each spread that looking
	// back made again, the last time it did.
	remade []state
}

// variant is a way of setting a paragraph again: its source, a looseness,
// and a line that must not end with a hyphen (-1 for none).
type variant struct {
	src             int32
	loose, noHyphen int8
	// wide lets its spaces be as wide as maxWideSpace.
	wide bool
}

// fill extends the window to hold two pages and a line, and the whole of
// every paragraph that begins in it, or the rest of the book.
func (m *makeup) fill() {
	want := 2*m.g.Lines + 4
	for len(m.buf) < want && m.has() {
		m.buf = append(m.buf, m.src[m.next-m.base])
		m.next++
	}
	for len(m.buf) > 0 && m.has() {
		last := m.buf[len(m.buf)-1]
		if last.kind != rowText || last.idx+1 >= last.count {
			break
		}
		m.buf = append(m.buf, m.src[m.next-m.base])
		m.next++
	}
}

// has reports whether there is a row after those make-up has taken
// (m.src[m.next-m.base]), asking more for the next rows when m.src holds
// none.
func (m *makeup) has() bool {
	for m.next-m.base >= len(m.src) {
		if m.more == nil {
			return false
		}
		rows, ok := m.more()
		if !ok {
			m.more = nil
			return false
		}
		m.src = append(m.src, rows...)
	}
	return true
}

// drop lets go of the rows before the from'th, which make-up will not
// take again: no state it may return to (save, restore) stands before
// from. The rows after are moved to the start of src once half of it is
// rows let go of, so that src holds the rows of the last few spreads, not
// every row of the book, and each row is moved at most about once.
func (m *makeup) drop(from int) {
	n := from - m.base
	if n <= 0 || 2*n < len(m.src) {
		return
	}
	k := copy(m.src, m.src[n:])
	clear(m.src[k:]) // let go of their lines
	m.src = m.src[:k]
	m.base = from
}

// pageResult is a page made up from a window of rows.
type pageResult struct {
	rows     []row      // the window the page was made from, from its first row
	carryIn  []noteLine // the note lines carried to it
	depth    int        // the lines of the text block it may fill
	page     bodyPage
	j        int        // rows that fit
	k        int        // rows taken
	carry    []noteLine // note lines carried to the next page
	full     bool       // it ends on the last row that fits
	final    bool       // its section (or the book) ends on it
	hyphen   bool       // it ends with a hyphenated line
	notesAll bool       // it holds only notes carried over
	// broken marks a page that ends on a hyphen because neither the page
	// as it comes nor a paragraph set again could end it full without.
	broken bool
}

// minLastLines is the fewest body lines the last page of a section holds,
// when make-up can help it.
const minLastLines = 5

// runt reports whether the page ends its section with text, but fewer
// than minLastLines lines of it, and does not open it.
func (r *pageResult) runt() bool {
	if !r.final {
		return false
	}
	n := 0
	for _, row := range r.page.rows {
		switch row.kind {
		case rowHeading:
			return false
		case rowText:
			n++
		}
	}
	return n > 0 && n < minLastLines
}

// ok reports whether the page ends where it should: the last page of a
// section anywhere, any other page on the last row that fits, not on a
// hyphen unless nothing else would fill it (broken).
func (r *pageResult) ok() bool {
	return !r.notesAll && (r.final || r.full && (!r.hyphen || r.broken))
}

// rest is the window after the page.
func (r *pageResult) rest() []row { return r.rows[r.k:] }

// layPage makes up one page of at most depth lines from rows, with the
// note lines carry waiting at its foot.
func (m *makeup) layPage(rows []row, carry []noteLine, depth int) pageResult {
	return m.layPageFoot(rows, carry, depth, false)
}

// layPageFoot is layPage; with hyphenOK, the page may end on a hyphenated
// line rather than a line or two short.
func (m *makeup) layPageFoot(rows []row, carry []noteLine, depth int, hyphenOK bool) pageResult {
	g := m.g
	res := pageResult{rows: rows, carryIn: carry, depth: depth}
	avail := float64(depth) * g.Leading
	end := !m.has()
	// How far rows fit, and what the notes of the rows need.
	used := 0.0
	cited := m.cited[:0]
	j := 0
	for j < len(rows) {
		if j > 0 && rows[j].newPage {
			break
		}
		h := float64(rows[j].lines) * g.Leading
		if used+h+footNeed(g, carry, cited, rows[j].line.notes, m.notes) > avail && j > 0 {
			break
		}
		used += h
		cited = append(cited, rows[j].line.notes...)
		j++
	}
	m.cited = cited
	res.final = j < len(rows) && rows[j].newPage || j == len(rows) && end
	// Choose the break: the last allowed one, or a page a line shorter
	// if that avoids a hyphen at the foot.
	k := j
	for k > 1 && !breakAllowed(rows, k-1) {
		k--
	}
	if k == 1 && !breakAllowed(rows, 0) {
		if len(carry) > 0 && !rows[0].newPage {
			// The rest of a long note leaves no room for the text to
			// break well: the page holds notes only, and the text goes
			// on below the rest of the note on the next.
			fit := min(len(carry), int((avail-g.NoteSep)/g.NoteLead))
			res.page = bodyPage{notes: carry[:fit], depth: depth}
			res.carry = carry[fit:]
			res.notesAll = true
			return res
		}
		k = j // nothing allowed fits: break where the page is full
	}
	res.hyphen = k < len(rows) && rows[k-1].line.hyphenated
	if res.hyphen && !hyphenOK {
		// TeX's \brokenpenalty: a page up to two lines short rather than
		// one ending in a hyphen, unless the page cannot be made full
		// without (see fixPage).
		for d := 1; d <= 2; d++ {
			if k2 := k - d; k2 > 1 && breakAllowed(rows, k2-1) && !rows[k2-1].line.hyphenated {
				k = k2
				break
			}
		}
	}
	res.j, res.k, res.full = j, k, k == j
	res.hyphen = k < len(rows) && rows[k-1].line.hyphenated
	page := bodyPage{rows: rows[:k:k], depth: depth}
	// The notes: those carried over, then those cited, in order.
	room := avail - g.NoteSep
	for _, r := range page.rows {
		room -= float64(r.lines) * g.Leading
	}
	var pending []noteLine
	pending = append(pending, carry...)
	least := 0 // the split may not come before this line
	for _, r := range page.rows {
		for _, n := range r.line.notes {
			least = len(pending) + firstSplit(m.notes[n])
			pending = append(pending, m.notes[n]...)
		}
	}
	fit := max(int(room/g.NoteLead), 0)
	if len(pending) > fit {
		fit = splitNote(pending, max(fit, least), least)
		page.notes, res.carry = pending[:fit], pending[fit:]
	} else {
		page.notes = pending
	}
	res.page = page
	return res
}

// commit puts a made-up page in the book.
func (m *makeup) commit(r pageResult) {
	m.pages = append(m.pages, r.page)
	m.buf, m.carry = r.rest(), r.carry
}

// How a spread was made up.
type spreadKind uint8

const (
	spreadFull   spreadKind = iota // both pages full
	spreadShort                    // both pages a line short
	spreadUneven                   // as the rules leave it
	spreadLast                     // one of its pages is its section's last
	spreadRunt                     // its verso ends its section, with too few lines
)

// spread makes up a verso and the recto facing it: both full if the rules
// allow it, with a paragraph set again if need be; else both a line short;
// else as they come.
func (m *makeup) spread() spreadKind {
	d := m.g.Lines
	prev := m.lastRows()
	v := m.fixPage(m.buf, m.carry, d, prev)
	if v.final || v.notesAll || len(v.rest()) == 0 || v.rest()[0].newPage {
		m.commit(v) // the recto is not part of this section's text
		switch {
		case v.runt():
			return spreadRunt
		case v.ok() && !v.notesAll:
			return spreadLast
		}
		return spreadUneven
	}
	v, r := m.fixRecto(v, prev)
	if v.ok() && r.ok() {
		if r.final && r.runt() && m.rebreak != nil {
			// The section would end on a recto of fewer than
			// minLastLines: the verso gives it lines, ending short
			// (as a verso facing its section's last page may).
			for k := 1; k < minLastLines; k++ {
				v2 := m.fixPage(m.buf, m.carry, d-k, prev)
				if !v2.ok() || v2.final || v2.notesAll {
					continue
				}
				if r2 := m.fixPage(v2.rest(), v2.carry, d, v2.page.rows); r2.ok() && r2.final && !r2.runt() {
					v, r = v2, r2
					break
				}
			}
		}
		m.commit(v)
		m.commit(r)
		if r.final {
			return spreadLast
		}
		return spreadFull
	}
	// Both pages a line short: the spread still ends on one baseline. (A
	// recto that ends its section may end anywhere: the verso facing it
	// is then one line short.)
	if v2 := m.fixPage(m.buf, m.carry, d-1, prev); v2.ok() && !v2.final {
		if v2, r2 := m.fixRecto(v2, prev); v2.ok() && r2.ok() {
			m.commit(v2)
			m.commit(r2)
			return spreadShort
		}
	}
	m.commit(v)
	m.commit(r)
	return spreadUneven
}

// state is where make-up stands between two spreads.
type state struct {
	pages int
	buf   []row
	carry []noteLine
	next  int
}

func (m *makeup) save() state {
	return state{pages: len(m.pages), buf: m.buf, carry: m.carry, next: m.next}
}

func (m *makeup) restore(s state) {
	m.pages, m.buf, m.carry, m.next = m.pages[:s.pages], s.buf, s.carry, s.next
}

// lookBackSpreads is how many full spreads make-up may look back (a
// variable for the tests).
var lookBackSpreads = 2

// lookBack is make-up looking back when the rules leave the spread just
// made uneven, or its verso the last page of its section with fewer than
// minLastLines: the spread begun at prev, back spreads before it (both
// its pages full, as are those after it), is made again a line short on
// both pages, which moves two lines on, and the spreads after it are made
// again. If that leaves them all full, or balanced a line short, they
// stay; else the pages are as they were. It reports whether the pages
// changed. The work is bounded: at most lookBackSpreads spreads made
// again, each as spread makes it.
func (m *makeup) lookBack(prev state, back int) bool {
	return m.again(prev, func() bool {
		m.remade = append(m.remade[:0], prev)
		if !m.shortSpread(m.g.Lines-1, m.lastRows()) {
			return false
		}
		for i := range back {
			m.fill()
			if len(m.buf) == 0 || m.buf[0].newPage {
				return false
			}
			m.remade = append(m.remade, m.save())
			k := m.spread()
			if k == spreadUneven || k == spreadRunt || i < back-1 && k != spreadFull && k != spreadShort {
				return false
			}
		}
		return true
	})
}

// again makes the pages from prev on again with remake, which reports
// whether they came out right; if they did not, the pages and where
// make-up stood are put back as they were, and again reports false.
func (m *makeup) again(prev state, remake func() bool) bool {
	made := append([]bodyPage(nil), m.pages[prev.pages:]...)
	after := m.save()
	m.restore(prev)
	if remake() {
		return true
	}
	m.pages = append(m.pages[:prev.pages], made...)
	m.restore(after)
	return false
}

// lookBackVariant is make-up looking back when neither the spread just
// made nor a full spread before it made a line short ends right: the
// spreads from prev on (back spreads before the one just made) are made
// again, each of those before the last in one of several ways — as spread
// makes it, a line short on both pages, or with one of its paragraphs set
// a line longer or shorter (or without the hyphen at a page's foot), with
// or without the spread short — each moving the lines after it on. The
// ways are searched depth first, from the least change on (as it comes
// but for the first, the spread short, then the paragraphs by the badness
// they add); the
// first combination with which every spread made again ends right (both
// pages full, or both a line short; the last, its section's last) is
// kept. It reports whether the pages changed. The work is bounded: at
// most maxWays ways for each of at most searchBack spreads, maxWays^back
// combinations, each making back+1 spreads again.
func (m *makeup) lookBackVariant(prev state, back int) bool {
	return m.again(prev, func() bool {
		m.remade = m.remade[:0]
		return m.search(0, back)
	})
}

// wideSpread is make-up's last resort when the spread begun at before
// ends uneven (or its section on a runt) and looking back cannot help: the
// spread is made again with paragraphs set again allowed spaces as wide as
// maxWideSpace. It reports whether the pages changed (m.remade then holds
// where make-up stood before the spread), else they stay as they were.
// (Looking back with such paragraphs too would set every paragraph of the
// spreads before again: it costs far more and, measured, evens nothing
// more on this book.)
func (m *makeup) wideSpread(before state) bool {
	m.wide = true
	defer func() { m.wide = false }()
	return m.again(before, func() bool {
		m.remade = append(m.remade[:0], before)
		k := m.spread()
		return k != spreadUneven && k != spreadRunt
	})
}

// maxWays is how many ways of making a spread again looking back tries
// (a variable for the tests, as is searchBack).
var maxWays = 4

// searchBack is how many spreads lookBackVariant looks back at most.
// Measured on 100 random fixtures (30 one-paragraph turns, two trims):
// one spread back with four ways evens as many spreads (15 uneven → 13) as
// two or three back or eight ways, without their cost (the long book of
// BenchmarkBuild10x: 13 % more memory with two back, none with one).
var searchBack = 1

// search makes up spread i of those lookBackVariant makes again, and the
// ones after it, in the first combination of ways that ends every one of
// them right; it reports whether there is one (else make-up stands where
// it stood). m.remade gets where make-up stood before each.
func (m *makeup) search(i, back int) bool {
	m.fill()
	if len(m.buf) == 0 || i > 0 && m.buf[0].newPage {
		return false
	}
	s := m.save()
	m.remade = append(m.remade[:i], s)
	if i == back {
		k := m.spread()
		if k != spreadUneven && k != spreadRunt {
			return true
		}
		m.restore(s)
		return false
	}
	rows := s.buf
	var choices []choice
	m.variants(rows, min(2*m.g.Lines, len(rows)), m.lastRows(), func(c choice) {
		choices = append(choices, c)
	})
	slices.SortStableFunc(choices, func(a, b choice) int { return cmp.Compare(a.cost, b.cost) })
	type way struct {
		c     int // the choice, or -1 for none
		short bool
	}
	var ways []way
	if i > 0 { // the first spread as it comes is what led here
		ways = append(ways, way{-1, false})
	}
	ways = append(ways, way{-1, true})
	for _, short := range []bool{false, true} {
		for c := range choices {
			ways = append(ways, way{c, short})
		}
	}
	for _, w := range ways[:min(len(ways), maxWays)] {
		m.restore(s)
		m.remade = m.remade[:i+1]
		if w.c >= 0 {
			m.buf = m.window(m.splice(rows, choices[w.c]))
		}
		ok := false
		if w.short {
			ok = m.shortSpread(m.g.Lines-1, m.lastRows())
		} else {
			k := m.spread()
			ok = k == spreadFull || k == spreadShort
		}
		if ok && m.search(i+1, back) {
			return true
		}
	}
	m.restore(s)
	return false
}

// shortSpread makes up a verso and its recto at depth d, both ending
// right, and commits them; it reports false, committing nothing, if they
// cannot.
func (m *makeup) shortSpread(d int, prev []row) bool {
	v := m.fixPage(m.buf, m.carry, d, prev)
	if !v.ok() || v.final || v.notesAll || len(v.rest()) == 0 || v.rest()[0].newPage {
		return false
	}
	v, r := m.fixRecto(v, prev)
	if !v.ok() || !r.ok() || r.final {
		return false
	}
	m.commit(v)
	m.commit(r)
	return true
}

// lastRows returns the rows of the last page made up, if it holds text.
func (m *makeup) lastRows() []row {
	if n := len(m.pages); n > 0 {
		return m.pages[n-1].rows
	}
	return nil
}

// fixRecto makes up the recto after verso v at v's depth: as it comes, or
// with a paragraph of its own set again, or with a paragraph of the verso
// set again and the verso made up anew (it must stay right). prev are the
// rows of the page before the verso.
func (m *makeup) fixRecto(v pageResult, prev []row) (pageResult, pageResult) {
	r := m.fixPage(v.rest(), v.carry, v.depth, v.page.rows)
	if r.ok() || m.rebreak == nil || !v.ok() {
		return v, r
	}
	var best *choice
	m.variants(v.rows, max(v.j, v.k), prev, func(c choice) {
		trial := m.splice(v.rows, c)
		tv := m.layPage(trial, v.carryIn, v.depth)
		if !tv.ok() || tv.final || len(tv.rest()) == 0 || tv.rest()[0].newPage {
			return
		}
		if tr := m.layPage(tv.rest(), tv.carry, v.depth); !tr.ok() {
			return
		}
		if best == nil || c.cost < best.cost {
			best = &c
		}
	})
	if best == nil {
		return v, r
	}
	rows := m.window(m.splice(v.rows, *best)) // out of the scratch space
	tv := m.layPage(rows, v.carryIn, v.depth)
	return tv, m.layPage(tv.rest(), tv.carry, v.depth)
}

// fixPage makes up a page from rows; if it does not end where it should,
// it sets again the paragraph of the page whose setting makes the page end
// right at the least cost, if there is one. prev are the rows of the page
// before, where a paragraph that goes on at the top of this one began.
func (m *makeup) fixPage(rows []row, carry []noteLine, depth int, prev []row) pageResult {
	r := m.layPage(rows, carry, depth)
	if r.ok() || m.rebreak == nil {
		return r
	}
	var best *choice
	var bestRows []row
	m.variants(rows, max(r.j, r.k), prev, func(c choice) {
		t := m.layPage(m.splice(rows, c), carry, depth)
		if t.ok() && (best == nil || c.cost < best.cost) {
			best = &c
		}
	})
	if best == nil && pairsOn {
		// Two paragraphs of the page set again (each a line longer, say),
		// the pair that makes the page end right at the least cost. A
		// paragraph set again is not set again twice (variants skips it).
		var firsts []choice
		m.variants(rows, max(r.j, r.k), prev, func(c choice) {
			firsts = append(firsts, c)
		})
		for _, c1 := range firsts {
			m.pair = append(m.pair[:0], m.splice(rows, c1)...)
			rows1 := m.pair
			t1 := m.layPage(rows1, carry, depth)
			m.variants(rows1, max(t1.j, t1.k), prev, func(c choice) {
				c.cost += c1.cost
				if best != nil && c.cost >= best.cost {
					return
				}
				if t := m.layPage(m.splice(rows1, c), carry, depth); t.ok() {
					bestRows = append(bestRows[:0], m.splice(rows1, c)...)
					best = &c
				}
			})
		}
		if best != nil {
			return m.layPage(bestRows, carry, depth)
		}
	}
	if best == nil {
		// TeX's \brokenpenalty is a cost, not a rule: a page full to its
		// last line that ends on a hyphen rather than a short one.
		if h := m.layPageFoot(rows, carry, depth, true); h.full && h.hyphen && !h.notesAll {
			h.broken = true
			return h
		}
		return r
	}
	trial := m.window(m.splice(rows, *best))
	return m.layPage(trial, carry, depth)
}

// choice is a paragraph of a window set again: it replaces the rows from a
// on (from line p of the paragraph: the lines before are on the page
// before) with nr[p:]. cost is how much the badness of its lines grows.
type choice struct {
	a, p int
	nr   []row
	cost float64
}

// variants calls try for every way of setting again a paragraph with a
// line in rows[:n]: a line shorter, a line longer, and without a hyphen at
// the end of the line the page would end with (rows[n-1]). A paragraph that
// began on the page before (prev) qualifies only if its lines there stay
// as they are: set again, its line p must begin where the line at the top
// of this page does, and no more than two lines in a row end in hyphens
// across the page break.
func (m *makeup) variants(rows []row, n int, prev []row, try func(c choice)) {
	m.prefetch(rows, n, prev)
	for a := 0; a < n && a < len(rows); a++ {
		r := rows[a]
		left, before, foot, ok := m.candidate(rows, n, prev, a)
		if !ok {
			continue
		}
		p := r.idx
		old := rows[a : a+left]
		for _, v := range [3]variant{{r.src, -1, -1, m.wide}, {r.src, 1, -1, m.wide}, {r.src, 0, int8(foot), m.wide}} {
			if v.loose == 0 && v.noHyphen < 0 {
				continue
			}
			nr := m.set(v, r.count, rows[a+left-1].keep)
			if nr == nil || len(nr) <= p {
				continue
			}
			if p > 0 && (nr[p].line.rune != r.line.rune || hyphenRun(before, nr[p:]) > 2) {
				continue
			}
			try(choice{a: a, p: p, nr: nr, cost: badnessOf(nr[p:]) - badnessOf(old)})
		}
	}
}

// candidate tells whether the paragraph with the row rows[a] may be set
// again by variants: it returns its rows in the window (left), its lines
// on the page before (before), and the index of its line at the page's
// end if that line is hyphenated (foot, else -1).
func (m *makeup) candidate(rows []row, n int, prev []row, a int) (left int, before []row, foot int, ok bool) {
	r := rows[a]
	if r.kind != rowText || r.src == 0 || r.loose != 0 || (a > 0 && r.idx != 0) {
		return 0, nil, 0, false
	}
	p := r.idx
	left = r.count - p // the paragraph's rows in the window
	if a+left > len(rows) {
		return 0, nil, 0, false
	}
	if p > 0 {
		// The paragraph's rows of prev: a part of prev when they follow
		// one another (as they do), else copied.
		first, last, n := -1, -1, 0
		for i := range prev {
			if q := &prev[i]; q.kind == rowText && q.src == r.src {
				if first < 0 {
					first = i
				}
				last = i
				n++
			}
		}
		if n > 0 && last-first+1 == n {
			before = prev[first : last+1 : last+1]
		} else {
			for _, q := range prev {
				if q.kind == rowText && q.src == r.src {
					before = append(before, q)
				}
			}
		}
		if len(before) != p {
			return 0, nil, 0, false
		}
	}
	foot = -1
	if n-1 >= a && n-1 < a+left && rows[n-1].line.hyphenated {
		foot = rows[n-1].idx
	}
	return left, before, foot, true
}

// prefetch sets again at once, on every core (see flowBuilder.rebreak),
// the variants of the paragraphs of rows[:n] that variants will ask for
// and the cache does not hold, and puts them in the cache as set would.
func (m *makeup) prefetch(rows []row, n int, prev []row) {
	var vs []variant
	var keeps []bool
	var reqs []rebreakReq
	for a := 0; a < n && a < len(rows); a++ {
		r := rows[a]
		left, _, foot, ok := m.candidate(rows, n, prev, a)
		if !ok {
			continue
		}
		for _, v := range [3]variant{{r.src, -1, -1, m.wide}, {r.src, 1, -1, m.wide}, {r.src, 0, int8(foot), m.wide}} {
			if v.loose == 0 && v.noHyphen < 0 || m.cached(v) || slices.Contains(vs, v) {
				continue
			}
			vs = append(vs, v)
			keeps = append(keeps, rows[a+left-1].keep)
			reqs = append(reqs, m.request(v, r.count))
		}
	}
	if len(reqs) < 2 {
		return
	}
	for i, nr := range m.rebreak(reqs) {
		m.store(vs[i], nr, keeps[i])
	}
}

// hyphenRun is the longest run of hyphenated lines in a followed by b.
func hyphenRun(a, b []row) int {
	run, longest := 0, 0
	for _, rs := range [2][]row{a, b} {
		for _, r := range rs {
			if r.line.hyphenated {
				run++
				longest = max(longest, run)
			} else {
				run = 0
			}
		}
	}
	return longest
}

// maxCache is how many paragraphs set again make-up keeps: those of the
// last few spreads, which looking back sets again.
const maxCache = 256

// trimCache empties the cache of paragraphs set again when it holds
// maxCache of them, so that memory stays bounded.
func (m *makeup) trimCache() {
	if len(m.cache) >= maxCache {
		clear(m.cache)
	}
}

// set returns the paragraph set again as v says, from the cache if it was
// set for this spread; its last row keeps with what follows if keep is set
// (a signature).
func (m *makeup) set(v variant, count int, keep bool) []row {
	if nr, ok := m.lookup(v); ok {
		return nr
	}
	nr := m.rebreak([]rebreakReq{m.request(v, count)})[0]
	m.store(v, nr, keep)
	return nr
}

// lookup returns the paragraph set again as v says if the cache holds
// it; a setting within maxLooseSpace stands for one within maxWideSpace.
func (m *makeup) lookup(v variant) ([]row, bool) {
	if nr, ok := m.cache[v]; ok {
		return nr, true
	}
	if v.wide {
		narrow := v
		narrow.wide = false
		if nr := m.cache[narrow]; nr != nil {
			return nr, true
		}
	}
	return nil, false
}

// cached reports whether lookup finds v.
func (m *makeup) cached(v variant) bool {
	_, ok := m.lookup(v)
	return ok
}

// request is what rebreak is asked for to set a paragraph of count lines
// as v says.
func (m *makeup) request(v variant, count int) rebreakReq {
	space := maxLooseSpace
	if v.wide {
		space = maxWideSpace
	}
	return rebreakReq{src: v.src, count: count, looseness: int(v.loose), noHyphen: int(v.noHyphen), maxSpace: space}
}

// store puts the paragraph set again as v says in the cache, its last row
// keeping with what follows if keep is set.
func (m *makeup) store(v variant, nr []row, keep bool) {
	if m.cache == nil {
		m.cache = map[variant][]row{}
	}
	if nr != nil {
		nr[len(nr)-1].keep = keep
	}
	m.cache[v] = nr
}

// window returns a copy of rows, a window with a paragraph set again, to
// become make-up's: with room for the rows fill adds to what is left of
// it once its pages are made, so that it is not copied again then.
func (m *makeup) window(rows []row) []row {
	out := make([]row, len(rows), len(rows)+2*m.g.Lines+4)
	copy(out, rows)
	return out
}

// splice returns rows with the choice made, in the scratch space (valid
// until the next splice).
func (m *makeup) splice(rows []row, c choice) []row {
	left := rows[c.a].count - c.p
	out := m.scratch[:0]
	out = append(out, rows[:c.a]...)
	out = append(out, c.nr[c.p:]...)
	out = append(out, rows[c.a+left:]...)
	m.scratch = out
	return out
}

// badnessOf is the sum of TeX's badness, 100·|r|³, of the lines of a
// paragraph but its last.
func badnessOf(rows []row) float64 {
	s := 0.0
	for _, r := range rows[:len(rows)-1] {
		x := math.Abs(r.line.ratio)
		s += 100 * x * x * x
	}
	return s
}

// footNeed is the depth the notes of a page need: the rule's space, the
// lines carried over, every cited note (those of cited, then of more) in
// full but the last, and of the last its first two lines (it may split after
// them).
func footNeed(g Geometry, carry []noteLine, cited, more []int, notes map[int][]noteLine) float64 {
	n := len(carry)
	all := len(cited) + len(more)
	for i := range all {
		var c int
		if i < len(cited) {
			c = cited[i]
		} else {
			c = more[i-len(cited)]
		}
		l := len(notes[c])
		if i == all-1 {
			l = firstSplit(notes[c])
		}
		n += l
	}
	if n == 0 {
		return 0
	}
	return g.NoteSep + float64(n)*g.NoteLead
}

// splitNote returns where to split the note lines, at most fit of them on
// this page and at least least: not after the first line of a note paragraph nor before its
// last, when that can be helped.
func splitNote(lines []noteLine, fit, least int) int {
	for k := fit; k >= fit-3 && k >= least && k > 0; k-- {
		if splitOK(lines, k) {
			return k
		}
	}
	return fit
}

// firstSplit is the fewest lines of a note that may stand at a page foot
// with the rest on the next page: MinNoteSplit lines, or more where a
// paragraph of the note would otherwise leave a line alone on either page;
// the whole note when it is short.
func firstSplit(lines []noteLine) int {
	for k := MinNoteSplit; k < len(lines); k++ {
		if splitOK(lines, k) {
			return k
		}
	}
	return len(lines)
}

// MinNoteSplit is the fewest lines a note split across two pages keeps on
// each of them.
const MinNoteSplit = 3

// splitOK reports whether note lines may split before lines[k]: between
// notes; or inside a note with at least MinNoteSplit of its lines on each
// side, between its paragraphs or inside one with two lines or more on
// each side; never after a hyphenated line.
func splitOK(lines []noteLine, k int) bool {
	if k <= 0 || k >= len(lines) {
		return true
	}
	a, b := lines[k-1], lines[k]
	if a.hyphenated {
		return false
	}
	if a.note != b.note {
		return true
	}
	before, after := 0, 0
	for i := k - 1; i >= 0 && lines[i].note == a.note; i-- {
		before++
	}
	for i := k; i < len(lines) && lines[i].note == a.note; i++ {
		after++
	}
	if before < MinNoteSplit || after < MinNoteSplit {
		return false
	}
	if a.para != b.para {
		return true
	}
	first := k-1 == 0 || lines[k-2].para != a.para
	last := k+1 == len(lines) || lines[k+1].para != b.para
	return !first && !last
}

// pairsOn lets tests show what setting two paragraphs of a page again
// changes.
var pairsOn = true

// lookBackOn lets tests show what looking back a spread changes.
var lookBackOn = true

// variantsBackOn lets tests show what looking back with a paragraph set
// again changes.
var variantsBackOn = true

// wideOn lets tests show what setting paragraphs again with spaces as
// wide as maxWideSpace changes.
var wideOn = true
