// Package measure reads a typeset PDF back, through poppler's
// `pdftotext -bbox-layout`, and measures what a typesetter checks by eye:
// how far interword spaces stretch from their natural width, widows and
// orphans, whether each footnote begins on the page of its mark, and runs of
// hyphenated lines. It knows nothing of how the PDF was made, so it checks
// the print renderer from the outside.
package measure

import (
	"encoding/xml"
	"fmt"
	"math"
	"os/exec"
	"sort"
	"strings"
	"unicode"
)

// Options describe the book's type, so that measure can tell body text,
// notes and note marks apart by the height of their word boxes.
type Options struct {
	// BodySize, NoteSize and MarkSize are the type sizes of the text, the
	// notes and the note marks, in points.
	BodySize, NoteSize, MarkSize float64
	// FrontPages are the pages of front matter, left out of the figures.
	FrontPages int
	// BodySpace and NoteSpace are the natural interword spaces of the
	// text and the notes, in points.
	BodySpace, NoteSpace float64
	// BoxScale is the height of pdftotext's word box per point of type
	// size (ascent + descent of the font; 1.635 for Charis SIL).
	BoxScale float64
	// Leading and NoteLead are the baseline-to-baseline distances of the
	// text and the notes, in points; with Leading zero the depth of pages
	// is not measured.
	Leading, NoteLead float64
}

// Report holds the figures measured.
type Report struct {
	Pages int
	// JustifiedLines are body lines set to the full measure.
	JustifiedLines int
	// Spaces are the interword spaces measured in justified body lines, as
	// ratios to the natural space, sorted.
	Spaces []float64
	// NoteSpaces are the same for the justified lines of the notes.
	NoteSpaces []float64
	// Widows and Orphans list the pages ("physical page: text") where a
	// paragraph's last line begins a page or its first line ends one.
	Widows, Orphans []string
	// Notes is the number of notes found; NotesOnMarkPage how many begin
	// on the page of their mark; Misplaced lists the others.
	Notes, NotesOnMarkPage int
	Misplaced              []string
	// MaxHyphenRun is the longest run of consecutive lines ending in a
	// hyphen; HyphenatedFeet the pages whose last body line does.
	MaxHyphenRun   int
	HyphenatedFeet []int
	// FullPages counts the body pages that should be full: all but the
	// last page of a section, opening pages left out. ShortPages lists
	// those ("physical page: how") whose foot is above the text block's
	// bottom, or whose text stops a line or more above the room the notes
	// leave it.
	FullPages  int
	ShortPages []string
	// Spreads counts the facing pairs (verso and the recto after it) of
	// two such pages; Uneven lists those whose feet differ; Balanced counts
	// those whose two pages are both short by the same one line.
	Spreads  int
	Uneven   []string
	Balanced int
}

// Percentile returns the p-th percentile (0–100) of sorted xs.
func Percentile(xs []float64, p float64) float64 {
	if len(xs) == 0 {
		return math.NaN()
	}
	i := int(math.Ceil(p/100*float64(len(xs)))) - 1
	return xs[max(0, min(i, len(xs)-1))]
}

// String formats the report as a Markdown table.
func (r *Report) String() string {
	var b strings.Builder
	row := func(k string, v any) { fmt.Fprintf(&b, "| %s | %v |\n", k, v) }
	b.WriteString("| measure | value |\n| --- | --- |\n")
	row("pages", r.Pages)
	row("justified body lines", r.JustifiedLines)
	row("interword spaces measured (body)", len(r.Spaces))
	if len(r.Spaces) > 0 {
		row("space / natural, body: min", fmt.Sprintf("%.2f", r.Spaces[0]))
		row("space / natural, body: median", fmt.Sprintf("%.2f", Percentile(r.Spaces, 50)))
		row("space / natural, body: p95", fmt.Sprintf("%.2f", Percentile(r.Spaces, 95)))
		row("space / natural, body: max", fmt.Sprintf("%.2f", r.Spaces[len(r.Spaces)-1]))
	}
	if len(r.NoteSpaces) > 0 {
		row("space / natural, notes: p95", fmt.Sprintf("%.2f", Percentile(r.NoteSpaces, 95)))
		row("space / natural, notes: max", fmt.Sprintf("%.2f", r.NoteSpaces[len(r.NoteSpaces)-1]))
	}
	row("widows", len(r.Widows))
	row("orphans", len(r.Orphans))
	row("notes beginning on their mark's page", fmt.Sprintf("%d of %d", r.NotesOnMarkPage, r.Notes))
	row("longest run of hyphenated lines", r.MaxHyphenRun)
	row("pages ending with a hyphen", len(r.HyphenatedFeet))
	if r.FullPages > 0 {
		row("body pages before a section's last (openings left out)", r.FullPages)
		row("of those, ending short of the last baseline", len(r.ShortPages))
		row("spreads of two such pages", r.Spreads)
		row("of those, pages of different depth", len(r.Uneven))
		row("of those, both short by the same one line", r.Balanced)
	}
	return b.String()
}

type bbox struct {
	XMin float64 `xml:"xMin,attr"`
	YMin float64 `xml:"yMin,attr"`
	XMax float64 `xml:"xMax,attr"`
	YMax float64 `xml:"yMax,attr"`
}

type xWord struct {
	bbox
	Text string `xml:",chardata"`
}

type xLine struct {
	bbox
	Words []xWord `xml:"word"`
}

type xPage struct {
	Blocks []struct {
		Lines []xLine `xml:"line"`
	} `xml:"flow>block"`
}

type xDoc struct {
	Pages []xPage `xml:"body>doc>page"`
}

// File measures the PDF at path with pdftotext.
func File(path string, o Options) (*Report, error) {
	out, err := exec.Command("pdftotext", "-bbox-layout", path, "-").Output()
	if err != nil {
		return nil, fmt.Errorf("pdftotext: %w", err)
	}
	return Parse(out, o)
}

// word is a word box classified by its height.
type word struct {
	bbox
	text string
	kind kind
}

type kind uint8

const (
	other kind = iota
	body
	note
	mark // a small raised figure: a note mark
)

// pline is a line of words of one kind, in reading order.
type pline struct {
	words []word
	kind  kind
	y     float64
}

func (l pline) left() float64  { return l.words[0].XMin }
func (l pline) right() float64 { return l.words[len(l.words)-1].XMax }

// Parse measures pdftotext -bbox-layout output.
func Parse(xhtml []byte, o Options) (*Report, error) {
	dec := xml.NewDecoder(strings.NewReader(string(xhtml)))
	dec.Strict = false
	dec.Entity = xml.HTMLEntity
	var doc xDoc
	if err := dec.Decode(&doc); err != nil {
		return nil, fmt.Errorf("parse pdftotext output: %w", err)
	}
	r := &Report{Pages: len(doc.Pages)}
	near := func(h, size float64) bool { return math.Abs(h-size*o.BoxScale) < 0.3 }
	classify := func(w xWord) word {
		h := w.YMax - w.YMin
		k := other
		switch {
		case near(h, o.BodySize):
			k = body
		case near(h, o.NoteSize):
			k = note
		case near(h, o.MarkSize) && strings.IndexFunc(w.Text, func(r rune) bool { return !unicode.IsDigit(r) }) < 0:
			k = mark
		}
		return word{bbox: w.bbox, text: w.Text, kind: k}
	}
	type pageLines struct {
		bodyLines, noteLines []pline
		marks                []string
		markY                []float64 // the bottom of each mark's box
	}
	pages := make([]pageLines, len(doc.Pages))
	for pi, p := range doc.Pages {
		var words []word
		for _, b := range p.Blocks {
			for _, l := range b.Lines {
				for _, w := range l.Words {
					words = append(words, classify(w))
				}
			}
		}
		// Group words into lines by baseline (yMax of body and note words).
		var lines []pline
		for _, w := range words {
			switch w.kind {
			case mark:
				pages[pi].marks = append(pages[pi].marks, w.text)
				pages[pi].markY = append(pages[pi].markY, w.YMax)
				continue
			case other:
				// Small capitals and headings: attach small capitals to
				// their line below; skip the rest.
			}
			placed := false
			for i := range lines {
				if math.Abs(lines[i].y-w.YMax) < 1.5 {
					lines[i].words = append(lines[i].words, w)
					if w.kind != other && lines[i].kind == other {
						lines[i].kind = w.kind
					}
					placed = true
					break
				}
			}
			if !placed {
				lines = append(lines, pline{words: []word{w}, kind: w.kind, y: w.YMax})
			}
		}
		sort.Slice(lines, func(i, j int) bool { return lines[i].y < lines[j].y })
		for _, l := range lines {
			sort.Slice(l.words, func(i, j int) bool { return l.words[i].XMin < l.words[j].XMin })
			switch l.kind {
			case body:
				pages[pi].bodyLines = append(pages[pi].bodyLines, l)
			case note:
				pages[pi].noteLines = append(pages[pi].noteLines, l)
			}
		}
	}
	// The text block: the extreme edges of the body lines of each parity.
	var left, right [2]float64
	for i := range left {
		left[i], right[i] = math.Inf(1), math.Inf(-1)
	}
	for pi, p := range pages {
		for _, l := range p.bodyLines {
			left[pi%2] = math.Min(left[pi%2], l.left())
			right[pi%2] = math.Max(right[pi%2], l.right())
		}
	}
	full := func(pi int, l pline) bool { return l.right() > right[pi%2]-0.6 }
	spaces := func(pi int, l pline, k kind, natural float64, into *[]float64) {
		if !full(pi, l) {
			return
		}
		for i := 1; i < len(l.words); i++ {
			a, b := l.words[i-1], l.words[i]
			if a.kind != k || b.kind != k {
				continue
			}
			gap := b.XMin - a.XMax
			if gap < 0.5 { // runs set close: small capitals, a colon
				continue
			}
			if strings.ContainsRune("/.-_?#%~=&", firstRune(b.text)) || strings.HasSuffix(a.text, "//") {
				continue // inside a URL broken into pieces: not a space
			}
			*into = append(*into, gap/natural)
		}
	}
	// Paragraph structure: a line starts a paragraph when it is indented,
	// begins with small capitals (a speaker), or follows a short line; it
	// ends one when it stops short of the measure.
	startsPara := func(pi int, l pline, prev *pline, prevPage int) bool {
		if l.left() > left[pi%2]+3 {
			return true
		}
		if len(l.words) > 1 && l.words[1].kind == other && l.words[1].XMin-l.words[0].XMax < 0.3 {
			return true // a capital followed by small capitals: a speaker's name
		}
		return prev == nil || !full(prevPage, *prev)
	}
	info := make([]pageInfo, len(pages))
	run := 0
	var prevLast *pline
	prevPage := -1
	markPage := map[string]int{}
	notePage := map[string]int{}
	for pi, p := range pages {
		if pi < o.FrontPages {
			continue
		}
		heading := false
		for _, b := range doc.Pages[pi].Blocks {
			for _, l := range b.Lines {
				for _, w := range l.Words {
					if w.YMax-w.YMin > o.BodySize*o.BoxScale+3 {
						heading = true
					}
				}
			}
		}
		for i, l := range p.bodyLines {
			var prev *pline
			pp := pi
			if i > 0 {
				prev = &p.bodyLines[i-1]
			} else {
				prev, pp = prevLast, prevPage
			}
			if full(pi, l) {
				r.JustifiedLines++
				spaces(pi, l, body, o.BodySpace, &r.Spaces)
			}
			last := l.words[len(l.words)-1].text
			if strings.HasSuffix(last, "-") {
				run++
				r.MaxHyphenRun = max(r.MaxHyphenRun, run)
			} else {
				run = 0
			}
			start := startsPara(pi, l, prev, pp)
			if i == 0 && !heading && !start && !full(pi, l) {
				r.Widows = append(r.Widows, fmt.Sprintf("%d: %s", pi+1, text(l)))
			}
			if i == len(p.bodyLines)-1 {
				if start && full(pi, l) && pi+1 < len(pages) && len(pages[pi+1].bodyLines) > 0 {
					next := pages[pi+1].bodyLines[0]
					if !startsPara(pi+1, next, &l, pi) {
						r.Orphans = append(r.Orphans, fmt.Sprintf("%d: %s", pi+1, text(l)))
					}
				}
				if strings.HasSuffix(last, "-") {
					r.HyphenatedFeet = append(r.HyphenatedFeet, pi+1)
				}
			}
		}
		if n := len(p.bodyLines); n > 0 {
			prevLast, prevPage = &p.bodyLines[n-1], pi
		}
		bottom := 0.0
		if n := len(p.bodyLines); n > 0 {
			bottom = p.bodyLines[n-1].y
		}
		info[pi] = pageInfo{body: len(p.bodyLines) > 0, heading: heading, text: bottom}
		if len(p.bodyLines) > 0 {
			for _, y := range p.markY {
				if math.Abs(y-p.bodyLines[0].y) < o.Leading/2 {
					info[pi].firstMarks++
				}
			}
		}
		for _, l := range p.noteLines {
			if l.y <= bottom {
				continue // a running head, not a note
			}
			if info[pi].note == 0 {
				info[pi].note = l.y
			}
			info[pi].foot = l.y
			spaces(pi, l, note, o.NoteSpace, &r.NoteSpaces)
			first := l.words[0].text
			if l.left() < left[pi%2]+0.5 && first != "" && strings.IndexFunc(first, func(r rune) bool { return !unicode.IsDigit(r) }) < 0 {
				if _, seen := notePage[first]; !seen {
					notePage[first] = pi
				}
			}
		}
		for _, m := range p.marks {
			if _, seen := markPage[m]; !seen {
				markPage[m] = pi
			}
		}
	}
	for m, pi := range markPage {
		r.Notes++
		if np, ok := notePage[m]; ok && np == pi {
			r.NotesOnMarkPage++
		} else {
			r.Misplaced = append(r.Misplaced, fmt.Sprintf("note %s: mark on page %d, note on page %d", m, pi+1, notePage[m]+1))
		}
	}
	sort.Strings(r.Misplaced)
	if o.Leading > 0 {
		depths(r, info[min(o.FrontPages, len(info)):], o.FrontPages, o)
	}
	sort.Float64s(r.Spaces)
	sort.Float64s(r.NoteSpaces)
	return r, nil
}

// pageInfo is what the depth of a page is judged by: the baselines (as
// pdftotext's box bottoms) of its last text line, its first and last note
// lines (zero without notes).
type pageInfo struct {
	body, heading    bool
	text, note, foot float64
	// firstMarks counts the note marks in the first line of text.
	firstMarks int
}

// depths measures how many lines each body page that should be full ends
// short of the text block's bottom, and compares the pages of each spread.
// The bottom is the lowest foot found, of text on pages without notes and of
// notes on pages with notes (their boxes sit differently on the baseline).
//
// A page is short by the lines it could still hold: on a page without
// notes, the lines between its last line and the bottom; on a page with
// notes, the lines its notes end above the bottom plus the lines its text
// could still take above the notes (a line needs a body leading, and the
// rule above the notes one more). A line that would bring notes with it
// (the next page's first line carries marks) needs room for the rule and
// two lines of each note too, or it could not be there: a page ended
// earlier for that is not short.
func depths(r *Report, pages []pageInfo, first int, o Options) {
	var textBottom, noteBottom float64
	for _, p := range pages {
		if !p.body {
			continue
		}
		if p.note == 0 {
			textBottom = math.Max(textBottom, p.text)
		} else {
			noteBottom = math.Max(noteBottom, p.foot)
		}
	}
	short := func(i int) int {
		p := pages[i]
		marks := 0
		if i+1 < len(pages) {
			marks = pages[i+1].firstMarks
		}
		need := float64(2*marks) * o.NoteLead // the next line's notes, at least
		if p.note == 0 {
			room := textBottom - p.text
			if marks > 0 && room < o.Leading+o.Leading+need-0.5 {
				return 0 // the next line could not come with its notes
			}
			return int(math.Round(room / o.Leading))
		}
		foot := int(math.Round((noteBottom - p.foot) / o.Leading))
		text := int(math.Floor((p.note - p.text - o.Leading - o.NoteLead - need + 0.5) / o.Leading))
		return foot + max(text, 0)
	}
	// counted reports whether page i should be full: a body page, not an
	// opening, followed by a page of the same section.
	counted := func(i int) bool {
		p := pages[i]
		if !p.body || p.heading || i+1 >= len(pages) {
			return false
		}
		next := pages[i+1]
		return next.body && !next.heading
	}
	for i := range pages {
		if !counted(i) {
			continue
		}
		r.FullPages++
		n := short(i)
		if n > 0 {
			r.ShortPages = append(r.ShortPages, fmt.Sprintf("%d: %d line(s) short", first+i+1, n))
		}
		// A spread: a verso (even physical number) and the recto after it.
		if (first+i+1)%2 == 0 && i+1 < len(pages) && counted(i+1) {
			r.Spreads++
			m := short(i + 1)
			if m != n {
				r.Uneven = append(r.Uneven, fmt.Sprintf("%d–%d: %d and %d line(s) short", first+i+1, first+i+2, n, m))
			} else if n == 1 {
				r.Balanced++
			}
		}
	}
}

func text(l pline) string {
	var ws []string
	for _, w := range l.words {
		ws = append(ws, w.text)
	}
	s := strings.Join(ws, " ")
	if len(s) > 50 {
		s = s[:50] + "…"
	}
	return s
}

func firstRune(s string) rune {
	for _, r := range s {
		return r
	}
	return 0
}
