package layout

import (
	"fmt"
	"slices"
	"strings"

	"edition/edition/balance"
	"edition/edition/linebreak"
)

// line is one set line: its runs placed from the left edge of the line.
type line struct {
	frags      []frag
	width      float64 // the set width, which is the measure for justified lines
	hyphenated bool    // the line ends with a hyphen added by hyphenation
	para       string  // the paragraph it belongs to
	rune       int     // plain-text offset of the line's first character
	notes      []int   // notes whose mark the line carries
	ratio      float64 // the glue's adjustment ratio
	expand     float64 // the font expansion of its expandable runs
	// hangL and hangR are how far the line's first and last characters
	// hang into the margins (protrusion).
	hangL, hangR float64
	spaces       []float64
}

// setJustified breaks p into lines of the width given, with total-fit line
// breaking, and places every run of every line.
func setJustified(p *paragraph, width float64, params linebreak.Params) ([]line, error) {
	breaks, err := linebreak.BreakAt(p.items, width, params)
	if err != nil {
		return nil, fmt.Errorf("paragraph %s: %w", p.id, err)
	}
	lines := make([]line, 0, len(breaks))
	for _, br := range breaks {
		l := placeLine(p, br.Start, br.End, br.Ratio, br.Expansion, br.ProtrudeLeft)
		l.hyphenated = br.Hyphenated
		l.hangL, l.hangR = br.ProtrudeLeft, br.ProtrudeRight
		lines = append(lines, l)
	}
	return lines, nil
}

// placeLine places the items start..end of p (end the break), adjusting the
// glue by ratio and the expandable boxes by expand (the line's font
// expansion), the line's start hanging shift into the left margin. Glue and
// penalties at the start of a line are discarded, as TeX discards them after
// a break. A line that follows a break at a discretionary (the item before
// start) begins with its post-break runs; a discretionary inside the line
// sets its no-break runs, one at the end its pre-break runs.
func placeLine(p *paragraph, start, end int, ratio, expand, shift float64) line {
	l := line{para: p.id, ratio: ratio, expand: expand, rune: -1}
	post := -1
	if start > 0 && start <= len(p.items) && p.items[start-1].Discretionary() {
		post = start - 1
	}
	for start < end && p.items[start].Kind != linebreak.Box && !p.items[start].Discretionary() {
		start++
	}
	// A URL's break points stretch no more than urlMaxRatio; what they
	// would take beyond goes to the line's spaces, or, with none, is left
	// unset (the line stops short, as TeX leaves an underfull line).
	excess, spaceStretch := 0.0, 0.0
	if ratio > urlMaxRatio {
		for i := start; i < end && i < len(p.items); i++ {
			if it := p.items[i]; it.Kind == linebreak.Glue {
				if p.pieces[i].urlGlue {
					excess += (ratio - urlMaxRatio) * it.Stretch
				} else if it.Stretch < linebreak.FillStretch {
					spaceStretch += it.Stretch
				}
			}
		}
	}
	// Size the line's lists before filling them.
	nFrags, nSpaces, nNotes := 0, 0, 0
	for i := start; i < end && i < len(p.items); i++ {
		switch p.items[i].Kind {
		case linebreak.Box:
			nFrags += len(p.pieces[i].frags)
			nNotes += len(p.pieces[i].notes)
		case linebreak.Glue:
			nSpaces++
		case linebreak.Penalty:
			nFrags += len(p.pieces[i].noBreak())
		}
	}
	if end < len(p.items) {
		nFrags += len(p.pieces[end].frags)
	}
	if post >= 0 {
		nFrags += len(p.pieces[post].post())
	}
	if nFrags > 0 {
		l.frags = make([]frag, 0, nFrags)
	}
	if nSpaces > 0 {
		l.spaces = make([]float64, 0, nSpaces)
	}
	if nNotes > 0 {
		l.notes = make([]int, 0, nNotes)
	}
	x := -shift
	// place sets runs one after another from x, expanded with the line
	// when the item they stand for is expandable.
	place := func(fr []frag, expandable bool) {
		for k := range fr {
			l.frags = append(l.frags, fr[k])
			f := &l.frags[len(l.frags)-1]
			if expandable && expand != 0 {
				f.W, f.Expand = f.W*(1+expand), expand
			}
			f.X = x
			x += f.W
		}
	}
	if post >= 0 {
		l.rune = p.pieces[post].postRune
		place(p.pieces[post].post(), p.items[post].Expandable)
	}
	for i := start; i < end && i < len(p.items); i++ {
		it := &p.items[i] // not copied: the loop runs for every item set
		switch {
		case it.Kind == linebreak.Glue && p.pieces[i].urlGlue && ratio > urlMaxRatio:
			x += urlMaxRatio * it.Stretch
			continue
		case it.Kind == linebreak.Glue && excess > 0 && spaceStretch > 0 && it.Stretch < linebreak.FillStretch:
			w := linebreak.SetWidth(*it, ratio) + excess*it.Stretch/spaceStretch
			l.spaces = append(l.spaces, w)
			spaceAfter(&l)
			x += w
			continue
		}
		switch it.Kind {
		case linebreak.Box:
			pc := &p.pieces[i]
			if l.rune < 0 && len(pc.frags) > 0 {
				l.rune = pc.rune
			}
			for k := range pc.frags {
				l.frags = append(l.frags, pc.frags[k])
				f := &l.frags[len(l.frags)-1]
				if it.Expandable && expand != 0 {
					f.X, f.W, f.Expand = f.X*(1+expand), f.W*(1+expand), expand
				}
				f.X += x
			}
			l.notes = append(l.notes, pc.notes...)
			x += linebreak.SetWidthExpanded(*it, ratio, expand)
		case linebreak.Penalty:
			if it.Discretionary() {
				if l.rune < 0 {
					l.rune = p.pieces[i].rune
				}
				place(p.pieces[i].noBreak(), it.Expandable)
			}
		case linebreak.Glue:
			w := linebreak.SetWidth(*it, ratio)
			if i+1 < end { // the parfillskip at the end is not a space
				l.spaces = append(l.spaces, w)
				if !p.pieces[i].urlGlue { // nor a URL's break point
					spaceAfter(&l)
				}
			}
			x += w
		}
	}
	if end < len(p.items) && p.items[end].Kind == linebreak.Glue {
		spaceAfter(&l) // a line broken at a space
	}
	if end < len(p.items) && p.items[end].Kind == linebreak.Penalty {
		place(p.pieces[end].frags, p.items[end].Expandable)
	}
	if l.rune < 0 && start < len(p.pieces) {
		l.rune = p.pieces[start].rune
	}
	l.width = x
	// The parfillskip's space is not part of what is set.
	l.width = lastInk(l)
	return l
}

// spaceAfter records that a word space follows the last run of l.
func spaceAfter(l *line) {
	if n := len(l.frags); n > 0 {
		l.frags[n-1].space = true
	}
}

// lastInk is the right edge of the line's last run.
func lastInk(l line) float64 {
	right := 0.0
	for i := range l.frags {
		if e := l.frags[i].X + l.frags[i].W; e > right {
			right = e
		}
	}
	return right
}

// setRagged breaks p greedily into lines no wider than width, breaking only
// at spaces (and inside URLs where a word is wider than the measure), with
// natural spaces: for title pages, headings and the imprint.
func setRagged(p *paragraph, width float64) []line {
	var lines []line
	start := 0
	for start < len(p.items) {
		// Skip discardable items.
		for start < len(p.items) && p.items[start].Kind != linebreak.Box {
			start++
		}
		if start >= len(p.items) {
			break
		}
		x := 0.0
		lastBreak := -1
		i := start
		for ; i < len(p.items); i++ {
			it := p.items[i]
			if it.Kind == linebreak.Penalty && it.Penalty <= -linebreak.Infinity {
				break
			}
			breakable := (it.Kind == linebreak.Glue && i > 0 && p.items[i-1].Kind == linebreak.Box) ||
				(it.Kind == linebreak.Penalty && it.Penalty < linebreak.Infinity && !it.Flagged)
			if breakable && x+penaltyWidth(it) <= width {
				lastBreak = i
			}
			if it.Kind != linebreak.Penalty {
				x += it.Width
			} else {
				x += it.NoBreak // a discretionary unbroken
			}
			if x > width && lastBreak >= 0 {
				i = lastBreak
				break
			}
		}
		if i > len(p.items) {
			i = len(p.items)
		}
		l := placeLine(p, start, i, 0, 0, 0)
		lines = append(lines, l)
		start = i + 1
		if i < len(p.items) && p.items[i].Kind == linebreak.Penalty && p.items[i].Penalty <= -linebreak.Infinity {
			break
		}
	}
	return lines
}

func penaltyWidth(it linebreak.Item) float64 {
	if it.Kind == linebreak.Penalty {
		return it.Width
	}
	return 0
}

// setBalanced sets p ragged in as few lines as width allows and, among
// those, with lines as even as can be, by the one line balancer
// (balance.Breaks, which the cover uses too): it breaks where setRagged may
// break, measures lines at their natural width, and lets a line end in a
// weak word ("of", "by") only at the cost of a line 30% short. Titles set so
// break as a typographer would break them by hand ("Interview of Stalin / by
// Romain Rolland", not "… by Romain / Rolland"). Time is linear in the
// paragraph's length.
func setBalanced(p *paragraph, width float64) []line {
	items := p.items
	end := len(items)
	for i, it := range items {
		if it.Kind == linebreak.Penalty && it.Penalty <= -linebreak.Infinity {
			end = i
			break
		}
	}
	// The break opportunities: the item index of each break, then end.
	var breaks []int
	for i := 0; i < end; i++ {
		it := items[i]
		if (it.Kind == linebreak.Glue && i > 0 && items[i-1].Kind == linebreak.Box) ||
			(it.Kind == linebreak.Penalty && it.Penalty < linebreak.Infinity && !it.Flagged) {
			breaks = append(breaks, i)
		}
	}
	breaks = append(breaks, end)
	// prefix[i] is the width of items 0…i-1, penalties left out.
	prefix := make([]float64, len(items)+1)
	for i, it := range items {
		prefix[i+1] = prefix[i]
		if it.Kind != linebreak.Penalty {
			prefix[i+1] += it.Width
		} else {
			prefix[i+1] += it.NoBreak // a discretionary unbroken
		}
	}
	// start(k) is the first item of a line after opportunity k: 0 is the
	// paragraph's start, k > 0 the break at breaks[k-1]; discardable items
	// after a break do not count.
	start := func(k int) int {
		i := 0
		if k > 0 {
			i = breaks[k-1] + 1
		}
		for i < end && items[i].Kind != linebreak.Box {
			i++
		}
		return i
	}
	lineWidth := func(a, b int) float64 {
		at := breaks[b-1]
		w := prefix[at] - prefix[start(a)]
		if at < len(items) {
			w += penaltyWidth(items[at])
		}
		return w
	}
	// The word a line ends with: the text of the boxes before the break.
	penalty := func(b int) float64 {
		i := breaks[b-1]
		var word []string
		for i > 0 && (items[i-1].Kind == linebreak.Box || items[i-1].Discretionary()) {
			i--
			fr := p.pieces[i].frags
			if items[i].Kind != linebreak.Box {
				fr = p.pieces[i].noBreak()
			}
			for k := len(fr) - 1; k >= 0; k-- {
				word = append(word, fr[k].Text)
			}
		}
		slices.Reverse(word)
		return balance.WordPenalty(strings.Join(word, ""), width)
	}
	var lines []line
	a := 0
	for _, b := range balance.Breaks(len(breaks), lineWidth, penalty, width) {
		from := 0
		if a > 0 {
			from = breaks[a-1] + 1
		}
		lines = append(lines, placeLine(p, from, breaks[b-1], 0, 0, 0))
		a = b
	}
	return lines
}
