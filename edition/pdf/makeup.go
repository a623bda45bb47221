package pdf

// bodyPage is a page of the body as page make-up leaves it: rows of the
// text block and the footnote lines at its foot.
type bodyPage struct {
	rows  []row
	notes []noteLine
	// blank pages are left empty so that a section opens on a recto.
	blank bool
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

// makeUp distributes rows over pages. Each page takes as many rows as fit
// with the notes their lines cite; it then ends at the last allowed break,
// or one or two lines earlier if that avoids ending the page with a
// hyphenated line. Every
// note begins on the page of its mark; a note too long for the room left
// splits and the rest goes first at the next page's foot.
func makeUp(g geometry, rows []row, notes map[int][]noteLine) []bodyPage {
	var pages []bodyPage
	var carry []noteLine
	avail := g.Available()
	i := 0
	for i < len(rows) {
		if rows[i].newPage {
			// A section opens on a recto (an odd page of the body).
			if len(pages)%2 == 1 {
				pages = append(pages, bodyPage{blank: true})
			}
		}
		// How far rows fit, and what the notes of rows i..j need.
		used := 0.0
		var cited []int
		j := i
		for j < len(rows) {
			if j > i && rows[j].newPage {
				break
			}
			h := float64(rows[j].lines) * g.Leading
			c := append(append([]int(nil), cited...), rows[j].line.notes...)
			if used+h+footNeed(g, carry, c, notes) > avail && j > i {
				break
			}
			used += h
			cited = c
			j++
		}
		// Choose the break: the last allowed one, or a page a line shorter
		// if that avoids a hyphen at the foot.
		k := j
		for k > i+1 && !breakAllowed(rows, k-1) {
			k--
		}
		if k == i+1 && !breakAllowed(rows, i) {
			if len(carry) > 0 && !rows[i].newPage {
				// The rest of a long note leaves no room for the text
				// to break well: the page holds notes only, and the
				// text goes on below the rest of the note on the next.
				fit := min(len(carry), int((avail-g.NoteSep)/g.NoteLead))
				pages = append(pages, bodyPage{notes: carry[:fit]})
				carry = append([]noteLine(nil), carry[fit:]...)
				continue
			}
			k = j // nothing allowed fits: break where the page is full
		}
		if k < len(rows) && rows[k-1].line.hyphenated {
			// TeX's \brokenpenalty, as a rule where it can be kept: a
			// page up to two lines short rather than one ending in a
			// hyphen.
			for d := 1; d <= 2; d++ {
				if k2 := k - d; k2 > i+1 && breakAllowed(rows, k2-1) && !rows[k2-1].line.hyphenated {
					k = k2
					break
				}
			}
		}
		page := bodyPage{rows: rows[i:k]}
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
				least = len(pending) + firstSplit(notes[n])
				pending = append(pending, notes[n]...)
			}
		}
		fit := int(room / g.NoteLead)
		if fit < 0 {
			fit = 0
		}
		if len(pending) > fit {
			fit = splitNote(pending, max(fit, least), least)
			page.notes, carry = pending[:fit], append([]noteLine(nil), pending[fit:]...)
		} else {
			page.notes, carry = pending, nil
		}
		pages = append(pages, page)
		i = k
	}
	for len(carry) > 0 { // notes left over after the last line of text
		fit := int((avail - g.NoteSep) / g.NoteLead)
		if fit > len(carry) {
			fit = len(carry)
		}
		pages = append(pages, bodyPage{notes: carry[:fit]})
		carry = carry[fit:]
	}
	return pages
}

// footNeed is the depth the notes of a page need: the rule's space, the
// lines carried over, every cited note in full but the last, and of the last
// its first two lines (it may split after them).
func footNeed(g geometry, carry []noteLine, cited []int, notes map[int][]noteLine) float64 {
	n := len(carry)
	for i, c := range cited {
		l := len(notes[c])
		if i == len(cited)-1 {
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
// with the rest on the next page: two lines, or the whole first paragraph
// if it is three lines long, so that no paragraph of a note leaves a line
// alone on either page; the whole note when it is short.
func firstSplit(lines []noteLine) int {
	for k := 2; k < len(lines); k++ {
		if splitOK(lines, k) {
			return k
		}
	}
	return len(lines)
}

// splitOK reports whether a note may split before lines[k]: between
// paragraphs, or inside one with two lines or more on each side, and never
// after a hyphenated line.
func splitOK(lines []noteLine, k int) bool {
	if k <= 0 || k >= len(lines) {
		return true
	}
	a, b := lines[k-1], lines[k]
	if a.hyphenated {
		return false
	}
	if a.para != b.para {
		return true
	}
	first := k-1 == 0 || lines[k-2].para != a.para
	last := k+1 == len(lines) || lines[k+1].para != b.para
	return !first && !last
}
